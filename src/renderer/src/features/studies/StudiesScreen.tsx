import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNote } from '../../components/ErrorNote'
import { useApi } from '../../lib/queries'
import { navigate, routeHref } from '../../app/router'
import { StudyDetailPane } from './StudyDetailPane'
import { StudyForm } from './StudyForm'

export function StudiesScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [creating, setCreating] = useState(false)
  const list = useApi('studies:list', search ? { search } : undefined)
  const first = list.data?.[0]
  const activeId = selectedId ?? first?.id

  return (
    <div className="split">
      <section className="list-pane" aria-labelledby="studies-h">
        <header className="pane-header">
          <h1 id="studies-h">{t('nav.studies')}</h1>
          <button type="button" onClick={() => setCreating(true)}>
            {t('studies.new')}
          </button>
        </header>
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('common.search')}
          aria-label={t('studies.search')}
        />
        <ErrorNote error={list.error} />
        {list.data && list.data.length === 0 && !search && (
          <EmptyState title={t('studies.emptyTitle')}>
            <p>{t('studies.emptyHelp')}</p>
            <button type="button" onClick={() => setCreating(true)}>
              {t('studies.createFirst')}
            </button>
          </EmptyState>
        )}
        <ul className="item-list">
          {list.data?.map((s) => (
            <li key={s.id}>
              <a
                href={routeHref({ name: 'studies', id: s.id })}
                aria-current={s.id === activeId ? 'true' : undefined}
              >
                <span className="item-title">{s.name}</span>
                <span className="item-meta">
                  {t(`method.${s.method}`)} ·{' '}
                  {t('studies.progressShort', { done: s.doneCount, target: s.targetInterviews })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section className="detail-pane">{activeId ? <StudyDetailPane id={activeId} /> : null}</section>
      {creating && (
        <StudyForm
          onClose={() => setCreating(false)}
          onSaved={(s) => (setCreating(false), navigate({ name: 'studies', id: s.id }))}
        />
      )}
    </div>
  )
}
