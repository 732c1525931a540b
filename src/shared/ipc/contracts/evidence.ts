import { z } from 'zod'
import { IdSchema, IsoDateSchema, SegmentSchema } from '../../domain/common'
import { InterviewMethodSchema } from '../../domain/script'
import { channel, type ChannelSpec } from '../channel-spec'

/** rating: the reason given with an interview's NPS, CSAT or CES score. */
export const SearchKindSchema = z.enum(['note', 'transcript', 'highlight', 'survey', 'rating'])
export type SearchKind = z.infer<typeof SearchKindSchema>

/** Where a quote sits, enough to open it: its interview question, or its transcript paragraph. */
export const EvidencePlaceShape = {
  interviewId: z.string().nullable(),
  questionId: z.string().nullable(),
  transcriptId: z.string().nullable(),
  /** Paragraph of the transcript where the match (or the quote) is, counted from 0. */
  transcriptParagraph: z.number().int().nullable(),
}
export type EvidencePlace = z.infer<z.ZodObject<typeof EvidencePlaceShape>>

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

export const EvidenceTagSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  code: z.string().nullable(),
})

export const EvidenceRowSchema = z.object({
  highlightId: z.string(),
  quote: z.string(),
  memo: z.string(),
  emotion: z.number().int().nullable(),
  tags: z.array(EvidenceTagSchema),
  source: z.enum(['note', 'transcript', 'survey']),
  ...EvidencePlaceShape,
  surveyResponseId: z.string().nullable(),
  studyId: z.string().nullable(),
  studyName: z.string().nullable(),
  participantId: z.string().nullable(),
  participantName: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  segment: SegmentSchema.nullable(),
  method: InterviewMethodSchema.nullable(),
  /** When it was said: the interview's date (conducted, else scheduled, else created) or the survey's date. */
  date: z.string().nullable(),
  citation: z.string(),
})
export type EvidenceRow = z.infer<typeof EvidenceRowSchema>

export const EvidenceCountsSchema = z.object({
  highlights: z.number().int(),
  participants: z.number().int(),
  companies: z.number().int(),
})
export type EvidenceCounts = z.infer<typeof EvidenceCountsSchema>

export const EvidenceGroupSchema = EvidenceCountsSchema.extend({
  tagId: z.string(),
  name: z.string(),
  color: z.string(),
  code: z.string().nullable(),
})
export type EvidenceGroup = z.infer<typeof EvidenceGroupSchema>

export const EvidenceListInputSchema = z
  .object({
    studyId: IdSchema.optional(),
    /** Includes the tag's descendants. */
    tagId: IdSchema.optional(),
    segment: SegmentSchema.optional(),
    companyId: IdSchema.optional(),
    participantId: IdSchema.optional(),
    method: InterviewMethodSchema.optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    groupBy: z.enum(['tag', 'none']).default('none'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, {
    message: 'The start date must not be after the end date',
    path: ['to'],
  })
export type EvidenceListInput = z.input<typeof EvidenceListInputSchema>

export const EvidenceListSchema = z.object({
  total: z.number().int(),
  counts: EvidenceCountsSchema,
  rows: z.array(EvidenceRowSchema),
  /** Present when grouped by tag: one entry per tag on the filtered highlights, most evidenced first. */
  groups: z.array(EvidenceGroupSchema).optional(),
})
export type EvidenceList = z.infer<typeof EvidenceListSchema>

/** What the filter bar offers, in one call. */
export const EvidenceFilterOptionsSchema = z.object({
  studies: z.array(z.object({ id: z.string(), name: z.string(), method: InterviewMethodSchema })),
  tags: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      name: z.string(),
      color: z.string(),
      code: z.string().nullable(),
    }),
  ),
  companies: z.array(z.object({ id: z.string(), name: z.string(), segment: SegmentSchema.nullable() })),
  participants: z.array(z.object({ id: z.string(), name: z.string(), companyId: z.string().nullable() })),
})
export type EvidenceFilterOptions = z.infer<typeof EvidenceFilterOptionsSchema>

export const evidenceContract = {
  /** Full-text search over notes, transcripts, highlights and survey comments; best matches first. */
  'search:query': channel(SearchInputSchema, SearchResultSchema),
  /** Every highlight matching the filters, newest first, one page at a time, with distinct counts. */
  'evidence:list': channel(EvidenceListInputSchema, EvidenceListSchema),
  'evidence:filterOptions': channel(z.undefined().optional(), EvidenceFilterOptionsSchema),
} satisfies Record<string, ChannelSpec>
