import { z } from 'zod'
import { IdSchema, SegmentSchema } from '../../domain/common'
import { read } from '../channel-spec'
import { EvidencePlaceShape } from './evidence'

/** rating: the reason given with an interview's NPS, CSAT or CES score. */
export const SearchKindSchema = z.enum(['note', 'transcript', 'highlight', 'survey', 'rating'])
export type SearchKind = z.infer<typeof SearchKindSchema>

export const SnippetSegmentSchema = z.object({ text: z.string(), match: z.boolean() })

/** One search hit with enough context to read it and jump to it. Snippets are plain text segments, never HTML. */
export const SearchHitSchema = z.object({
  kind: SearchKindSchema,
  /** Id of the note, transcript, highlight or survey response. */
  id: z.string(),
  /** The hit's place in its kind's order (newest first); unique within a kind, the cursor for the next page. */
  position: z.number().int(),
  ...EvidencePlaceShape,
  questionText: z.string().nullable(),
  surveyResponseId: z.string().nullable(),
  /** Transcript title, or the survey's stated reason. */
  title: z.string().nullable(),
  studyId: z.string().nullable(),
  studyName: z.string().nullable(),
  participantName: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  segment: SegmentSchema.nullable(),
  snippet: z.array(SnippetSegmentSchema),
})
export type SearchHit = z.infer<typeof SearchHitSchema>

/** The newest hits of one kind; nextBefore asks for the page after them (null: there is none). */
export const SearchGroupSchema = z.object({
  kind: SearchKindSchema,
  hits: z.array(SearchHitSchema),
  nextBefore: z.number().int().nullable(),
})
export type SearchGroup = z.infer<typeof SearchGroupSchema>

export const SearchResultSchema = z.object({ groups: z.array(SearchGroupSchema) })
export type SearchResult = z.infer<typeof SearchResultSchema>

/** Hits per kind on the first page. */
export const SEARCH_PAGE = 6

export const SearchInputSchema = z
  .object({
    q: z.string().max(500, 'Search for at most 500 characters'),
    /** Hits per kind. */
    limit: z.number().int().min(1).max(100).optional(),
    studyId: IdSchema.optional(),
    /** One kind only (the next page of a group). */
    kind: SearchKindSchema.optional(),
    /** Only hits older than this position (a group's nextBefore). */
    before: z.number().int().min(1).optional(),
  })
  .refine((i) => i.before === undefined || i.kind !== undefined, {
    message: 'A next page (before) is for one kind of result: give kind too',
    path: ['kind'],
  })

export const searchContract = {
  /** Full-text search over notes, transcripts, highlights and survey comments; best matches first. */
  'search:query': read(SearchInputSchema, SearchResultSchema),
} as const
