import { ancestorsOf, type RollupTag } from './tree'

/**
 * JTBD forces of progress (push, pull, anxiety, habit). A highlight counts for a force when it carries a
 * jtbd_force tag whose semantic key — or the nearest ancestor's — is that force. Counted per participant:
 * a participant counts once per force however many quotes (highlights without a participant count as quotes
 * only).
 */
export const FORCES = ['push', 'pull', 'anxiety', 'habit'] as const
export type Force = (typeof FORCES)[number]

export interface ForceHighlight {
  highlightId: string
  participantId: string | null
  tagIds: readonly string[]
}

export interface ForceCount {
  force: Force
  participants: number
  highlights: number
  /** Highlight ids, newest input order kept; the service turns them into quotes. */
  highlightIds: string[]
}

/** Tag id → its force, inherited from the nearest ancestor with a force semantic key. */
export function forceOfTags(tags: readonly RollupTag[]): Map<string, Force> {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const out = new Map<string, Force>()
  for (const [id, chain] of ancestorsOf(tags)) {
    for (const anc of chain) {
      const key = byId.get(anc)?.semanticKey
      if (key && (FORCES as readonly string[]).includes(key)) {
        out.set(id, key as Force)
        break
      }
    }
  }
  return out
}

export function forcesRollup(
  tags: readonly RollupTag[],
  highlights: readonly ForceHighlight[],
): ForceCount[] {
  const forceOf = forceOfTags(tags)
  const people = new Map<Force, Set<string>>(FORCES.map((f) => [f, new Set()]))
  const quotes = new Map<Force, string[]>(FORCES.map((f) => [f, []]))
  for (const h of highlights) {
    const forces = new Set(h.tagIds.map((t) => forceOf.get(t)).filter((f): f is Force => !!f))
    for (const f of forces) {
      quotes.get(f)!.push(h.highlightId)
      if (h.participantId) people.get(f)!.add(h.participantId)
    }
  }
  return FORCES.map((force) => ({
    force,
    participants: people.get(force)!.size,
    highlights: quotes.get(force)!.length,
    highlightIds: quotes.get(force)!,
  }))
}
