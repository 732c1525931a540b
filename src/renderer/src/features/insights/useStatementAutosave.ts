import type { JSONContent } from '@tiptap/react'
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { AutosaveQueue, type KeyStatus } from '../../lib/autosave'
import { useWrite } from '../../lib/queries'

/**
 * An insight's statement, saved as it is typed: once typing pauses, and at the latest every two seconds.
 * Leaving the insight or closing the window writes what is pending (the app flushes every live queue).
 */
export function useStatementAutosave(id: string): {
  save: (doc: JSONContent) => void
  status: KeyStatus
} {
  const write = useWrite()
  const [queue] = useState(() => new AutosaveQueue(600, 2000))
  const key = `insight:${id}`

  useEffect(() => {
    queue.track()
    return () => {
      void queue.flush()
      queue.dispose()
    }
  }, [queue])

  const status = useSyncExternalStore(
    useCallback((cb: () => void) => queue.subscribeKeys(cb), [queue]),
    () => queue.statusOf(key),
  )
  const save = useCallback(
    (doc: JSONContent) =>
      queue.schedule(key, ({ keepalive }) =>
        write('insights:update', { id, statement: { ...doc, type: 'doc' } }, { background: true, keepalive }),
      ),
    [queue, key, id, write],
  )
  return { save, status }
}
