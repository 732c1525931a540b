import { z } from 'zod'
import { IdSchema, SegmentSchema } from '../../domain/common'
import { HighlightSchema } from '../../domain/highlight'
import { TagKindSchema } from '../../domain/tag'
import { asyncChannel, channel, concurrentChannel, type ChannelSpec, OkSchema as Ok } from '../channel-spec'
import { EvidencePlaceShape } from './evidence'

const Count = z.number().int()
/** Whole library when omitted or null. */
const ScopeSchema = z.object({ studyId: IdSchema.nullable().optional() }).optional()
const CsvTextSchema = z.string().min(1, 'The file is empty').max(20_000_000, 'The file is larger than 20 MB')
const MappingSchema = z.record(z.string().max(40), z.string().max(500).nullable())
export const ImportKindSchema = z.enum(['companies', 'churnSurvey'])

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
  primary_companies: Count,
  primary_lost_mrr: Count,
  mentioned_companies: Count,
  share_of_churned: z.number(),
  share_of_lost_mrr: z.number(),
  bySegment: bucketsOf(['A', 'B', 'C', 'D', 'unsegmented']),
  byTenure: bucketsOf(['early', 'later', 'unknown']),
  byType: bucketsOf(['voluntary', 'involuntary', 'unknown']),
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

/** A rejected row: every problem found in it, and the same joined into one sentence (for the command line). */
const RowProblemSchema = z.object({ line: Count, message: z.string(), problems: z.array(z.string()) })
export const ImportReportSchema = z.object({
  kind: ImportKindSchema,
  /** False when nothing was written (rows were rejected and skipping them was not asked for, or a preview). */
  committed: z.boolean(),
  totalRows: Count,
  imported: Count,
  createdCompanies: z.array(z.string()),
  updatedCompanies: z.array(z.string()),
  unmapped: Count,
  /** Survey rows skipped because the same cancellation (company, study, date, reason, comment) is already there. */
  alreadyImported: Count,
  rejected: z.array(RowProblemSchema),
  /** Cells that a spreadsheet would run as formulas; stored as plain text, never evaluated. */
  formulaCells: z.array(z.object({ line: Count, column: z.string(), value: z.string() })),
})
export type ImportReport = z.infer<typeof ImportReportSchema>

const ImportInputSchema = z.object({
  csv: CsvTextSchema,
  mapping: MappingSchema.optional(),
  /** Import the valid rows and report the rest; by default one bad row rejects the whole file. */
  skipInvalid: z.boolean().default(false),
  /** Only validate and report; write nothing. */
  dryRun: z.boolean().default(false),
})

const ForceQuoteSchema = z.object({
  highlightId: z.string(),
  quote: z.string(),
  participantName: z.string().nullable(),
  ...EvidencePlaceShape,
  tagName: z.string(),
})
const ForceSchema = z.object({
  force: z.enum(['push', 'pull', 'anxiety', 'habit']),
  participants: Count,
  highlights: Count,
  quotes: z.array(ForceQuoteSchema),
})

const TimelineItemSchema = z.object({
  highlightId: z.string(),
  quote: z.string(),
  phaseTagId: z.string(),
  phaseName: z.string(),
  phaseKey: z.string().nullable(),
  /** Elapsed interview time of the note the highlight is in, when stamped. */
  elapsedMs: Count.nullable(),
})

const StoryText = z.string().trim().min(1, 'Fill in every part of the job story').max(2000)
export const JobStorySchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  interviewTitle: z.string(),
  participantName: z.string().nullable(),
  situation: z.string(),
  motivation: z.string(),
  outcome: z.string(),
  position: Count,
})

const TagSetSchema = z.union([z.object({ parentId: IdSchema }), z.object({ kind: TagKindSchema })])
const MatrixTagSchema = z.object({ id: z.string(), name: z.string(), code: z.string().nullable() })

