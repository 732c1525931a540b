import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { routeHref } from '../../app/router'
import { useApi } from '../../lib/queries'
import type { SearchHit } from '../../../../shared/ipc/contracts/evidence'
import { evidenceHref } from './links'
import { Snippet } from './Snippet'
import { useDebounced } from './useDebounced'

export const SEARCH_DEBOUNCE_MS = 150

/** Full-text search as you type, across notes, transcripts, quotes and survey comments. */
export function SearchPanel({ studyId }: { studyId?: string }) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const settled = useDebounced(q, SEARCH_DEBOUNCE_MS).trim()
  const hintId = useId()
  const search = useApi(
    'search:query',
    { q: settled, limit: 30, ...(studyId ? { studyId } : {}) },
    { enabled: settled !== '' },
  )
  const hits = settled ? search.data : undefined
  return (
    <section className="search-panel" aria-labelledby="search-h">
      <h2 id="search-h">{t('evidence.searchHeading')}</h2>
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-label={t('evidence.searchLabel')}
        aria-describedby={hintId}
        placeholder={t('evidence.searchPlaceholder')}
        maxLength={500}
      />
      <p id={hintId} className="hint">
        {t('evidence.searchHint')}
      </p>
      <ErrorNote error={search.error} />
      <p role="status" className="hint">
        {settled && search.isFetching && !hits ? t('evidence.searching') : ''}
        {hits && hits.length > 0 ? t('evidence.resultCount', { count: hits.length }) : ''}
        {hits && hits.length === 0 ? t('evidence.noResults', { q: settled }) : ''}
      </p>
      {hits && hits.length > 0 && (
        <ol className="search-results" aria-label={t('evidence.searchResults')}>
          {hits.map((h) => (
            <SearchResult key={`${h.kind}:${h.id}`} hit={h} />
          ))}
        </ol>
      )}
    </section>
  )
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation()
  const company = hit.companyName
    ? hit.segment
      ? `${hit.companyName} (${hit.segment})`
      : hit.companyName
    : null
  const context = [hit.studyName, hit.participantName, company].filter(Boolean).join(' · ')
  const where = hit.questionText ?? hit.title
  return (
    <li className="search-result">
      <div className="search-result-head">
        <span className={`kind-chip kind-${hit.kind}`}>{t(`evidence.kind.${hit.kind}`)}</span>
        <span className="item-meta">{context}</span>
        {!hit.interviewId && hit.companyId && (
          <a
            className="open-link"
            href={routeHref({ name: 'companies', id: hit.companyId })}
            aria-label={t('evidence.openCompany', { name: hit.companyName ?? '' })}
          >
            {t('evidence.open')}
          </a>
        )}
        {hit.interviewId && (
          <a
            className="open-link"
            href={evidenceHref(hit.interviewId, hit.questionId)}
            aria-label={t('evidence.openInterview', {
              name: [hit.participantName ?? t('evidence.unknownParticipant'), where]
                .filter(Boolean)
                .join(' — '),
            })}
          >
            {t('evidence.open')}
          </a>
        )}
      </div>
      {where && <div className="search-where">{where}</div>}
      <Snippet segments={hit.snippet} />
    </li>
  )
}
