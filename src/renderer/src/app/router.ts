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
  | { name: 'boards'; id?: string }
  | { name: 'insights'; id?: string }
  | { name: 'reports'; id?: string }
  | { name: 'interview'; id: string; questionId?: string; transcript?: TranscriptTarget }
  | { name: 'library' }
  | { name: 'backups' }

/** A place in an interview's transcript: search and evidence links open the transcript there. */
export interface TranscriptTarget {
  id: string
  paragraph: number
}

/** Marks a transcript place (#/interview/<id>/~transcript/<transcriptId>/<paragraph>); a question link has one segment after the id, so even a question called "~transcript" stays a question. */
const TRANSCRIPT_SEGMENT = '~transcript'

export function parseRoute(hash: string): Route {
  const [name, id, sub, target, paragraph] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent)
  switch (name) {
    case 'companies':
    case 'people':
    case 'scripts':
    case 'codebook':
    case 'evidence':
    case 'churn':
    case 'forces':
    case 'boards':
    case 'insights':
    case 'reports':
      return { name, ...(id ? { id } : {}) }
    case 'interview':
      if (!id) return { name: 'studies' }
      if (sub === TRANSCRIPT_SEGMENT && target)
        return {
          name,
          id,
          transcript: { id: target, paragraph: Math.max(0, Number.parseInt(paragraph ?? '0', 10) || 0) },
        }
      return { name, id, ...(sub ? { questionId: sub } : {}) }
    case 'library':
    case 'backups':
      return { name }
    default:
      return { name: 'studies', ...(name === 'studies' && id ? { id } : {}) }
  }
}

export function routeHref(route: Route): string {
  const id = 'id' in route && route.id ? `/${encodeURIComponent(route.id)}` : ''
  let sub = ''
  if (route.name === 'interview' && route.transcript)
    sub = `/${TRANSCRIPT_SEGMENT}/${encodeURIComponent(route.transcript.id)}/${route.transcript.paragraph}`
  else if (route.name === 'interview' && route.questionId) sub = `/${encodeURIComponent(route.questionId)}`
  return `#/${route.name}${id}${sub}`
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route)
}

/**
 * Screens with edits that are not saved on their own (the script editor) register a guard. Moving to
 * another route asks first; declining puts the address back before any screen sees the change, so the
 * edits stay on screen. The guard returns the question to ask, or null when there is nothing to lose.
 */
type LeaveGuard = () => string | null
const guards = new Set<LeaveGuard>()
const listeners = new Set<() => void>()
let current = typeof window === 'undefined' ? '' : window.location.hash

export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard)
  return () => guards.delete(guard)
}

/** The question of the first guard with something to lose, or null. */
export function pendingLeaveQuestion(): string | null {
  for (const guard of guards) {
    const question = guard()
    if (question) return question
  }
  return null
}

function onHashChange(): void {
  const next = window.location.hash
  if (next === current) return
  const question = pendingLeaveQuestion()
  if (question && !window.confirm(question)) {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${current}`)
    return
  }
  current = next
  for (const listener of listeners) listener()
}

function subscribe(cb: () => void): () => void {
  if (listeners.size === 0) {
    current = window.location.hash
    window.addEventListener('hashchange', onHashChange)
  }
  listeners.add(cb)
  return () => {
    listeners.delete(cb)
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange)
  }
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => (listeners.size ? current : window.location.hash))
  return parseRoute(hash)
}
