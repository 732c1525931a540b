import { useCallback, useEffect, useState } from 'react'
import type { Interview } from '../../../../shared/domain/interview'

type ClockFields = Pick<Interview, 'pausedElapsedMs' | 'timerStartedAt'>

/** Interview time at a given moment: what was banked before the last start, plus the running stretch. */
export function elapsedAt(iv: ClockFields, nowMs: number): number {
  if (!iv.timerStartedAt) return iv.pausedElapsedMs
  return iv.pausedElapsedMs + Math.max(0, nowMs - Date.parse(iv.timerStartedAt))
}

/**
 * The interview clock as the user sees it. The server keeps the start time and banked time, so a reload or
 * restart shows the same clock; the page only ticks once a second while it runs.
 */
export function useInterviewClock(interview: ClockFields) {
  const [now, setNow] = useState(() => Date.now())
  const running = interview.timerStartedAt !== null
  useEffect(() => {
    if (!running) return
    const id = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(id)
  }, [running])
  const { pausedElapsedMs, timerStartedAt } = interview
  const getElapsedMs = useCallback(
    () => elapsedAt({ pausedElapsedMs, timerStartedAt }, Date.now()),
    [pausedElapsedMs, timerStartedAt],
  )
  return { elapsedMs: elapsedAt(interview, now), getElapsedMs, running }
}
