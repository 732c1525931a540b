import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DeleteButton } from '../../components/DeleteButton'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNote } from '../../components/ErrorNote'
import { useApi } from '../../lib/queries'
import { navigate, routeHref } from '../../app/router'
import { ParticipantForm } from './ParticipantForm'

export function PeopleScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [creating, setCreating] = useState(false)
  const list = useApi('participants:list', search ? { search } : undefined)
  return (
    <div className="split">
      <section className="list-pane" aria-labelledby="people-h">
        <header className="pane-header">
          <h1 id="people-h">{t('nav.people')}</h1>
          <button type="button" onClick={() => setCreating(true)}>
            {t('participants.new')}
          </button>
        </header>
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('common.search')}
          aria-label={t('participants.search')}
        />
        <ErrorNote error={list.error} />
        {list.data?.length === 0 && !search && (
          <EmptyState title={t('participants.emptyTitle')}>
            <p>{t('participants.emptyHelp')}</p>
          </EmptyState>
        )}
        <ul className="item-list">
          {list.data?.map((p) => (
            <li key={p.id}>
              <a
                href={routeHref({ name: 'people', id: p.id })}
                aria-current={p.id === selectedId ? 'true' : undefined}
              >
                <span className="item-title">{p.name}</span>
                <span className="item-meta">
                  {[p.role, p.companyName].filter(Boolean).join(' · ') || t('participants.noCompany')}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section className="detail-pane">{selectedId && <PersonDetail id={selectedId} />}</section>
      {creating && (
        <ParticipantForm
          onClose={() => setCreating(false)}
          onSaved={(p) => (setCreating(false), navigate({ name: 'people', id: p.id }))}
        />
      )}
    </div>
  )
}

function PersonDetail({ id }: { id: string }) {
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
