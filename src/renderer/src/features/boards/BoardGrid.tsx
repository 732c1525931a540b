import {
  horizontalListSortingStrategy,
  SortableContext,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CARD_LANES, type BoardLane, type BoardStage } from '../../../../shared/domain/board'
import { AxisHeader, type AxisActions } from './AxisHeader'
import type { CardActions } from './BoardCard'
import { BoardCell, type CellActions } from './BoardCell'
import { dragId } from './board-dnd'
import type { CurveStage } from './emotion-curve'
import { EmotionLane, STAGE_WIDTH } from './EmotionLane'
import { cellKey, type BoardLayout } from './grid-keys'
import { ChurnCell, EvidenceCell, type StageInsight } from './InsightCells'
import { AddLane } from './AddLane'
import './board-grid.css'

export const LANE_HEADER_WIDTH = 200

export interface GridProps {
  label: string
  layout: BoardLayout
  insights: ReadonlyMap<string, StageInsight>
  points: readonly (CurveStage & { mean: number | null })[]
  backing: ReadonlyMap<string, number>
  selection: ReadonlySet<string>
  editingId: string | null
  draft: string | null
  activeCell: string | null
  locked: boolean
  dragging: string | null
  current: string | null
  cardActions: CardActions
  cellActions: CellActions
  axisActions: AxisActions
  onStageEmotion: (id: string, patch: Partial<BoardStage>) => void
  onAddStage: () => void
  onAddLane: (lane: Pick<BoardLane, 'kind' | 'name'>) => void
  onKeyDown: (e: React.KeyboardEvent) => void
}

/** Stages as columns, lanes as rows: one CSS grid, every cell placed by its row and column. */
export function BoardGrid(p: GridProps) {
  const { t } = useTranslation()
  const { lanes, stages } = p.layout
  const stageIds = useMemo(() => stages.map((s) => dragId.stage(s.id)), [stages])
  const laneIds = useMemo(() => lanes.map((l) => dragId.lane(l.id)), [lanes])
  const columns = `${LANE_HEADER_WIDTH}px repeat(${stages.length}, ${STAGE_WIDTH}px)${p.locked ? '' : ' auto'}`
  return (
    <div
      role="grid"
      className="board-grid"
      aria-label={p.label}
      aria-rowcount={lanes.length + 1}
      aria-colcount={stages.length + 1}
      style={{ gridTemplateColumns: columns }}
      onKeyDown={p.onKeyDown}
    >
      <div role="row" className="board-grid-row">
        <div role="columnheader" className="board-corner" style={{ gridRow: 1, gridColumn: 1 }}>
          <span className="visually-hidden">{t('boards.grid.corner')}</span>
        </div>
        <SortableContext items={stageIds} strategy={horizontalListSortingStrategy}>
          {stages.map((s, i) => (
            <AxisHeader
              key={s.id}
              kind="stage"
              item={s}
              row={1}
              col={i + 2}
              locked={p.locked}
              dragging={p.dragging}
              current={p.current === s.id}
              actions={p.axisActions}
            />
          ))}
        </SortableContext>
        {!p.locked && (
          <div className="board-add-stage" style={{ gridRow: 1, gridColumn: stages.length + 2 }}>
            <button type="button" className="secondary" onClick={p.onAddStage}>
              {t('boards.stage.add')}
            </button>
          </div>
        )}
      </div>
      <SortableContext items={laneIds} strategy={verticalListSortingStrategy}>
        {lanes.map((lane, r) => (
          <div role="row" className="board-grid-row" key={lane.id}>
            <AxisHeader
              kind="lane"
              item={lane}
              row={r + 2}
              col={1}
              locked={p.locked}
              dragging={p.dragging}
              current={p.current === lane.id}
              actions={p.axisActions}
              hint={
                !CARD_LANES.includes(lane.kind) || lane.kind === 'metrics'
                  ? t(`boards.laneKind.${lane.kind}`)
                  : undefined
              }
            />
            <LaneCells {...p} lane={lane} row={r + 2} />
          </div>
        ))}
      </SortableContext>
      {!p.locked && (
        <div
          className="board-add-lane"
          style={{ gridRow: lanes.length + 2, gridColumn: `1 / span ${Math.max(2, stages.length + 1)}` }}
        >
          <AddLane onAdd={p.onAddLane} />
        </div>
      )}
    </div>
  )
}

function LaneCells(p: GridProps & { lane: BoardLane; row: number }) {
  const { lane, row } = p
  const { stages, cells } = p.layout
  if (lane.kind === 'emotion')
    return (
      <EmotionLane
        lane={lane}
        stages={stages}
        points={p.points}
        row={row}
        activeCell={p.activeCell}
        locked={p.locked}
        onStage={p.onStageEmotion}
      />
    )
  return (
    <>
      {stages.map((stage, c) => {
        const key = cellKey(lane.id, stage.id)
        const common = { lane, stage, row, col: c + 2, active: p.activeCell === key }
        const insight = p.insights.get(stage.id)
        if (lane.kind === 'evidence')
          return <EvidenceCell key={stage.id} {...common} insight={insight} locked={p.locked} />
        if (lane.kind === 'churn') return <ChurnCell key={stage.id} {...common} insight={insight} />
        return (
          <BoardCell
            key={stage.id}
            {...common}
            cards={cells.get(key) ?? []}
            drafting={p.draft === key}
            locked={p.locked}
            selection={p.selection}
            editingId={p.editingId}
            backing={p.backing}
            actions={p.cardActions}
            cellActions={p.cellActions}
            insight={insight}
          />
        )
      })}
    </>
  )
}
