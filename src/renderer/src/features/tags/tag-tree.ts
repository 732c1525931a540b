import type { Tag } from '../../../../shared/domain/tag'

export interface TreeNode {
  tag: Tag
  depth: number
  children: TreeNode[]
}

/** Builds the tree from the flat list (which comes ordered by parent, then position). */
export function buildTree(tags: readonly Tag[]): TreeNode[] {
  const ids = new Set(tags.map((t) => t.id))
  const kids = new Map<string | null, Tag[]>()
  for (const t of tags) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null
    kids.set(parent, [...(kids.get(parent) ?? []), t])
  }
  const make = (parent: string | null, depth: number): TreeNode[] =>
    [...(kids.get(parent) ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((tag) => ({ tag, depth, children: make(tag.id, depth + 1) }))
  return make(null, 0)
}

/** Depth-first order, as the tree shows it. */
export function flatten(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)])
}

/** The tag's id and the ids of every tag below it. */
export function subtreeIds(tags: readonly Tag[], id: string): Set<string> {
  const out = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const t of tags)
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id)
        grew = true
      }
  }
  return out
}

export function matchesFilter(tag: Tag, filter: string): boolean {
  const f = filter.trim().toLocaleLowerCase()
  if (!f) return true
  return [tag.name, tag.code ?? '', ...tag.aliases].some((s) => s.toLocaleLowerCase().includes(f))
}

/** Tags that match, plus their ancestors so the match is shown in place. */
export function visibleForFilter(tags: readonly Tag[], filter: string): Set<string> {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const out = new Set<string>()
  for (const t of tags) {
    if (!matchesFilter(t, filter)) continue
    let cur: Tag | undefined = t
    while (cur && !out.has(cur.id)) {
      out.add(cur.id)
      cur = cur.parentId ? byId.get(cur.parentId) : undefined
    }
  }
  return out
}

/** "Parent › Child" for select options, so same-named tags in different branches stay apart. */
export function pathName(tags: readonly Tag[], tag: Tag): string {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const parts = [tag.name]
  let cur = tag.parentId ? byId.get(tag.parentId) : undefined
  while (cur) {
    parts.unshift(cur.name)
    cur = cur.parentId ? byId.get(cur.parentId) : undefined
  }
  return parts.join(' › ')
}
