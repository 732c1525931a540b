import { z } from 'zod'
import { IdSchema, SegmentSchema } from './common'

/**
 * A customer journey map board: stages are columns, lanes are rows, cards sit in a cell (lane × stage).
 * The renderer edits a board as one document (undo and redo are snapshots of it) and autosaves it whole;
 * every stage, lane and card keeps the id it was born with, so exports and a later merge can follow it.
 */
export const LANE_KINDS = [
  /** Free text cards: customer step, actions, expectations, barriers, positive moments. */
  'text',
  /** Touchpoint cards with a channel and owning teams. */
  'touchpoints',
  /** Who owns the stage inside the company: a responsibility, not something customers said. */
  'teams',
  /** Computed from emotion-scored quotes per stage, with a manual to-be curve and overrides. */
  'emotion',
  /** Quotes tagged with the stage, filled in by Fieldnote. */
  'evidence',
  /** NPS / CSAT / CES moments: default cards, and the scores interviews captured at the stage. */
  'metrics',
  /** Churn reasons tied to the stage, with companies and lost MRR from the roll-up. */
  'churn',
  /** Improvement ideas with owner, priority and status, answering barriers. */
  'opportunities',
] as const
export const LaneKindSchema = z.enum(LANE_KINDS)
export type LaneKind = z.infer<typeof LaneKindSchema>

/** The lanes cards can be added to by hand; the others are computed. */
export const CARD_LANES: readonly LaneKind[] = ['text', 'touchpoints', 'teams', 'metrics', 'opportunities']

/**
 * Lanes whose cards say something about customers, so a card there without a cited quote is an assumption.
 * Owning teams and metric moments are the company's own arrangements: no quote could back them.
 */
export const CLAIM_LANES: readonly LaneKind[] = ['text', 'touchpoints', 'opportunities']

export const isAssumption = (card: { evidence: readonly string[] }, kind: LaneKind): boolean =>
  CLAIM_LANES.includes(kind) && card.evidence.length === 0

export const TEAMS = [
  'marketing',
  'product',
  'sales',
  'customer_success',
  'design_ux',
  'support',
  'account_management',
] as const
export const TeamSchema = z.enum(TEAMS)
export type Team = z.infer<typeof TeamSchema>

export const PRIORITIES = ['high', 'medium', 'low'] as const
export const OPPORTUNITY_STATUSES = ['idea', 'planned', 'in_progress', 'done'] as const

const Text = (max: number) => z.string().max(max)
/** A score on the journey map's scale: −2 … +2, fractions allowed (a mean, a drawn point). */
export const EmotionValueSchema = z.number().min(-2, 'Emotion is −2 … +2').max(2, 'Emotion is −2 … +2')

export const BoardStageSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1, 'A stage needs a name').max(200),
  hidden: z.boolean().default(false),
  /** The journey-stage tag whose quotes feed this stage's evidence and emotion. */
  tagId: IdSchema.nullable().default(null),
  /** The hoped-for ("to-be") emotion, drawn beside the computed one. */
  emotionToBe: EmotionValueSchema.nullable().default(null),
  /** A value the researcher set instead of the computed one; always shown as an override. */
  emotionOverride: EmotionValueSchema.nullable().default(null),
  emotionNote: Text(2000).default(''),
})
export type BoardStage = z.infer<typeof BoardStageSchema>

export const BoardLaneSchema = z.object({
  id: IdSchema,
  kind: LaneKindSchema,
  name: z.string().trim().min(1, 'A lane needs a name').max(200),
  hidden: z.boolean().default(false),
})
export type BoardLane = z.infer<typeof BoardLaneSchema>

