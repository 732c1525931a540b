import { z } from 'zod'
import {
  BoardContentSchema,
  BoardInsightsSchema,
  BoardMetaSchema,
  BoardSchema,
  BoardSummarySchema,
} from '../../domain/board'
import { IdSchema, LanguageSchema } from '../../domain/common'
import { ScriptSchema } from '../../domain/script'
import { BOARD_TEMPLATES } from '../../templates/journey-board'
import { OkSchema as Ok, read, write } from '../channel-spec'

export const BoardTemplateSchema = z.enum(BOARD_TEMPLATES)

export const boardsContract = {
  'boards:list': read(
    z.object({ studyId: IdSchema.optional(), search: z.string().max(200).optional() }).optional(),
    z.array(BoardSummarySchema),
  ),
  'boards:get': read(z.object({ id: IdSchema }), BoardSchema),
  /** The evidence, emotion curve, ratings and churn reasons Fieldnote fills in, per stage and per card. */
  'boards:insights': read(z.object({ id: IdSchema }), BoardInsightsSchema),
  /** A board from a template, in the user's language; stages link to the journey-stage tags (added if missing). */
  'boards:create': write(
    BoardMetaSchema.extend({ studyId: IdSchema, template: BoardTemplateSchema, language: LanguageSchema }),
    BoardSchema,
    ['boards', 'tags', 'evidence', 'matrix'],
  ),
  /** The editor's whole copy; refused (CONFLICT) when another window saved since baseRevision. */
  'boards:save': write(
    z.object({
      id: IdSchema,
      baseRevision: z.number().int().min(1),
      meta: BoardMetaSchema.partial().optional(),
      content: BoardContentSchema,
    }),
    z.object({ revision: z.number().int(), updatedAt: z.string() }),
    ['boards'],
  ),
  'boards:duplicate': write(
    z.object({ id: IdSchema, name: z.string().trim().min(1).max(200).optional() }),
    BoardSchema,
    ['boards'],
  ),
  'boards:copyCards': write(
    z.object({ fromBoardId: IdSchema, cardIds: z.array(IdSchema).min(1).max(5000), toBoardId: IdSchema }),
    z.object({ copied: z.number().int(), skipped: z.number().int() }),
    ['boards'],
  ),
  'boards:deleteImpact': read(
    z.object({ id: IdSchema }),
    z.object({
      name: z.string(),
      stages: z.number().int(),
      cards: z.number().int(),
      evidence: z.number().int(),
    }),
  ),
  'boards:delete': write(z.object({ id: IdSchema }), Ok, ['boards']),
  /** A journey walk-through interview script from the board's visible stages, saved as a user script. */
  'boards:walkthrough': write(z.object({ id: IdSchema, language: LanguageSchema }), ScriptSchema, [
    'scripts',
  ]),
} as const
