import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DeleteButton } from '../../components/DeleteButton'
import { ErrorNote } from '../../components/ErrorNote'
import { ListDetailScreen, useSearchedList } from '../../components/ListDetailScreen'
import { MetricsCards } from '../../components/MetricsCards'
import { fmtDate, fmtMoney } from '../../lib/format'
import { useApi } from '../../lib/queries'
import { navigate, routeHref } from '../../app/router'
import { CompanyForm } from './CompanyForm'
import { ParticipantForm } from '../participants/ParticipantForm'
import { SegmentSharesPanel } from './SegmentSharesPanel'
import { SurveyResponses } from '../churn/SurveyResponses'

export function CompaniesScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const searched = useSearchedList('companies:list')

  return (
    <ListDetailScreen
      headingId="companies-h"
      title={t('nav.companies')}
      newLabel={t('companies.new')}
      searchLabel={t('companies.search')}
      searched={searched}
      empty={{ title: t('companies.emptyTitle'), help: t('companies.emptyHelp') }}
      beforeList={
        selectedId &&
        (searched.list.data?.length ?? 0) > 0 && (
          <a href={routeHref({ name: 'companies' })}>{t('companies.overview')}</a>
        )
      }
      item={(c) => ({
        href: routeHref({ name: 'companies', id: c.id }),
        title: (
          <>
            {c.segment && <span className={`seg-chip seg-${c.segment}`}>{c.segment}</span>} {c.name}
          </>
        ),
        meta: (
          <>
            {fmtMoney(c.mrrMinor, c.currency)}/{t('companies.month')} · {t(`companyStatus.${c.status}`)}
            {c.plan ? ` · ${c.plan}` : ''}
          </>
        ),
      })}
      currentId={selectedId}
      detail={selectedId ? <CompanyDetailPane id={selectedId} /> : <SegmentSharesPanel />}
      createDialog={(close) => (
        <CompanyForm onClose={close} onSaved={(c) => (close(), navigate({ name: 'companies', id: c.id }))} />
      )}
    />
  )
}

function CompanyDetailPane({ id }: { id: string }) {
  const { t } = useTranslation()
  const company = useApi('companies:get', { id })
  const people = useApi('participants:list', { companyId: id })
  const interviews = useApi('interviews:list', { companyId: id })
  const [editing, setEditing] = useState(false)
  const [addingPerson, setAddingPerson] = useState(false)
  if (company.error) return <ErrorNote error={company.error} />
  const c = company.data
  if (!c) return <p>{t('common.loading')}</p>
  return (
    <article aria-labelledby="company-title">
      <header className="detail-header">
        <div>
          <h2 id="company-title">{c.name}</h2>
          <p className="item-meta">
            {c.segment ? t('companies.segmentName', { segment: c.segment }) : t('companies.unsegmented')} ·{' '}
            {t(`companyStatus.${c.status}`)}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
          <DeleteButton domain="companies" id={c.id} onDeleted={() => navigate({ name: 'companies' })} />
        </div>
      </header>
      <dl className="facts">
        <dt>{t('companies.plan')}</dt>
        <dd>{c.plan || '—'}</dd>
        <dt>{t('companies.mrr')}</dt>
        <dd>{fmtMoney(c.mrrMinor, c.currency)}</dd>
        <dt>{t('companies.customerSince')}</dt>
        <dd>{fmtDate(c.customerSince)}</dd>
        {c.status === 'churned' && (
          <>
            <dt>{t('companies.churnedOn')}</dt>
            <dd>
              {fmtDate(c.churnedOn)} {c.churnType && `(${t(`churnType.${c.churnType}`)})`}
              {c.earlyChurn && <span className="badge warn">{t('companies.earlyChurn')}</span>}
            </dd>
          </>
        )}
      </dl>
      {c.notes && <p className="goal">{c.notes}</p>}
      <MetricsCards metrics={c.metrics} />
      <section aria-labelledby="company-people-h">
        <header className="pane-header">
          <h3 id="company-people-h">{t('nav.people')}</h3>
          <button type="button" className="secondary" onClick={() => setAddingPerson(true)}>
            {t('participants.new')}
          </button>
        </header>
        {people.data?.length === 0 && <p className="hint">{t('participants.noneAtCompany')}</p>}
        <ul className="plain-list">
          {people.data?.map((p) => (
            <li key={p.id}>
              <a href={routeHref({ name: 'people', id: p.id })}>{p.name}</a>{' '}
              {p.role && <span className="item-meta">· {p.role}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="company-iv-h">
        <h3 id="company-iv-h">{t('interviews.title')}</h3>
        {interviews.data?.length === 0 && <p className="hint">{t('interviews.emptyCompany')}</p>}
        <ul className="plain-list">
          {interviews.data?.map((i) => (
            <li key={i.id}>
              <a href={routeHref({ name: 'interview', id: i.id })}>
                {i.title || i.participantName || i.scriptName}
              </a>{' '}
              <span className="item-meta">
                · {i.studyName} · {t(`interviewStatus.${i.status}`)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <SurveyResponses companyId={c.id} currency={c.currency} />
      {editing && (
        <CompanyForm company={c} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {addingPerson && (
        <ParticipantForm
          defaultCompanyId={c.id}
          onClose={() => setAddingPerson(false)}
          onSaved={() => setAddingPerson(false)}
        />
      )}
    </article>
  )
}
