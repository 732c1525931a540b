import { useEffect } from 'react'
import { navigate, type Route } from './router'

/** Alt+1…5 jumps between the main sections, from anywhere but a text field. */
export function useGlobalShortcuts(routes: Route[]): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const n = Number(e.key) || Number(e.code.replace('Digit', ''))
      const route = routes[n - 1]
      if (route) {
        e.preventDefault()
        navigate(route)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [routes])
}
