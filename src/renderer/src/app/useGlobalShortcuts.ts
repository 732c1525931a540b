import { useEffect } from 'react'
import { navigate, type Route } from './router'

/** True when keys belong to a text field, an editor or an open dialog rather than to the app. */
export function isTypingOrModal(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]')) return true
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Alt+1…9 jumps between the main sections, from anywhere but a text field. */
export function useGlobalShortcuts(routes: Route[]): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || isTypingOrModal(e.target)) return
      // The physical digit key: on macOS, Option+digit produces a symbol in e.key.
      const n = Number(e.code.replace('Digit', ''))
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
