import { z } from 'zod'
import { IdSchema } from '../../domain/common'
import {
  EmotionScoreSchema,
  HighlightCreateSchema,
  HighlightSchema,
  TranscriptFileSchema,
  TranscriptSchema,
  TranscriptSummarySchema,
} from '../../domain/highlight'
import { asyncChannel, channel, type ChannelSpec, OkSchema as Ok } from '../channel-spec'

export const highlightsContract = {
  'highlights:listForInterview': channel(z.object({ interviewId: IdSchema }), z.array(HighlightSchema)),
  /** Transcript and survey-comment highlights; note highlights come from the note's marks on notes:save. */
  'highlights:create': channel(HighlightCreateSchema, HighlightSchema),
  'highlights:setTags': channel(
    z.object({ id: IdSchema, tagIds: z.array(IdSchema).max(50) }),
    HighlightSchema,
  ),
  'highlights:update': channel(
    z.object({
      id: IdSchema,
      memo: z.string().max(4000).optional(),
      emotion: EmotionScoreSchema.nullable().optional(),
    }),
    HighlightSchema,
  ),
  'highlights:delete': channel(z.object({ id: IdSchema }), Ok),

  /** All files or none: a bad file rejects the whole batch with a message naming it. */
  'transcripts:import': asyncChannel(
    z.object({ interviewId: IdSchema, files: z.array(TranscriptFileSchema).min(1).max(50) }),
    z.object({ imported: z.array(TranscriptSummarySchema) }),
  ),
  'transcripts:list': channel(z.object({ interviewId: IdSchema }), z.array(TranscriptSummarySchema)),
  'transcripts:get': channel(z.object({ id: IdSchema }), TranscriptSchema),
  'transcripts:delete': channel(z.object({ id: IdSchema }), Ok),
} satisfies Record<string, ChannelSpec>
