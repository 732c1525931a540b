import { useEffect, useRef, useState } from 'react'
import type { Interview } from '../../../../shared/domain/interview'

/**
 * The interview clock as the user sees it: the server's elapsed time at fetch, plus local time since, while
 * running. The server stays the source of truth, so a restart or reload shows the same time.
 */
export function useInterviewClock(interview: Pick<Interview, 'elapsedMs' | 'timerRunning'> | undefined) {
  const base = useRef({ elapsed: 0, at: Date.now(), running: false })
  const [, tick] = useState(0)

  useEffect(() => {
    if (!interview) return
    base.current = { elapsed: interview.elapsedMs, at: Date.now(), running: interview.timerRunning }
    tick((n) => n + 1)
  }, [interview?.elapsedMs, interview?.timerRunning, interview])

  useEffect(() => {
    if (!interview?.timerRunning) return
    const id = setInterval(() => tick((n) => n + 1), 1000)
    return () => clearInterval(id)
  }, [interview?.timerRunning])

  const now = () => base.current.elapsed + (base.current.running ? Date.now() - base.current.at : 0)
  return { elapsedMs: now(), getElapsedMs: now, running: base.current.running }
}
