import { z } from 'zod'
import { IdSchema, IsoDateSchema, SegmentSchema } from '../../domain/common'
import { InterviewMethodSchema } from '../../domain/script'
import { read } from '../channel-spec'

/** Where a quote sits, enough to open it: its interview question, or its transcript paragraph. */
export const EvidencePlaceShape = {
  interviewId: z.string().nullable(),
  questionId: z.string().nullable(),
  transcriptId: z.string().nullable(),
  /** Paragraph of the transcript where the match (or the quote) is, counted from 0. */
  transcriptParagraph: z.number().int().nullable(),
}
export type EvidencePlace = z.infer<z.ZodObject<typeof EvidencePlaceShape>>

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
  /** Every highlight matching the filters, newest first, one page at a time, with distinct counts. */
  'evidence:list': read(EvidenceListInputSchema, EvidenceListSchema),
  'evidence:filterOptions': read(z.undefined().optional(), EvidenceFilterOptionsSchema),
} as const
