import { useCallback, useMemo } from 'react'
import type { Highlight } from '../../../../shared/domain/highlight'
import type { Tag, TagKind } from '../../../../shared/domain/tag'
import { useApi, useWrite } from '../../lib/queries'

/** Random v4 UUID for a new note highlight (the id travels in the mark before the row exists). */
export function newHighlightId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = ((b[6] as number) & 0x0f) | 0x40
  b[8] = ((b[8] as number) & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** The codebook's tags, with what tagging anything (a note, a transcript, a survey comment) needs. */
export function useCodebook() {
  const tagsQuery = useApi('tags:list')
  const tags = useMemo(() => tagsQuery.data ?? [], [tagsQuery.data])
  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags])

  // Tagging writes go through write(): each refreshes what its contract entry says it affects.
  const write = useWrite()

  const createTag = useCallback(
    async (name: string, kind: TagKind): Promise<Tag> => {
      return write('tags:create', { name, kind })
    },
    [write],
  )

  // A highlight's colour is its first tag that still exists (a deleted tag keeps its links).
  const colorOfHighlight = useCallback(
    (h: Highlight | undefined) => {
      for (const id of h?.tagIds ?? []) {
        const tag = tagById.get(id)
        if (tag) return tag.color
      }
      return null
    },
    [tagById],
  )

  return { tags, tagById, write, createTag, colorOfHighlight, error: tagsQuery.error }
}

export type Codebook = ReturnType<typeof useCodebook>

/** The interview's highlights on top of the codebook. */
export function useTagging(interviewId: string) {
  const codebook = useCodebook()
  const { colorOfHighlight } = codebook
  const highlightsQuery = useApi('highlights:listForInterview', { interviewId })
  const highlights = useMemo(() => highlightsQuery.data ?? [], [highlightsQuery.data])
  const highlightById = useMemo(() => new Map(highlights.map((h) => [h.id, h])), [highlights])

  const colorOf = useCallback(
    (id: string) => colorOfHighlight(highlightById.get(id)),
    [colorOfHighlight, highlightById],
  )

  return {
    ...codebook,
    highlights,
    highlightById,
    colorOf,
    error: codebook.error ?? highlightsQuery.error,
  }
}

export type Tagging = ReturnType<typeof useTagging>
