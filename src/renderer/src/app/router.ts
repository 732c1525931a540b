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
  | { name: 'interview'; id: string; questionId?: string }
  | { name: 'library' }

export function parseRoute(hash: string): Route {
  const [name, id, sub] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent)
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
      return id ? { name, id, ...(sub ? { questionId: sub } : {}) } : { name: 'studies' }
    case 'library':
      return { name }
    default:
      return { name: 'studies', ...(name === 'studies' && id ? { id } : {}) }
  }
}

export function routeHref(route: Route): string {
  const id = 'id' in route && route.id ? `/${encodeURIComponent(route.id)}` : ''
  const question =
    route.name === 'interview' && route.questionId ? `/${encodeURIComponent(route.questionId)}` : ''
  return `#/${route.name}${id}${question}`
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
