import { z } from 'zod'
import {
  CountSchema as Count,
  IdSchema,
  SEGMENT_BUCKETS,
  StudyScopeSchema as ScopeSchema,
} from '../../domain/common'
import { CHURN_TYPES } from '../../domain/company'
import { HighlightSchema } from '../../domain/highlight'
import { read, write } from '../channel-spec'
import { EvidencePlaceShape } from './evidence'

const BucketSchema = z.object({ companies: Count, lostMrr: Count })
const bucketsOf = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, BucketSchema])) as Record<K, typeof BucketSchema>)

export const ChurnReasonRowSchema = z.object({
  tagId: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  parent: z.string().nullable(),
  parentId: z.string().nullable(),
  depth: Count,
  isCategory: z.boolean(),
  prevention: z.string(),
  primaryCompanies: Count,
  primaryLostMrr: Count,
  mentionedCompanies: Count,
  shareOfChurned: z.number(),
  shareOfLostMrr: z.number(),
  bySegment: bucketsOf(SEGMENT_BUCKETS),
  byTenure: bucketsOf(['early', 'later', 'unknown']),
  byType: bucketsOf([...CHURN_TYPES, 'unknown']),
  byPeriod: z.record(z.string(), BucketSchema),
})
export type ChurnReasonRowOut = z.infer<typeof ChurnReasonRowSchema>

const ParetoBarSchema = z.object({
  tagId: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  value: Count,
  share: z.number(),
  cumulativeShare: z.number(),
})

export const ChurnRollupSchema = z.object({
  rows: z.array(ChurnReasonRowSchema),
  pareto: z.object({ companies: z.array(ParetoBarSchema), lostMrr: z.array(ParetoBarSchema) }),
  totals: z.object({
    churnedCompanies: Count,
    codedCompanies: Count,
    uncodedCompanies: Count,
    lostMrr: Count,
    codedLostMrr: Count,
  }),
  currencies: z.array(z.string()),
})

const QuoteSchema = z.object({
  highlightId: z.string().nullable(),
  surveyResponseId: z.string().nullable(),
  quote: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  participantName: z.string().nullable(),
  ...EvidencePlaceShape,
  interviewTitle: z.string().nullable(),
})

const UncodedSchema = z.object({
  interviewId: z.string(),
  title: z.string(),
  studyId: z.string(),
  studyName: z.string(),
  participantName: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  conductedAt: z.string().nullable(),
  /** The most-evidenced churn-reason tag among its highlights, the roll-up's default. */
  suggestedTagId: z.string().nullable(),
  suggestedTagName: z.string().nullable(),
  churnReasonHighlights: Count,
})

const UnmappedSchema = z.object({
  reasonRaw: z.string(),
  rows: Count,
  companies: z.array(z.string()),
  firstOn: z.string(),
  lastOn: z.string(),
})

export const churnContract = {
  /** Churn reasons per study (exit interviews and survey rows of that study) or for the whole library. */
  'churn:rollup': read(ScopeSchema, ChurnRollupSchema),
  /** Quotes for one reason (with its descendants): tagged highlights and survey comments of churned companies. */
  'churn:quotes': read(
    z.object({ tagId: IdSchema, studyId: IdSchema.nullable().optional() }),
    z.array(QuoteSchema),
  ),
  /** Exit interviews whose primary reason has not been set yet. */
  'churn:uncoded': read(ScopeSchema, z.array(UncodedSchema)),
  /** One interview's primary reason (as set), its default (the most-evidenced reason) and every coded reason. */
  'churn:forInterview': read(
    z.object({ interviewId: IdSchema }),
    z.object({
      /** Only exit interviews carry a primary reason. */
      exit: z.boolean(),
      primaryTagId: z.string().nullable(),
      suggestedTagId: z.string().nullable(),
      coded: z.array(
        z.object({ tagId: z.string(), name: z.string(), code: z.string().nullable(), highlights: Count }),
      ),
    }),
  ),
  /** Set (or clear with null) an exit interview's primary churn reason; only live churn-reason tags. */
  'churn:setPrimary': write(
    z.object({ interviewId: IdSchema, tagId: IdSchema.nullable() }),
    z.object({ interviewId: z.string(), tagId: z.string().nullable() }),
    ['interviews', 'churn', 'matrix', 'reports'],
  ),
  /** Survey reasons that matched no churn-reason tag, grouped by their raw text. */
  'churn:unmapped': read(z.undefined().optional(), z.array(UnmappedSchema)),
  /** A company's cancellation-survey responses, newest first, with their mapped reason and highlights. */
  'churn:surveyResponses': read(
    z.object({ companyId: IdSchema }),
    z.array(
      z.object({
        id: z.string(),
        respondedOn: z.string(),
        reasonRaw: z.string(),
        comment: z.string(),
        mrrMinor: Count.nullable(),
        studyName: z.string().nullable(),
        reason: z.object({ id: z.string(), name: z.string(), code: z.string().nullable() }).nullable(),
        highlights: z.array(HighlightSchema),
      }),
    ),
  ),
  /** Map every survey row with this raw reason text to a churn-reason tag. */
  'churn:mapReason': write(
    z.object({ reasonRaw: z.string().max(2000), tagId: IdSchema }),
    z.object({ updated: Count }),
    ['churn', 'matrix', 'reports'],
  ),
} as const
