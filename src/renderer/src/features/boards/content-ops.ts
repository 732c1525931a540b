import type { BoardCard, BoardContent, BoardLane, BoardStage } from '../../../../shared/domain/board'

/**
 * Every edit of a board, as pure functions of its content. Each returns the same object when nothing
 * changed (so no undo step and no save), and keeps every card, stage and lane it did not touch identical:
 * the memoized card components re-render only for the objects that are new.
 */
export type BoardEdit =
  | { type: 'addCard'; card: BoardCard; beforeId?: string | null }
  | { type: 'updateCard'; id: string; patch: Partial<Omit<BoardCard, 'id'>> }
  | { type: 'deleteCards'; ids: readonly string[] }
  /** Into the cell (laneId, stageId), before the card `beforeId` (null: at the end of the cell). */
  | { type: 'moveCard'; id: string; laneId: string; stageId: string; beforeId: string | null }
  | { type: 'addStage'; stage: BoardStage }
  | { type: 'updateStage'; id: string; patch: Partial<Omit<BoardStage, 'id'>> }
  | { type: 'moveStage'; id: string; to: number }
  | { type: 'deleteStage'; id: string }
  | { type: 'addLane'; lane: BoardLane }
  | { type: 'updateLane'; id: string; patch: Partial<Omit<BoardLane, 'id'>> }
  | { type: 'moveLane'; id: string; to: number }
  | { type: 'deleteLane'; id: string }

export function applyEdit(content: BoardContent, edit: BoardEdit): BoardContent {
  switch (edit.type) {
    case 'addCard':
      return { ...content, cards: insertCard(content.cards, edit.card, edit.beforeId ?? null) }
    case 'updateCard':
      return withList(content, 'cards', patchById<BoardCard>(content.cards, edit.id, edit.patch))
    case 'deleteCards': {
      const gone = new Set(edit.ids)
      const cards = content.cards.filter((c) => !gone.has(c.id))
      if (cards.length === content.cards.length) return content
      // An opportunity no longer answers a barrier that is gone.
      return { ...content, cards: dropAnswers(cards, gone) }
    }
    case 'moveCard':
      return moveCard(content, edit)
    case 'addStage':
      return { ...content, stages: [...content.stages, edit.stage] }
    case 'updateStage':
      return withList(content, 'stages', patchById<BoardStage>(content.stages, edit.id, edit.patch))
    case 'moveStage':
      return withList(content, 'stages', moveTo(content.stages, edit.id, edit.to))
    case 'deleteStage': {
      if (!content.stages.some((s) => s.id === edit.id)) return content
      const gone = new Set(content.cards.filter((c) => c.stageId === edit.id).map((c) => c.id))
      return {
        ...content,
        stages: content.stages.filter((s) => s.id !== edit.id),
        cards: dropAnswers(
          content.cards.filter((c) => !gone.has(c.id)),
          gone,
        ),
      }
    }
    case 'addLane':
      return { ...content, lanes: [...content.lanes, edit.lane] }
    case 'updateLane':
      return withList(content, 'lanes', patchById<BoardLane>(content.lanes, edit.id, edit.patch))
    case 'moveLane':
      return withList(content, 'lanes', moveTo(content.lanes, edit.id, edit.to))
    case 'deleteLane': {
      if (!content.lanes.some((l) => l.id === edit.id)) return content
      const gone = new Set(content.cards.filter((c) => c.laneId === edit.id).map((c) => c.id))
      return {
        ...content,
        lanes: content.lanes.filter((l) => l.id !== edit.id),
        cards: dropAnswers(
          content.cards.filter((c) => !gone.has(c.id)),
          gone,
        ),
      }
    }
  }
}

function withList<K extends keyof BoardContent>(
  content: BoardContent,
  key: K,
  list: BoardContent[K],
): BoardContent {
  return list === content[key] ? content : { ...content, [key]: list }
}

function patchById<T extends { id: string }>(list: T[], id: string, patch: Partial<Omit<T, 'id'>>): T[] {
  const at = list.findIndex((x) => x.id === id)
  const old = list[at]
  if (!old) return list
  const changes = Object.entries(patch) as [keyof T, unknown][]
  if (changes.every(([k, v]) => sameValue(old[k], v))) return list
  const next = [...list]
  next[at] = { ...old, ...patch }
  return next
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]))

function moveTo<T extends { id: string }>(list: T[], id: string, to: number): T[] {
  const from = list.findIndex((x) => x.id === id)
  const target = Math.max(0, Math.min(list.length - 1, to))
  if (from < 0 || from === target) return list
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(target, 0, item as T)
  return next
}

/** Puts `card` before `beforeId`, else after the last card of its cell, else at the end. */
function insertCard(cards: BoardCard[], card: BoardCard, beforeId: string | null): BoardCard[] {
  const next = [...cards]
  let at = beforeId ? next.findIndex((c) => c.id === beforeId) : -1
  if (at < 0) {
    const last = next.findLastIndex((c) => c.laneId === card.laneId && c.stageId === card.stageId)
    at = last < 0 ? next.length : last + 1
  }
  next.splice(at, 0, card)
  return next
}

function moveCard(content: BoardContent, edit: Extract<BoardEdit, { type: 'moveCard' }>): BoardContent {
  const card = content.cards.find((c) => c.id === edit.id)
  if (!card || edit.beforeId === edit.id) return content
  const rest = content.cards.filter((c) => c.id !== edit.id)
  const moved =
    card.laneId === edit.laneId && card.stageId === edit.stageId
      ? card
      : { ...card, laneId: edit.laneId, stageId: edit.stageId }
  const cards = insertCard(rest, moved, edit.beforeId)
  return cards.every((c, i) => c === content.cards[i]) ? content : { ...content, cards }
}

function dropAnswers(cards: BoardCard[], gone: ReadonlySet<string>): BoardCard[] {
  return cards.map((c) =>
    c.answers.some((id) => gone.has(id)) ? { ...c, answers: c.answers.filter((id) => !gone.has(id)) } : c,
  )
}

/** The cards of one cell, in board order. */
export function cardsIn(content: BoardContent, laneId: string, stageId: string): BoardCard[] {
  return content.cards.filter((c) => c.laneId === laneId && c.stageId === stageId)
}

/** A random id for a new stage, lane or card (ids are unique across boards: the library keys rows by them). */
export function newBoardId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return [...crypto.getRandomValues(new Uint8Array(16))].map((x) => x.toString(16).padStart(2, '0')).join('')
}

export function blankCard(laneId: string, stageId: string, text = ''): BoardCard {
  return {
    id: newBoardId(),
    laneId,
    stageId,
    text,
    tagId: null,
    channel: '',
    teams: [],
    owner: '',
    priority: null,
    status: null,
    answers: [],
    evidence: [],
  }
}

export function blankStage(name: string): BoardStage {
  return {
    id: newBoardId(),
    name,
    hidden: false,
    tagId: null,
    emotionToBe: null,
    emotionOverride: null,
    emotionNote: '',
  }
}
