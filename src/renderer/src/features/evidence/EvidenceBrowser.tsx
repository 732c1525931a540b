import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNote } from '../../components/ErrorNote'
import { useApi } from '../../lib/queries'
import type { EvidenceGroup, EvidenceRow } from '../../../../shared/ipc/contracts/evidence'
import { ChosenQuotesBar } from '../insights/ChosenQuotesBar'
import { EvidenceFilters, type Filters } from './EvidenceFilters'
import { EvidenceList } from './EvidenceList'
import { useEvidencePages } from './useEvidencePages'

/** Every highlight in the library or a study, filtered, counted per distinct participant and company. */
export function EvidenceBrowser({
  filters,
  onFiltersChange,
}: {
  filters: Filters
  onFiltersChange: (f: Filters) => void
}) {
  const { t } = useTranslation()
  const [grouped, setGrouped] = useState(false)
  const [copyStatus, setCopyStatus] = useState('')
  // Quotes chosen for an insight stay chosen while the filters change, so one can gather them from several.
  const [chosen, setChosen] = useState<ReadonlyMap<string, EvidenceRow>>(new Map())
  const choose = (row: EvidenceRow) =>
    setChosen((old) => {
      const next = new Map(old)
      if (!next.delete(row.highlightId)) next.set(row.highlightId, row)
      return next
    })
  const options = useApi('evidence:filterOptions')
  const pages = useEvidencePages({ ...filters, groupBy: grouped ? 'tag' : 'none' })
  const first = pages.data?.pages[0]
  const rows = pages.data?.pages.flatMap((p) => p.rows) ?? []
  const filtered = Object.keys(filters).length > 0
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  const copy = async (row: EvidenceRow) => {
    try {
      await navigator.clipboard.writeText(row.citation)
      setCopyStatus(t('evidence.copied'))
    } catch {
      setCopyStatus(t('evidence.copyFailed'))
    }
  }

  return (
    <section className="evidence-browser" aria-labelledby="evidence-h">
      <header className="pane-header">
        <h2 id="evidence-h">{t('evidence.browserHeading')}</h2>
        <div className="actions">
          <label className="checkbox">
            <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
            {t('evidence.groupByTag')}
          </label>
          {filtered && (
            <button type="button" className="secondary" onClick={() => onFiltersChange({})}>
              {t('evidence.clearFilters')}
            </button>
          )}
        </div>
      </header>
      <ErrorNote error={options.error} />
      <EvidenceFilters options={options.data} filters={filters} onChange={onFiltersChange} />
      <ErrorNote error={pages.error} />
      {first && (
        <p className="evidence-counts" data-testid="evidence-counts">
          {[
            t('evidence.countHighlights', { count: first.counts.highlights }),
            t('evidence.countParticipants', { count: first.counts.participants }),
            t('evidence.countCompanies', { count: first.counts.companies }),
          ].join(' · ')}
        </p>
      )}
      {first?.groups && first.groups.length > 0 && (
        <GroupTable groups={first.groups} onPick={(tagId) => onFiltersChange({ ...filters, tagId })} />
      )}
      {first && first.total === 0 && !filtered && (
        <EmptyState title={t('evidence.emptyTitle')}>
          <p>{t('evidence.emptyHelp')}</p>
        </EmptyState>
      )}
      {first && first.total === 0 && filtered && (
        <EmptyState title={t('evidence.emptyFilteredTitle')}>
          <p>{t('evidence.emptyFilteredHelp')}</p>
          <button type="button" onClick={() => onFiltersChange({})}>
            {t('evidence.clearFilters')}
          </button>
        </EmptyState>
      )}
      <p role="status" className="hint copy-status">
        {copyStatus}
      </p>
      {(chosen.size > 0 || Boolean(first?.total)) && (
        <ChosenQuotesBar
          chosen={[...chosen.values()]}
          studyId={filters.studyId}
          onClear={() => setChosen(new Map())}
        />
      )}
      {first && first.total > 0 && (
        <EvidenceList
          rows={rows}
          total={first.total}
          hasMore={Boolean(hasNextPage)}
          loadMore={loadMore}
          onCopy={(r) => void copy(r)}
          chosen={new Set(chosen.keys())}
          onChoose={choose}
        />
      )}
    </section>
  )
}

function GroupTable({ groups, onPick }: { groups: EvidenceGroup[]; onPick: (tagId: string) => void }) {
  const { t } = useTranslation()
  return (
    <table className="evidence-groups">
      <caption>{t('evidence.groupsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('evidence.groupTag')}</th>
          <th scope="col">{t('evidence.groupHighlights')}</th>
          <th scope="col">{t('evidence.groupParticipants')}</th>
          <th scope="col">{t('evidence.groupCompanies')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.tagId}>
            <th scope="row">
              <button
                type="button"
                className="link-button"
                onClick={() => onPick(g.tagId)}
                aria-label={t('evidence.showTag', { name: g.name })}
              >
                <span className="tag-dot" style={{ background: g.color }} aria-hidden="true" />
                {g.code ? `${g.name} (${g.code})` : g.name}
              </button>
            </th>
            <td>{g.highlights}</td>
            <td>{g.participants}</td>
            <td>{g.companies}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
