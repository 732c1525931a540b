import type { Tag } from '../../../../shared/domain/tag'

const fold = (s: string) => s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')

/** Tags whose name, code or an alias contains the query; prefix matches first, then by name. */
export function filterTags(tags: readonly Tag[], query: string, limit = 50): Tag[] {
  const q = fold(query.trim())
  if (!q) return [...tags].sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit)
  const scored: { tag: Tag; score: number }[] = []
  for (const tag of tags) {
    const fields = [tag.name, tag.code ?? '', ...tag.aliases].map(fold)
    if (fields.some((f) => f.startsWith(q))) scored.push({ tag, score: 0 })
    else if (fields.some((f) => f.includes(q))) scored.push({ tag, score: 1 })
  }
  return scored
    .sort((a, b) => a.score - b.score || a.tag.name.localeCompare(b.tag.name))
    .slice(0, limit)
    .map((s) => s.tag)
}
