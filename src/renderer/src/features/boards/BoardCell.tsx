import { useDroppable } from '@dnd-kit/core'
import { memo, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardCard as Card, BoardLane, BoardStage } from '../../../../shared/domain/board'
import { BoardCard, CardTextEditor, type CardActions } from './BoardCard'
import { CardDropContext, dragId } from './board-dnd'
import { cellKey } from './grid-keys'
import { MetricScores, type StageInsight } from './InsightCells'

/** What a cell can ask of the editor besides its cards' actions. */
export interface CellActions {
  focusCell(laneId: string, stageId: string): void
  startDraft(laneId: string, stageId: string): void
  commitDraft(laneId: string, stageId: string, text: string): void
  cancelDraft(): void
}

interface Props {
  lane: BoardLane
  stage: BoardStage
  row: number
  col: number
  cards: readonly Card[]
  active: boolean
  drafting: boolean
  locked: boolean
  selection: ReadonlySet<string>
  editingId: string | null
  backing: ReadonlyMap<string, number>
  actions: CardActions
  cellActions: CellActions
  /** The stage's computed figures: a metric-moments cell shows the scores asked there above its cards. */
  insight: StageInsight | undefined
}

/**
 * A cell of a lane that holds cards: its cards in order, a drop target, and a way to add one. Memoized on
 * its props, the card list compared card by card (the layout regroups the cards into new arrays on every
 * edit, but an untouched card stays the same object), so an edit renders only the cells it touches.
 */
export const BoardCell = memo(function BoardCell(props: Props) {
  const { lane, stage, cards, locked, cellActions } = props
  const { t } = useTranslation()
  const droppable = useContext(CardDropContext)
  const { setNodeRef, isOver } = useDroppable({
    id: dragId.cell(lane.id, stage.id),
    data: { type: 'cell', laneId: lane.id, stageId: stage.id },
    disabled: !droppable || locked,
  })
  return (
    <div
      ref={setNodeRef}
      role="gridcell"
      className={`board-cell lane-${lane.kind}${isOver ? ' drop-into' : ''}`}
      style={{ gridRow: props.row, gridColumn: props.col }}
      data-cell={cellKey(lane.id, stage.id)}
      tabIndex={props.active ? 0 : -1}
      aria-label={t('boards.cell.label', { lane: lane.name, stage: stage.name, count: cards.length })}
      onFocus={(e) => e.target === e.currentTarget && cellActions.focusCell(lane.id, stage.id)}
      onClick={(e) => e.target === e.currentTarget && e.currentTarget.focus()}
    >
      {lane.kind === 'metrics' && <MetricScores insight={props.insight} />}
      {cards.map((card) => (
        <BoardCard
          key={card.id}
          card={card}
          kind={lane.kind}
          selected={props.selection.has(card.id)}
          editing={props.editingId === card.id}
          locked={locked}
          companies={props.backing.get(card.id) ?? 0}
          actions={props.actions}
        />
      ))}
      {props.drafting && (
        <CardTextEditor
          initial=""
          label={t('boards.cell.newCard', { lane: lane.name, stage: stage.name })}
          onCommit={(text) => cellActions.commitDraft(lane.id, stage.id, text)}
          onCancel={cellActions.cancelDraft}
        />
      )}
      {!locked && !props.drafting && (
        <button
          type="button"
          className="cell-add"
          tabIndex={-1}
          aria-label={t('boards.cell.add', { lane: lane.name, stage: stage.name })}
          onClick={() => cellActions.startDraft(lane.id, stage.id)}
        >
          +
        </button>
      )}
    </div>
  )
}, sameProps)

function sameProps(a: Props, b: Props): boolean {
  for (const key of Object.keys(b) as (keyof Props)[])
    if (key !== 'cards' && !Object.is(a[key], b[key])) return false
  return a.cards.length === b.cards.length && a.cards.every((card, i) => card === b.cards[i])
}
