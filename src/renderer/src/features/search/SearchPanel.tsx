import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { routeHref } from '../../app/router'
import { useApi } from '../../lib/queries'
import { useInfiniteQuery } from '@tanstack/react-query'
import type {
  SearchGroup,
  SearchHit,
  SearchResult as SearchPage,
} from '../../../../shared/ipc/contracts/search'
import { call, type ApiError } from '../../lib/api'
import { evidenceHref } from '../evidence/links'
import { Snippet } from './Snippet'
import { useDebounced } from '../../lib/useDebounced'

export const SEARCH_DEBOUNCE_MS = 150

/** Full-text search as you type, across notes, rating reasons, transcripts, quotes and survey comments, grouped by kind. */
export function SearchPanel({ studyId }: { studyId?: string }) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const settled = useDebounced(q, SEARCH_DEBOUNCE_MS).trim()
  const hintId = useId()
  const search = useApi(
    'search:query',
    { q: settled, ...(studyId ? { studyId } : {}) },
    { enabled: settled !== '' },
  )
  const groups = settled ? search.data?.groups : undefined
  const shown = groups?.reduce((n, g) => n + g.hits.length, 0) ?? 0
  return (
    <section className="search-panel" aria-labelledby="search-h">
      <h2 id="search-h">{t('search.searchHeading')}</h2>
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-label={t('search.searchLabel')}
        aria-describedby={hintId}
        placeholder={t('search.searchPlaceholder')}
        maxLength={500}
      />
      <p id={hintId} className="hint">
        {t('search.searchHint')}
      </p>
      <ErrorNote error={search.error} />
      <p role="status" className="hint">
        {settled && search.isFetching && !groups ? t('search.searching') : ''}
        {groups && shown === 0 ? t('search.noResults', { q: settled }) : ''}
      </p>
      {groups && shown > 0 && (
        <div className="search-results" role="region" aria-label={t('search.searchResults')}>
          {groups
            .filter((g) => g.hits.length > 0)
            .map((g) => (
              // A new query starts every group from its first page again.
              <SearchGroupList
                key={`${settled}/${studyId ?? ''}/${g.kind}`}
                group={g}
                q={settled}
                studyId={studyId}
              />
            ))}
        </div>
      )}
    </section>
  )
}

/** One kind's hits, with the pages "Show more" has loaded after the first. */
function SearchGroupList({ group, q, studyId }: { group: SearchGroup; q: string; studyId?: string }) {
  const { t } = useTranslation()
  const name = t(`search.group.${group.kind}`)
  const headingId = useId()
  const [wantMore, setWantMore] = useState(false)
  // Keyed like useApi (channel first), so whatever refreshes search refreshes these pages too.
  const pages = useInfiniteQuery<SearchPage, ApiError, { pages: SearchPage[] }, unknown[], number | null>({
    queryKey: ['search:query', { q, studyId, kind: group.kind, after: group.nextBefore }],
    initialPageParam: group.nextBefore,
    enabled: wantMore && group.nextBefore !== null,
    queryFn: ({ pageParam }) =>
      call('search:query', {
        q,
        kind: group.kind,
        ...(pageParam !== null ? { before: pageParam } : {}),
        ...(studyId ? { studyId } : {}),
      }),
    getNextPageParam: (last) => last.groups[0]?.nextBefore ?? undefined,
  })
  const more = pages.data?.pages.flatMap((p) => p.groups[0]?.hits ?? []) ?? []
  const hasMore = pages.data ? pages.hasNextPage : group.nextBefore !== null
  const loading = pages.isFetching
  const loadMore = () => (pages.data ? void pages.fetchNextPage() : setWantMore(true))
  const error = pages.error
  const hits = [...group.hits, ...more]
  return (
    <section className="search-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name}{' '}
        <span className="item-meta">
          {t('search.resultCount', { count: hits.length })}
          {hasMore ? '+' : ''}
        </span>
      </h3>
      <ol className="search-hits" aria-label={name}>
        {hits.map((h) => (
          <SearchResult key={h.position} hit={h} />
        ))}
      </ol>
      <ErrorNote error={error} />
      {hasMore && (
        <button
          type="button"
          className="secondary"
          onClick={loadMore}
          disabled={loading}
          aria-label={t('search.showMoreOf', { group: name })}
        >
          {t('search.showMore')}
        </button>
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
  // A rating reason says which rating it explains ("NPS 3") and the question that asked for it.
  const where =
    hit.kind === 'rating'
      ? [hit.title, hit.questionText].filter(Boolean).join(' — ')
      : (hit.questionText ?? hit.title)
  return (
    <li className="search-result">
      <div className="search-result-head">
        <span className={`kind-chip kind-${hit.kind}`}>{t(`search.kind.${hit.kind}`)}</span>
        <span className="item-meta">{context}</span>
        {!hit.interviewId && hit.companyId && (
          <a
            className="open-link"
            href={routeHref({ name: 'companies', id: hit.companyId })}
            aria-label={t('search.openCompany', { name: hit.companyName ?? '' })}
          >
            {t('search.open')}
          </a>
        )}
        {hit.interviewId && (
          <a
            className="open-link"
            href={evidenceHref({ ...hit, interviewId: hit.interviewId })}
            aria-label={
              hit.transcriptId
                ? t('search.openTranscript', { name: hit.title ?? '' })
                : t('search.openInterview', {
                    name: [hit.participantName ?? t('search.unknownParticipant'), where]
                      .filter(Boolean)
                      .join(' — '),
                  })
            }
          >
            {t('search.open')}
          </a>
        )}
      </div>
      {where && <div className="search-where">{where}</div>}
      <Snippet segments={hit.snippet} />
    </li>
  )
}
