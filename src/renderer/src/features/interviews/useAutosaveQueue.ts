import { useEffect, useState, useSyncExternalStore } from 'react'
import { AutosaveQueue } from '../../lib/autosave'

/** One autosave queue per interview screen, flushed when the screen, the tab or the window goes away. */
export function useAutosaveQueue() {
  // The runner is keyed by interview, so each interview gets its own queue.
  const [queue] = useState(() => new AutosaveQueue(600))
  const status = useSyncExternalStore(
    (cb) => queue.subscribe(cb),
    () => queue.status,
  )
  // Changes only when some key's status does, not on every keystroke of a note already waiting to save.
  const keys = useSyncExternalStore(
    (cb) => queue.subscribeKeys(cb),
    () => queue.keyStatuses,
  )

  useEffect(() => {
    const onHide = () => void queue.flush({ keepalive: true })
    const onVisibility = () => document.visibilityState === 'hidden' && onHide()
    // keepalive requests outlive the page, so the last edit is written without a "leave page?" prompt —
    // except for an edit the library refused: leaving would lose it, so the browser asks first.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      void queue.flush({ keepalive: true })
      if ([...queue.keyStatuses.values()].some((k) => k.state === 'refused')) e.preventDefault()
    }
    window.addEventListener('pagehide', onHide)
    window.addEventListener('beforeunload', onBeforeUnload)
    document.addEventListener('visibilitychange', onVisibility)
    // Closing the desktop window flushes every tracked queue (App registers that once, for all screens).
    queue.track()
    return () => {
      void queue.flush()
      queue.dispose()
      window.removeEventListener('pagehide', onHide)
      window.removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [queue])

  return { queue, status, keys }
}