export const analysisContract = {
  /** Churn reasons per study (exit interviews and survey rows of that study) or for the whole library. */
  'churn:rollup': channel(ScopeSchema, ChurnRollupSchema),
  /** Quotes for one reason (with its descendants): tagged highlights and survey comments of churned companies. */
  'churn:quotes': channel(
    z.object({ tagId: IdSchema, studyId: IdSchema.nullable().optional() }),
    z.array(QuoteSchema),
  ),
  /** Exit interviews whose primary reason has not been set yet. */
  'churn:uncoded': channel(ScopeSchema, z.array(UncodedSchema)),
  /** One interview's primary reason (as set), its default (the most-evidenced reason) and every coded reason. */
  'churn:forInterview': channel(
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
  'churn:setPrimary': channel(
    z.object({ interviewId: IdSchema, tagId: IdSchema.nullable() }),
    z.object({ interviewId: z.string(), tagId: z.string().nullable() }),
  ),
  /** Survey reasons that matched no churn-reason tag, grouped by their raw text. */
  'churn:unmapped': channel(z.undefined().optional(), z.array(UnmappedSchema)),
  /** A company's cancellation-survey responses, newest first, with their mapped reason and highlights. */
  'churn:surveyResponses': channel(
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
  'churn:mapReason': channel(
    z.object({ reasonRaw: z.string().max(2000), tagId: IdSchema }),
    z.object({ updated: Count }),
  ),

  /** Headers, first rows and a suggested column mapping of a CSV, before importing it. */
  'imports:preview': channel(
    z.object({ kind: ImportKindSchema, csv: CsvTextSchema }),
    z.object({
      headers: z.array(z.string()),
      sample: z.array(z.array(z.string())),
      totalRows: Count,
      fields: z.array(z.object({ field: z.string(), required: z.boolean() })),
      suggestedMapping: z.record(z.string(), z.string().nullable()),
      standardLayout: z.boolean(),
    }),
  ),
  /** Large files are saved in batches (one transaction) while the library is held; see imports:progress. */
  'imports:companies': asyncChannel(ImportInputSchema, ImportReportSchema),
  'imports:churnSurvey': asyncChannel(
    ImportInputSchema.extend({ studyId: IdSchema.nullable().optional() }),
    ImportReportSchema,
  ),
  /** How far the running import is (rows saved of total), or null when none is saving. */
  'imports:progress': concurrentChannel(
    z.undefined().optional(),
    z.object({ done: Count, total: Count }).nullable(),
  ),

  'forces:summary': channel(ScopeSchema, z.array(ForceSchema)),
  'forces:timeline': channel(z.object({ interviewId: IdSchema }), z.array(TimelineItemSchema)),

  'stories:list': channel(
    z.object({ studyId: IdSchema.optional(), interviewId: IdSchema.optional() }),
    z.array(JobStorySchema),
  ),
  'stories:create': channel(
    z.object({ interviewId: IdSchema, situation: StoryText, motivation: StoryText, outcome: StoryText }),
    JobStorySchema,
  ),
  'stories:update': channel(
    z.object({
      id: IdSchema,
      situation: StoryText.optional(),
      motivation: StoryText.optional(),
      outcome: StoryText.optional(),
    }),
    JobStorySchema,
  ),
  'stories:delete': channel(z.object({ id: IdSchema }), Ok),

  /**
   * Tag × tag: companies with highlights carrying both tags (descendants roll up onto the chosen tags).
   * Rows are `tags`; columns are `columns` if given (e.g. churn reasons × emotions), else the rows again.
   */
  'matrix:cooccurrence': channel(
    z.object({
      tags: TagSetSchema,
      columns: TagSetSchema.optional(),
      studyId: IdSchema.nullable().optional(),
    }),
    z.object({
      tags: z.array(MatrixTagSchema),
      columns: z.array(MatrixTagSchema),
      counts: z.array(z.array(Count)),
    }),
  ),
  /** Tag × ABCD segment: companies per segment having the tag. */
  'matrix:segments': channel(
    z.object({ tags: TagSetSchema, studyId: IdSchema.nullable().optional() }),
    z.object({
      tags: z.array(MatrixTagSchema),
      segments: z.array(z.union([SegmentSchema, z.literal('unsegmented')])),
      counts: z.array(z.array(Count)),
    }),
  ),
} satisfies Record<string, ChannelSpec>
