import { CARD_LANES, type BoardCard, type BoardLane, type BoardStage } from '../../../../shared/domain/board'
import type { BoardEdit } from './content-ops'

/** What is on screen: the visible lanes and stages in order, and each cell's visible cards. */
export interface BoardLayout {
  lanes: readonly BoardLane[]
  stages: readonly BoardStage[]
  cells: ReadonlyMap<string, readonly BoardCard[]>
}

export const cellKey = (laneId: string, stageId: string) => `${laneId}:${stageId}`

export type GridTarget = { cell: { laneId: string; stageId: string } } | { card: BoardCard }

export type GridIntent =
  | { kind: 'focusCell'; laneId: string; stageId: string }
  | { kind: 'focusCard'; cardId: string }
  | { kind: 'editCard'; cardId: string }
  | { kind: 'draft'; laneId: string; stageId: string }
  | { kind: 'delete'; cardId: string }
  | { kind: 'toggleSelect'; cardId: string }
  | { kind: 'move'; cardId: string; edit: BoardEdit }

export interface KeyPress {
  key: string
  altKey: boolean
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
}

const isCardLane = (lane: BoardLane | undefined) => !!lane && CARD_LANES.includes(lane.kind)
const STEP: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
}

/**
 * The board's keys, as in a spreadsheet: arrows move between cells (and between the cards of a cell), Enter
 * goes into a cell or edits its card, Escape comes back out; Alt+arrows carry the focused card one cell
 * (up and down to the next lane that holds cards), Alt+Shift+Up/Down reorders it within its cell.
 */
export function gridKey(press: KeyPress, target: GridTarget, layout: BoardLayout): GridIntent | null {
  const { key } = press
  const cellOf = 'cell' in target ? target.cell : { laneId: target.card.laneId, stageId: target.card.stageId }
  const row = layout.lanes.findIndex((l) => l.id === cellOf.laneId)
  const col = layout.stages.findIndex((s) => s.id === cellOf.stageId)
  const cards = layout.cells.get(cellKey(cellOf.laneId, cellOf.stageId)) ?? []
  const step = STEP[key]

  if ('card' in target) {
    const card = target.card
    const at = cards.findIndex((c) => c.id === card.id)
    if (step && press.altKey && press.shiftKey) {
      if (step[0] === 0) return null
      const before = step[0] < 0 ? cards[at - 1] : cards[at + 2]
      if (step[0] < 0 && !before) return null
      if (step[0] > 0 && at >= cards.length - 1) return null
      const edit: BoardEdit = { type: 'moveCard', id: card.id, ...cellOf, beforeId: before?.id ?? null }
      return { kind: 'move', cardId: card.id, edit }
    }
    if (step && press.altKey) {
      const to = neighbour(layout, row, col, step, true)
      if (!to) return null
      const edit: BoardEdit = { type: 'moveCard', id: card.id, ...to, beforeId: null }
      return { kind: 'move', cardId: card.id, edit }
    }
    if (press.altKey || press.metaKey) return null
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      const next = cards[at + (key === 'ArrowUp' ? -1 : 1)]
      if (next) return { kind: 'focusCard', cardId: next.id }
      const to = neighbour(layout, row, col, step ?? [0, 0], false)
      return to ? { kind: 'focusCell', ...to } : null
    }
    if (step) {
      const to = neighbour(layout, row, col, step, false)
      return to ? { kind: 'focusCell', ...to } : null
    }
    if (key === 'Escape') return { kind: 'focusCell', ...cellOf }
    if (key === 'Enter' || key === 'F2') return { kind: 'editCard', cardId: card.id }
    if (key === 'Delete' || key === 'Backspace') return { kind: 'delete', cardId: card.id }
    if (key === ' ' && (press.ctrlKey || press.shiftKey)) return { kind: 'toggleSelect', cardId: card.id }
    return null
  }

  if (press.altKey || press.metaKey) return null
  if (step) {
    const to = neighbour(layout, row, col, step, false)
    return to ? { kind: 'focusCell', ...to } : null
  }
  if (key === 'Enter') {
    const first = cards[0]
    if (first && !press.ctrlKey) return { kind: 'focusCard', cardId: first.id }
    return isCardLane(layout.lanes[row]) ? { kind: 'draft', ...cellOf } : null
  }
  return null
}

/** The cell one step away; for a card being carried, only lanes that hold cards count. */
function neighbour(
  layout: BoardLayout,
  row: number,
  col: number,
  [dr, dc]: [number, number],
  cardLanesOnly: boolean,
): { laneId: string; stageId: string } | null {
  let r = row + dr
  while (dr !== 0 && cardLanesOnly && r >= 0 && r < layout.lanes.length && !isCardLane(layout.lanes[r]))
    r += dr
  const lane = layout.lanes[r]
  const stage = layout.stages[col + dc]
  return lane && stage ? { laneId: lane.id, stageId: stage.id } : null
}
