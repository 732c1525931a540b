import { useEffect } from 'react'

/** Alt+↑/↓ (or Alt+PageUp/PageDown) moves between questions and Alt+T starts or pauses the clock, wherever focus is. */
export function useRunnerShortcuts(onStep: (step: 1 | -1) => void, onToggleTimer: () => void) {
  // Subscribed anew on each render, so the keys act on the question and timer state now on screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const step =
        e.key === 'ArrowDown' || e.key === 'PageDown' ? 1 : e.key === 'ArrowUp' || e.key === 'PageUp' ? -1 : 0
      if (step !== 0) {
        e.preventDefault()
        onStep(step)
      } else if (e.code === 'KeyT') {
        e.preventDefault()
        onToggleTimer()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })
}
