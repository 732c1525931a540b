import { z } from 'zod'
import { IdSchema } from '../../domain/common'
import { InsightStatusSchema, InsightSummarySchema, StanceSchema } from '../../domain/insight'
import { NoteDocSchema } from '../../domain/interview'
import { OkSchema as Ok, read, write } from '../channel-spec'
import { EvidenceRowSchema } from './evidence'

/** A statement is a short rich-text finding, not a document: a sentence or a paragraph or two. */
export const STATEMENT_MAX_JSON = 50_000
const StatementSchema = NoteDocSchema.refine((d) => JSON.stringify(d).length <= STATEMENT_MAX_JSON, {
  message: 'The statement is too long for an insight; keep it to a few paragraphs',
})
const Owner = z.string().trim().max(200)
const TagIds = z.array(IdSchema).max(50)
const HighlightIds = z.array(IdSchema).min(1).max(5000)

/**
 * Where a new insight's evidence comes from: quotes chosen in the evidence list, every quote of the study
 * tagged with a tag or its sub-tags (a churn reason, a force), or the quotes a journey-board card cites.
 */
export const InsightSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('highlights'), highlightIds: HighlightIds }),
  z.object({ kind: z.literal('tag'), tagId: IdSchema }),
  z.object({ kind: z.literal('card'), boardId: IdSchema, cardId: IdSchema }),
  z.object({ kind: z.literal('none') }),
])
export type InsightSource = z.infer<typeof InsightSourceSchema>

export const InsightEvidenceSchema = EvidenceRowSchema.extend({ stance: StanceSchema })

export const InsightSchema = InsightSummarySchema.extend({
  statement: z.record(z.string(), z.unknown()),
  evidence: z.array(InsightEvidenceSchema),
})
export type Insight = z.infer<typeof InsightSchema>

const AFFECTS = ['insights', 'reports'] as const

export const insightsContract = {
  /** A study's insights (studyId null: those spanning studies; absent: all), most confident first. */
  'insights:list': read(
    z.object({ studyId: IdSchema.nullable().optional(), search: z.string().max(200).optional() }).optional(),
    z.array(InsightSummarySchema),
  ),
  'insights:get': read(z.object({ id: IdSchema }), InsightSchema),
  'insights:create': write(
    z.object({
      studyId: IdSchema.nullable(),
      statement: StatementSchema,
      status: InsightStatusSchema.default('draft'),
      owner: Owner.default(''),
      tagIds: TagIds.default([]),
      from: InsightSourceSchema,
    }),
    InsightSchema,
    AFFECTS,
  ),
  'insights:update': write(
    z.object({
      id: IdSchema,
      statement: StatementSchema.optional(),
      status: InsightStatusSchema.optional(),
      owner: Owner.optional(),
      tagIds: TagIds.optional(),
    }),
    InsightSchema,
    AFFECTS,
  ),
  /** Links quotes as backing ("for") or contradicting ("against"); a linked quote changes its stance. */
  'insights:link': write(
    z.object({ id: IdSchema, highlightIds: HighlightIds, stance: StanceSchema }),
    InsightSchema,
    AFFECTS,
  ),
  'insights:unlink': write(z.object({ id: IdSchema, highlightId: IdSchema }), InsightSchema, AFFECTS),
  'insights:delete': write(z.object({ id: IdSchema }), Ok, AFFECTS),
} as const
