import { z } from 'zod'
import { IdSchema } from '../../domain/common'
import { EmotionScoreSchema, HighlightCreateSchema, HighlightSchema } from '../../domain/highlight'
import { OkSchema as Ok, read, write } from '../channel-spec'
import { QUOTE_READS, TAGGING_READS } from '../domains'

export const highlightsContract = {
  'highlights:listForInterview': read(z.object({ interviewId: IdSchema }), z.array(HighlightSchema)),
  /** Transcript and survey-comment highlights; note highlights come from the note's marks on notes:save. */
  'highlights:create': write(HighlightCreateSchema, HighlightSchema, [...TAGGING_READS, ...QUOTE_READS]),
  'highlights:setTags': write(
    z.object({ id: IdSchema, tagIds: z.array(IdSchema).max(50) }),
    HighlightSchema,
    [...TAGGING_READS, ...QUOTE_READS],
  ),
  'highlights:update': write(
    z.object({
      id: IdSchema,
      memo: z.string().max(4000).optional(),
      emotion: EmotionScoreSchema.nullable().optional(),
    }),
    HighlightSchema,
    // The emotion moves a board's curve, and with it a report's journey figure; an insight lists memo and emotion.
    ['highlights', 'evidence', 'boards', 'insights', 'reports'],
  ),
  'highlights:delete': write(z.object({ id: IdSchema }), Ok, [...TAGGING_READS, ...QUOTE_READS]),
} as const
