import { useEffect, useState, useSyncExternalStore } from 'react'
import { AutosaveQueue } from '../../lib/autosave'
import { transport } from '../../lib/transport'

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
    const offFlush = transport().onFlushRequest(() => queue.flush())
    return () => {
      void queue.flush()
      window.removeEventListener('pagehide', onHide)
      window.removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('visibilitychange', onVisibility)
      offFlush()
    }
  }, [queue])

  return { queue, status }
}
