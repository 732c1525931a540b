import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { Board } from '../../../../shared/domain/board'
import { addLeaveGuard } from '../../app/router'
import { ApiError, call } from '../../lib/api'
import { AutosaveQueue, type SaveState } from '../../lib/autosave'
import { useWrite } from '../../lib/queries'
import { historyReducer, initialHistory, type HistoryAction } from './board-history'

export type BoardSaveState = SaveState | 'conflict'

const EMPTY = { stages: [], lanes: [], cards: [] }

/**
 * One board open in the editor: the library's copy, loaded fresh on every open (never from a cache, whose
 * older revision would make the next save a conflict), the editor's copy with its undo history, and its
 * autosave. A save sends the whole copy with the revision it was based on; when another window saved since,
 * the library refuses it (CONFLICT): the editor stops saving, says so, and offers to reload.
 */
export function useBoardDocument(id: string) {
  const { t } = useTranslation()
  const write = useWrite()
  const [board, setBoard] = useState<Board | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [conflict, setConflict] = useState<ApiError | null>(null)
  const [history, dispatch] = useReducer(historyReducer, EMPTY, initialHistory)
  const revision = useRef(0)
  const savedVersion = useRef(0)
  const [queue] = useState(() => new AutosaveQueue(500, 1500))
  const key = `board:${id}`

  const apply = useCallback((fresh: Board) => {
    revision.current = fresh.revision
    setBoard(fresh)
    setConflict(null)
    setLoadError(null)
    dispatch({ type: 'load', content: fresh.content })
  }, [])
  const load = useCallback(() => call('boards:get', { id }).then(apply, setLoadError), [id, apply])

  useEffect(() => {
    let live = true
    call('boards:get', { id }).then(
      (fresh) => live && apply(fresh),
      (err: unknown) => live && setLoadError(err),
    )
    return () => {
      live = false
    }
  }, [id, apply])

  useEffect(() => {
    queue.track()
    return () => {
      void queue.flush()
      queue.dispose()
    }
  }, [queue])

  // Every change the user made is saved; the copy a load brought is the library's already.
  useEffect(() => {
    if (history.version === history.loaded || history.version === savedVersion.current || conflict) return
    savedVersion.current = history.version
    const content = history.present
    queue.schedule(key, async ({ keepalive }) => {
      try {
        const saved = await write(
          'boards:save',
          { id, baseRevision: revision.current, content },
          { background: true, keepalive },
        )
        revision.current = saved.revision
      } catch (err) {
        // Sending it again would be refused again: stop here and let the user choose.
        if (err instanceof ApiError && err.code === 'CONFLICT') setConflict(err)
        else throw err
      }
    })
  }, [history.version, history.loaded, history.present, conflict, id, key, queue, write])

  // A copy the library refused is on screen only: leaving (or closing the window) asks first.
  useEffect(() => (conflict ? addLeaveGuard(() => t('boards.save.leaveConflict')) : undefined), [conflict, t])

  const queueState = useSyncExternalStore(
    (cb) => queue.subscribe(cb),
    () => queue.status,
  )
  const keyStatus = useSyncExternalStore(
    (cb) => queue.subscribeKeys(cb),
    () => queue.statusOf(key),
  )
  const state: BoardSaveState = conflict ? 'conflict' : queueState
  const error = conflict ?? keyStatus.error ?? (state === 'error' ? queue.lastError : null)

  const act = useCallback((action: HistoryAction) => dispatch(action), [])
  return {
    board,
    loadError,
    content: history.present,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    dispatch: act,
    save: { state, error },
    reload: load,
    flush: () => queue.flush(),
  }
}
