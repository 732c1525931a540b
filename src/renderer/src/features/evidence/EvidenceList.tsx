import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvidenceRow } from '../../../../shared/ipc/contracts/evidence'
import { routeHref } from '../../app/router'
import { fmtDate } from '../../lib/format'
import { evidenceHref } from './links'

/** The nearest ancestor that scrolls (the app's content area), or null when none does (as in jsdom). */
function scrollingAncestor(el: HTMLElement): HTMLElement | null {
  for (let at = el.parentElement; at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at)
    if (overflowY === 'auto' || overflowY === 'scroll') return at
  }
  return null
}

/**
 * Quotes in a virtualized list: only the rows in view are mounted, so 200k highlights scroll like 20.
 * Asks for the next page when the view nears the end of what is loaded.
 *
 * The list scrolls with the page, not in a box of its own: once the filters scroll away the quotes fill
 * the window (a box under the search and filters showed about four quotes on a 900-pixel-high window).
 * The virtualizer therefore watches the page's scroller, offset by where the list starts in it.
 */
export function EvidenceList({
  rows,
  total,
  hasMore,
  loadMore,
  onCopy,
  chosen,
  onChoose,
}: {
  rows: EvidenceRow[]
  total: number
  hasMore: boolean
  loadMore: () => void
  onCopy: (row: EvidenceRow) => void
  /** Quotes chosen to make an insight from, each with a checkbox. */
  chosen: ReadonlySet<string>
  onChoose: (row: EvidenceRow) => void
}) {
  const { t } = useTranslation()
  const regionRef = useRef<HTMLDivElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const [scroller, setScroller] = useState<{ el: HTMLElement; own: boolean } | null>(null)
  const [scrollMargin, setScrollMargin] = useState(0)

  useLayoutEffect(() => {
    const region = regionRef.current
    if (!region) return
    const page = scrollingAncestor(region)
    const el = page ?? region
    setScroller({ el, own: page === null })
    // Where the list starts in the scroller's content; anything above it (search results, filters, the
    // tag table) may change height, so it is measured again whenever the page resizes.
    const measure = () => {
      const list = listRef.current
      if (!list) return
      const top = Math.round(list.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop)
      setScrollMargin((old) => (old === top ? old : top))
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el.firstElementChild ?? el)
    return () => observer.disconnect()
  }, [])

  // The virtualizer re-renders this component on scroll by design; there is no React Compiler memoization to lose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller?.el ?? null,
    scrollMargin,
    estimateSize: () => 120,
    overscan: 6,
    // jsdom and the first paint have no layout yet: assume a viewport so the first rows mount at once.
    initialRect: { width: 800, height: 640 },
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 20) loadMore()
  }, [hasMore, lastIndex, rows.length, loadMore])

  return (
    <div
      ref={regionRef}
      className={scroller?.own === false ? 'evidence-scroll in-page' : 'evidence-scroll'}
      role="region"
      aria-label={t('evidence.quotes')}
      // Its own scroller takes the keyboard; in the page, the page's scrolling does.
      tabIndex={scroller?.own === false ? undefined : 0}
    >
      <ul ref={listRef} className="evidence-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]
          if (!row) return null
          return (
            <li
              key={row.highlightId}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              className="evidence-row"
              style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
            >
              <div className="evidence-pick">
                <input
                  type="checkbox"
                  checked={chosen.has(row.highlightId)}
                  onChange={() => onChoose(row)}
                  aria-label={t('insights.create.choose', { quote: row.quote.trim().slice(0, 60) })}
                />
                <EvidenceItem row={row} onCopy={onCopy} />
              </div>
            </li>
          )
        })}
      </ul>
      {hasMore && <p className="hint">{t('evidence.loadingMore')}</p>}
    </div>
  )
}

function EvidenceItem({ row, onCopy }: { row: EvidenceRow; onCopy: (row: EvidenceRow) => void }) {
  const { t } = useTranslation()
  const company = row.companyName
    ? row.segment
      ? `${row.companyName} (${row.segment})`
      : row.companyName
    : null
  return (
    <article className="evidence-item">
      <blockquote className="evidence-quote">“{row.quote.trim()}”</blockquote>
      {row.memo && <p className="evidence-memo">{t('evidence.memo', { memo: row.memo })}</p>}
      {row.tags.length > 0 && (
        <ul className="tag-chips" aria-label={t('evidence.groupTag')}>
          {row.tags.map((tag) => (
            <li key={tag.id} className="tag-chip">
              <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
              {tag.name}
            </li>
          ))}
        </ul>
      )}
      <div className="evidence-meta">
        <span className="item-meta">
          {[
            row.participantName,
            company,
            row.studyName,
            row.date ? fmtDate(row.date) : null,
            t(`evidence.source.${row.source}`),
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <span className="actions">
          <button
            type="button"
            className="secondary small"
            onClick={() => onCopy(row)}
            title={t('evidence.copyQuoteFor')}
          >
            {t('evidence.copyQuote')}
          </button>
          {row.interviewId && (
            <a href={evidenceHref({ ...row, interviewId: row.interviewId })} className="open-link">
              {row.transcriptId ? t('evidence.jumpTranscript') : t('evidence.jump')}
            </a>
          )}
          {!row.interviewId && row.companyId && (
            <a href={routeHref({ name: 'companies', id: row.companyId })} className="open-link">
              {t('evidence.jumpCompany')}
            </a>
          )}
        </span>
      </div>
    </article>
  )
}
