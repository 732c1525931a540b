import { useSyncExternalStore } from 'react'

export type Route =
  | { name: 'studies'; id?: string }
  | { name: 'companies'; id?: string }
  | { name: 'people'; id?: string }
  | { name: 'scripts'; id?: string }
  | { name: 'codebook'; id?: string }
  | { name: 'evidence'; id?: string }
  | { name: 'churn'; id?: string }
  | { name: 'forces'; id?: string }
  | { name: 'interview'; id: string }
  | { name: 'library' }

export function parseRoute(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent)
  switch (name) {
    case 'companies':
    case 'people':
    case 'scripts':
    case 'codebook':
    case 'evidence':
    case 'churn':
    case 'forces':
      return { name, ...(id ? { id } : {}) }
    case 'interview':
      return id ? { name, id } : { name: 'studies' }
    case 'library':
      return { name }
    default:
      return { name: 'studies', ...(name === 'studies' && id ? { id } : {}) }
  }
}

export function routeHref(route: Route): string {
  return `#/${route.name}${'id' in route && route.id ? `/${encodeURIComponent(route.id)}` : ''}`
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route)
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb)
  return () => window.removeEventListener('hashchange', cb)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return parseRoute(hash)
}
