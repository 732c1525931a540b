import type { BoardContent } from '../../../../shared/domain/board'
import { applyEdit, type BoardEdit } from './content-ops'

/**
 * The editor's copy of a board with its undo and redo stacks. Undo and redo are whole snapshots of the
 * content: every edit kind undoes the same way, and the snapshots share every object an edit did not touch,
 * so keeping many of them is cheap.
 */
export interface BoardHistory {
  past: BoardContent[]
  present: BoardContent
  future: BoardContent[]
  /** Bumped by every change of `present`: what autosave follows. */
  version: number
  /** The version the last load produced: the library already has that copy. */
  loaded: number
}

export type HistoryAction =
  | { type: 'edit'; edit: BoardEdit }
  /** Several edits as one undo step (delete a selection). */
  | { type: 'batch'; edits: readonly BoardEdit[] }
  | { type: 'undo' }
  | { type: 'redo' }
  /** The library's copy (first open, Reload after a conflict): starts a fresh history. */
  | { type: 'load'; content: BoardContent }

/** Enough for an afternoon of editing; older steps drop off the bottom. */
export const UNDO_LIMIT = 200

export const initialHistory = (content: BoardContent): BoardHistory => ({
  past: [],
  present: content,
  future: [],
  version: 0,
  loaded: 0,
})

export function historyReducer(state: BoardHistory, action: HistoryAction): BoardHistory {
  switch (action.type) {
    case 'edit':
    case 'batch': {
      const edits = action.type === 'edit' ? [action.edit] : action.edits
      const next = edits.reduce(applyEdit, state.present)
      if (next === state.present) return state
      return {
        past: [...state.past, state.present].slice(-UNDO_LIMIT),
        present: next,
        future: [],
        version: state.version + 1,
        loaded: state.loaded,
      }
    }
    case 'undo': {
      const previous = state.past.at(-1)
      if (!previous) return state
      return {
        past: state.past.slice(0, -1),
        present: previous,
        future: [state.present, ...state.future],
        version: state.version + 1,
        loaded: state.loaded,
      }
    }
    case 'redo': {
      const [next, ...future] = state.future
      if (!next) return state
      return {
        past: [...state.past, state.present],
        present: next,
        future,
        version: state.version + 1,
        loaded: state.loaded,
      }
    }
    case 'load':
      return { ...initialHistory(action.content), version: state.version + 1, loaded: state.version + 1 }
  }
}
