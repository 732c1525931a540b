import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DeleteButton } from '../../components/DeleteButton'
import { ErrorNote } from '../../components/ErrorNote'
import { ListDetailScreen, useSearchedList } from '../../components/ListDetailScreen'
import { useApi } from '../../lib/queries'
import { navigate, routeHref } from '../../app/router'
import { ParticipantForm } from './ParticipantForm'

export function ParticipantsScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const searched = useSearchedList('participants:list')
  return (
    <ListDetailScreen
      headingId="people-h"
      title={t('nav.people')}
      newLabel={t('participants.new')}
      searchLabel={t('participants.search')}
      searched={searched}
      empty={{ title: t('participants.emptyTitle'), help: t('participants.emptyHelp') }}
      item={(p) => ({
        href: routeHref({ name: 'people', id: p.id }),
        title: p.name,
        meta: [p.role, p.companyName].filter(Boolean).join(' · ') || t('participants.noCompany'),
      })}
      currentId={selectedId}
      detail={selectedId && <ParticipantDetail id={selectedId} />}
      createDialog={(close) => (
        <ParticipantForm onClose={close} onSaved={(p) => (close(), navigate({ name: 'people', id: p.id }))} />
      )}
    />
  )
}

function ParticipantDetail({ id }: { id: string }) {
  const { t } = useTranslation()
  const person = useApi('participants:get', { id })
  const interviews = useApi('interviews:list', { participantId: id })
  const [editing, setEditing] = useState(false)
  if (person.error) return <ErrorNote error={person.error} />
  const p = person.data
  if (!p) return <p>{t('common.loading')}</p>
  return (
    <article aria-labelledby="person-title">
      <header className="detail-header">
        <div>
          <h2 id="person-title">{p.name}</h2>
          <p className="item-meta">
            {p.role}
            {p.companyId && (
              <>
                {p.role ? ' · ' : ''}
                <a href={routeHref({ name: 'companies', id: p.companyId })}>{p.companyName}</a>
              </>
            )}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
          <DeleteButton domain="participants" id={p.id} onDeleted={() => navigate({ name: 'people' })} />
        </div>
      </header>
      <dl className="facts">
        <dt>{t('participants.email')}</dt>
        <dd>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : '—'}</dd>
        <dt>{t('participants.phone')}</dt>
        <dd>{p.phone || '—'}</dd>
        <dt>{t('participants.consentShort')}</dt>
        <dd>{p.consentToRecord ? t('common.yes') : t('common.no')}</dd>
      </dl>
      <h3>{t('interviews.title')}</h3>
      {interviews.data?.length === 0 && <p className="hint">{t('participants.noInterviews')}</p>}
      <ul className="plain-list">
        {interviews.data?.map((i) => (
          <li key={i.id}>
            <a href={routeHref({ name: 'interview', id: i.id })}>{i.title || i.scriptName}</a>{' '}
            <span className="item-meta">
              · {i.studyName} · {t(`interviewStatus.${i.status}`)}
            </span>
          </li>
        ))}
      </ul>
      {editing && (
        <ParticipantForm
          participant={p}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </article>
  )
}
