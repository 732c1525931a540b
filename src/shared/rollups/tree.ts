/** A tag as the roll-ups need it: the tree shape and what the reports print. */
export interface RollupTag {
  id: string
  parentId: string | null
  name: string
  code: string | null
  prevention?: string
  semanticKey?: string | null
  position?: number
}

/** Tag id → the ids of the tag and all its ancestors that are in the set (a cycle-safe walk up). */
export function ancestorsOf(tags: readonly RollupTag[]): Map<string, string[]> {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const out = new Map<string, string[]>()
  for (const t of tags) {
    const chain: string[] = []
    const seen = new Set<string>()
    let cur: RollupTag | undefined = t
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id)
      chain.push(cur.id)
      cur = cur.parentId ? byId.get(cur.parentId) : undefined
    }
    out.set(t.id, chain)
  }
  return out
}

/** Tags in tree order (depth-first, siblings by position then name), each with its depth. */
export function treeOrder<T extends RollupTag>(tags: readonly T[]): { tag: T; depth: number }[] {
  const ids = new Set(tags.map((t) => t.id))
  const children = new Map<string | null, T[]>()
  for (const t of tags) {
    const key = t.parentId && ids.has(t.parentId) ? t.parentId : null
    children.set(key, [...(children.get(key) ?? []), t])
  }
  const out: { tag: T; depth: number }[] = []
  const visit = (parent: string | null, depth: number, seen: Set<string>) => {
    const list = [...(children.get(parent) ?? [])].sort(
      (a, b) =>
        (a.position ?? 0) - (b.position ?? 0) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    )
    for (const t of list) {
      if (seen.has(t.id)) continue
      seen.add(t.id)
      out.push({ tag: t, depth })
      visit(t.id, depth + 1, seen)
    }
  }
  visit(null, 0, new Set())
  return out
}
