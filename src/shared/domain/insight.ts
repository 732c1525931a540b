import { z } from 'zod'
import { SegmentSchema } from './common'

// Tuples so db/schema.ts declares its enum columns from them (one list per enum).
export const INSIGHT_STATUSES = ['draft', 'validated', 'shared'] as const
export const InsightStatusSchema = z.enum(INSIGHT_STATUSES)
export type InsightStatus = z.infer<typeof InsightStatusSchema>

export const STANCES = ['for', 'against'] as const
export const StanceSchema = z.enum(STANCES)
export type Stance = z.infer<typeof StanceSchema>

export const CONFIDENCE_LABELS = ['assumption', 'low', 'medium', 'high'] as const

/** The computed confidence and its reasons as numbers; the screens and reports word them. */
export const ConfidenceSchema = z.object({
  score: z.number().int().min(0).max(100),
  label: z.enum(CONFIDENCE_LABELS),
  reasons: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('companies'), count: z.number().int(), points: z.number() }),
      z.object({ kind: z.literal('participants'), count: z.number().int(), points: z.number() }),
      z.object({ kind: z.literal('segments'), segments: z.array(SegmentSchema), points: z.number() }),
      z.object({ kind: z.literal('methods'), methods: z.array(z.string()), points: z.number() }),
      z.object({ kind: z.literal('recency'), newestAgeDays: z.number().int().nullable(), points: z.number() }),
      z.object({
        kind: z.literal('contradiction'),
        againstBackers: z.number().int(),
        forBackers: z.number().int(),
        penalty: z.number(),
      }),
      z.object({ kind: z.literal('noEvidence') }),
    ]),
  ),
})

export const InsightCountsSchema = z.object({
  for: z.number().int(),
  against: z.number().int(),
  companies: z.number().int(),
  participants: z.number().int(),
})

/** What a list of insights shows; the statement as plain text. */
export const InsightSummarySchema = z.object({
  id: z.string(),
  studyId: z.string().nullable(),
  statementText: z.string(),
  status: InsightStatusSchema,
  owner: z.string(),
  tagIds: z.array(z.string()),
  counts: InsightCountsSchema,
  confidence: ConfidenceSchema,
  updatedAt: z.string(),
})
export type InsightSummary = z.infer<typeof InsightSummarySchema>
