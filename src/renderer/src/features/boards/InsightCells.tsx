import { useDraggable } from '@dnd-kit/core'
import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInsights, BoardLane, BoardStage } from '../../../../shared/domain/board'
import { fmtNumber } from '../../lib/format'
import { evidenceHref } from '../evidence/links'
import { dragId, type DragData } from './board-dnd'
import { cellKey } from './grid-keys'

export type StageInsight = BoardInsights['stages'][number]
type Quote = StageInsight['evidence']['quotes'][number]

interface CellProps {
  lane: BoardLane
  stage: BoardStage
  row: number
  col: number
  active: boolean
  insight: StageInsight | undefined
}

/** A cell Fieldnote fills in: focusable like any other, never a drop target. */
function ComputedCell({
  lane,
  stage,
  row,
  col,
  active,
  label,
  children,
}: Omit<CellProps, 'insight'> & {
  label: string
  children: React.ReactNode
}) {
  return (
    <div
      role="gridcell"
      className={`board-cell computed lane-${lane.kind}`}
      style={{ gridRow: row, gridColumn: col }}
      data-cell={cellKey(lane.id, stage.id)}
      tabIndex={active ? 0 : -1}
      aria-label={label}
    >
      {children}
    </div>
  )
}

/**
 * The quotes tagged with the stage: how many, from how many companies and people, and the latest few, each
 * of which can be dragged onto a card to cite it (unless the board is being presented).
 */
export const EvidenceCell = memo(function EvidenceCell(props: CellProps & { locked: boolean }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const e = props.insight?.evidence
  const summary = e
    ? [
        t('boards.evidence.quotes', { count: e.highlights }),
        t('boards.evidence.companies', { count: e.companies }),
        t('boards.evidence.people', { count: e.participants }),
      ].join(' · ')
    : ''
  return (
    <ComputedCell {...props} label={`${props.lane.name}, ${props.stage.name}: ${summary}`}>
      {!props.stage.tagId ? (
        <p className="hint">{t('boards.evidence.noTag')}</p>
      ) : !e || e.highlights === 0 ? (
        <p className="hint">{t('boards.evidence.none')}</p>
      ) : (
        <>
          <p className="evidence-summary">{summary}</p>
          <button
            type="button"
            className="secondary small"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? t('boards.evidence.hide') : t('boards.evidence.show', { count: e.quotes.length })}
          </button>
          {open && <QuoteList quotes={e.quotes} stageId={props.stage.id} locked={props.locked} />}
        </>
      )}
    </ComputedCell>
  )
})

/** A handle that carries the quote onto a card (mouse or Space and the arrows), where it is then cited. */
function QuoteHandle({ quote, stageId }: { quote: Quote; stageId: string }) {
  const { t } = useTranslation()
  const data: DragData = { type: 'quote', highlightId: quote.highlightId, quote: quote.quote, stageId }
  const { setNodeRef, isDragging, attributes, listeners } = useDraggable({
    id: dragId.quote(quote.highlightId, stageId),
    data,
  })
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`quote-handle${isDragging ? ' dragging' : ''}`}
      title={t('boards.evidence.dragHelp')}
      {...attributes}
      {...listeners}
      aria-label={t('boards.evidence.drag', { quote: quote.quote.slice(0, 60) })}
    >
      ⠿
    </button>
  )
}

export function QuoteList(props: { quotes: readonly Quote[]; stageId: string; locked: boolean }) {
  const { t } = useTranslation()
  return (
    <ul className="board-quotes">
      {props.quotes.map((q) => (
        <li key={q.highlightId}>
          {!props.locked && <QuoteHandle quote={q} stageId={props.stageId} />}
          <blockquote>{q.quote}</blockquote>
          <span className="item-meta">
            {[q.participantName, q.companyName].filter(Boolean).join(' · ')}
            {q.interviewId && (
              <>
                {' '}
                <a href={evidenceHref({ ...q, interviewId: q.interviewId })}>{t('boards.evidence.open')}</a>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** The scores interviews captured at the stage (NPS, CSAT, CES), above the lane's metric-moment cards. */
export function MetricScores({ insight }: { insight: StageInsight | undefined }) {
  const { t } = useTranslation()
  if (!insight?.metrics.length) return null
  return (
    <ul className="metric-scores" aria-label={t('boards.metrics.label')}>
      {insight.metrics.map((m) => (
        <li key={m.metric} className="metric-chip">
          <strong>{m.metric.toUpperCase()}</strong>{' '}
          {m.value === null ? '—' : fmtNumber(m.value, m.metric === 'nps' ? 0 : 1)}{' '}
          <span className="hint">{t('boards.metrics.n', { count: m.n })}</span>
        </li>
      ))}
    </ul>
  )
}

/** The churn reasons said about the stage, with how many companies said each and the MRR they took. */
export const ChurnCell = memo(function ChurnCell(props: CellProps) {
  const { t } = useTranslation()
  const reasons = props.insight?.churn ?? []
  return (
    <ComputedCell
      {...props}
      label={`${props.lane.name}, ${props.stage.name}: ${t('boards.churn.count', { count: reasons.length })}`}
    >
      {reasons.length === 0 ? (
        <p className="hint">{t('boards.churn.none')}</p>
      ) : (
        <ul className="churn-reasons">
          {reasons.map((r) => (
            <li key={r.tagId}>
              <span className="churn-name">
                {r.code && <span className="tag-code">{r.code}</span>} {r.name}
              </span>
              <span className="item-meta">
                {t('boards.churn.companies', { count: r.companies })}
                {r.lostMrr > 0 && ` · ${t('boards.churn.lost', { mrr: fmtNumber(r.lostMrr / 100) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </ComputedCell>
  )
})
