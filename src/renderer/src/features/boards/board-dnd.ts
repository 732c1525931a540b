import {
  closestCenter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type KeyboardSensorOptions,
  type PointerSensorOptions,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { createContext } from 'react'
import type { BoardContent } from '../../../../shared/domain/board'
import type { BoardEdit } from './content-ops'

/** What a draggable or droppable on the board is; dnd-kit carries it as `data`. */
export type DragData =
  | { type: 'card'; cardId: string; laneId: string; stageId: string }
  | { type: 'cell'; laneId: string; stageId: string }
  | { type: 'stage'; id: string }
  | { type: 'lane'; id: string }
  /** A quote from an evidence cell, dropped on a card to cite it there. */
  | { type: 'quote'; highlightId: string; quote: string; stageId: string }

export const dragId = {
  card: (id: string) => `card:${id}`,
  cell: (laneId: string, stageId: string) => `cell:${laneId}:${stageId}`,
  stage: (id: string) => `stage:${id}`,
  lane: (id: string) => `lane:${id}`,
  quote: (highlightId: string, stageId: string) => `quote:${stageId}:${highlightId}`,
}

/**
 * Whether cards and cells take drops: false while a stage or lane is dragged, so the keyboard's arrow keys
 * move that header between headers rather than onto cards. A context of its own (a boolean that changes
 * only then), so starting a card drag does not re-render every card.
 */
export const CardDropContext = createContext(true)

// Module constants: a new options object would make new sensors, and new sensors re-render every card.
const POINTER: PointerSensorOptions = { activationConstraint: { distance: 6 } }
const KEYBOARD: KeyboardSensorOptions = {
  coordinateGetter: sortableKeyboardCoordinates,
  // Space picks up and drops; Enter stays free for editing a card, arrows alone for moving focus.
  keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
}

export function useBoardSensors() {
  return useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD))
}

const typeOf = (data: unknown) => (data as DragData | undefined)?.type

/** What each kind of drag can land on. */
function accepts(type: DragData['type'] | undefined, over: DragData['type'] | undefined): boolean {
  if (type === 'card') return over === 'card' || over === 'cell'
  if (type === 'quote') return over === 'card'
  return over === type
}

/**
 * Cards drop on cards (before them) or cells (at the end); quotes on cards; stages on stages; lanes on lanes.
 * With the pointer, a card or quote lands where the pointer is; the keyboard has no pointer, so the closest.
 */
export const boardCollisions: CollisionDetection = (args) => {
  const type = typeOf(args.active.data.current)
  const droppableContainers = args.droppableContainers.filter((c) => accepts(type, typeOf(c.data.current)))
  const scoped = { ...args, droppableContainers }
  if (type !== 'card' && type !== 'quote') return closestCenter(scoped)
  const within = pointerWithin(scoped)
  if (!args.pointerCoordinates) return closestCenter(scoped)
  // Over a card, the card wins over the cell around it.
  const onCard = within.find((c) => typeOf(c.data?.['droppableContainer']?.data.current) === 'card')
  return onCard ? [onCard] : within
}

/** The edit a drop makes, or null when it lands where it started or nowhere. */
export function dropEdit(
  content: BoardContent,
  active: DragData,
  over: DragData | undefined,
): BoardEdit | null {
  if (!over) return null
  if (active.type === 'quote' && over.type === 'card') {
    const card = content.cards.find((c) => c.id === over.cardId)
    if (!card || card.evidence.includes(active.highlightId)) return null
    return { type: 'updateCard', id: card.id, patch: { evidence: [...card.evidence, active.highlightId] } }
  }
  if (active.type === 'card' && (over.type === 'card' || over.type === 'cell')) {
    if (over.type === 'card' && over.cardId === active.cardId) return null
    let beforeId = over.type === 'card' ? over.cardId : null
    const cell = content.cards.filter((c) => c.laneId === over.laneId && c.stageId === over.stageId)
    const from = cell.findIndex((c) => c.id === active.cardId)
    const to = cell.findIndex((c) => c.id === beforeId)
    // Dragged down within its cell, a card goes after the one it is over, as in any sortable list.
    if (from >= 0 && to > from) beforeId = cell[to + 1]?.id ?? null
    return { type: 'moveCard', id: active.cardId, laneId: over.laneId, stageId: over.stageId, beforeId }
  }
  if (active.type === 'stage' && over.type === 'stage' && active.id !== over.id)
    return { type: 'moveStage', id: active.id, to: content.stages.findIndex((s) => s.id === over.id) }
  if (active.type === 'lane' && over.type === 'lane' && active.id !== over.id)
    return { type: 'moveLane', id: active.id, to: content.lanes.findIndex((l) => l.id === over.id) }
  return null
}
