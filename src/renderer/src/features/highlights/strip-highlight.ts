import type { JSONContent } from '@tiptap/react'

/** A note doc with highlight `id` taken out of every highlight mark (marks left with no id are dropped). */
export function withoutHighlight(doc: JSONContent, id: string): JSONContent {
  const marks = doc.marks
    ?.map((m) =>
      m.type === 'highlight' && Array.isArray(m.attrs?.['ids'])
        ? { ...m, attrs: { ...m.attrs, ids: (m.attrs['ids'] as string[]).filter((x) => x !== id) } }
        : m,
    )
    .filter((m) => m.type !== 'highlight' || (m.attrs?.['ids'] as string[]).length > 0)
  return {
    ...doc,
    ...(marks ? { marks } : {}),
    ...(doc.content ? { content: doc.content.map((c) => withoutHighlight(c, id)) } : {}),
  }
}
