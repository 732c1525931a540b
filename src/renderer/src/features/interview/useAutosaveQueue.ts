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

  useEffect(() => {
    const onHide = () => void queue.flush({ keepalive: true })
    const onVisibility = () => document.visibilityState === 'hidden' && onHide()
    // keepalive requests outlive the page, so the last edit is written without a "leave page?" prompt.
    const onBeforeUnload = () => void queue.flush({ keepalive: true })
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

  return { queue, status }
}