export const BoardCardSchema = z.object({
  id: IdSchema,
  laneId: IdSchema,
  stageId: IdSchema,
  text: Text(4000),
  /** A journey-stage or churn-reason tag the card is about. */
  tagId: IdSchema.nullable().default(null),
  channel: Text(200).default(''),
  teams: z.array(TeamSchema).max(TEAMS.length).default([]),
  owner: Text(200).default(''),
  priority: z.enum(PRIORITIES).nullable().default(null),
  status: z.enum(OPPORTUNITY_STATUSES).nullable().default(null),
  /** Barrier cards this opportunity answers. */
  answers: z.array(IdSchema).max(50).default([]),
  /** Highlights the card cites; a card without any is an assumption. */
  evidence: z.array(IdSchema).max(500).default([]),
})
export type BoardCard = z.infer<typeof BoardCardSchema>

/** What the editor holds and saves: order is the array order. */
export const BoardContentSchema = z
  .object({
    stages: z.array(BoardStageSchema).max(40),
    lanes: z.array(BoardLaneSchema).max(40),
    cards: z.array(BoardCardSchema).max(5000),
  })
  .superRefine((c, ctx) => {
    const stages = new Set(c.stages.map((s) => s.id))
    const lanes = new Set(c.lanes.map((l) => l.id))
    const ids = [...c.stages.map((s) => s.id), ...c.lanes.map((l) => l.id), ...c.cards.map((x) => x.id)]
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', message: 'Ids on a board must be unique' })
    c.cards.forEach((card, i) => {
      if (!stages.has(card.stageId) || !lanes.has(card.laneId))
        ctx.addIssue({
          code: 'custom',
          path: ['cards', i],
          message: 'A card must sit in a stage and a lane of its board',
        })
    })
  })
export type BoardContent = z.infer<typeof BoardContentSchema>

export const BoardMetaSchema = z.object({
  name: z.string().trim().min(1, 'A board needs a name').max(200),
  description: Text(4000).default(''),
  /** Only evidence of companies in this ABCD segment, when set. */
  segment: SegmentSchema.nullable().default(null),
  /** Only evidence of participants whose role matches this persona, when set. */
  persona: Text(200).default(''),
})

export const BoardSummarySchema = z.object({
  id: z.string(),
  studyId: z.string(),
  studyName: z.string(),
  name: z.string(),
  description: z.string(),
  segment: SegmentSchema.nullable(),
  persona: z.string(),
  stages: z.number().int(),
  cards: z.number().int(),
  revision: z.number().int(),
  updatedAt: z.string(),
})
export type BoardSummary = z.infer<typeof BoardSummarySchema>

export const BoardSchema = BoardSummarySchema.extend({ content: BoardContentSchema })
export type Board = z.infer<typeof BoardSchema>

const Count = z.number().int()

/** What Fieldnote computes on a board (boards:insights): never stored, always from the current evidence. */
export const BoardInsightsSchema = z.object({
  stages: z.array(
    z.object({
      stageId: z.string(),
      emotion: z.object({
        n: Count,
        mean: z.number().nullable(),
        min: z.number().nullable(),
        max: z.number().nullable(),
        sd: z.number().nullable(),
        companies: Count,
        participants: Count,
        /** What the as-is curve draws: the override, else the mean, else nothing (a gap). */
        value: z.number().nullable(),
        source: z.enum(['override', 'evidence', 'none']),
      }),
      evidence: z.object({
        highlights: Count,
        companies: Count,
        participants: Count,
        quotes: z.array(
          z.object({
            highlightId: z.string(),
            quote: z.string(),
            participantName: z.string().nullable(),
            companyName: z.string().nullable(),
            interviewId: z.string().nullable(),
            questionId: z.string().nullable(),
            transcriptId: z.string().nullable(),
            transcriptParagraph: Count.nullable(),
          }),
        ),
      }),
      metrics: z.array(
        z.object({ metric: z.enum(['nps', 'csat', 'ces']), n: Count, value: z.number().nullable() }),
      ),
      churn: z.array(
        z.object({
          tagId: z.string(),
          code: z.string().nullable(),
          name: z.string(),
          companies: Count,
          lostMrr: Count,
        }),
      ),
    }),
  ),
  cards: z.array(z.object({ cardId: z.string(), highlights: Count, companies: Count, participants: Count })),
})
export type BoardInsights = z.infer<typeof BoardInsightsSchema>
