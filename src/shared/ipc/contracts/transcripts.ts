import { z } from 'zod'
import { IdSchema } from '../../domain/common'
import {
  SpeakerNameSchema,
  TranscriptFileSchema,
  TranscriptImportReportSchema,
  TranscriptSchema,
  TranscriptSummarySchema,
} from '../../domain/highlight'
import { asyncWrite, OkSchema as Ok, read, write } from '../channel-spec'
import { QUOTE_READS, TAGGING_READS } from '../domains'

export const transcriptsContract = {
  /** All files or none: a bad file rejects the whole batch with a message naming it. */
  'transcripts:import': asyncWrite(
    z.object({ interviewId: IdSchema, files: z.array(TranscriptFileSchema).min(1).max(50) }),
    z.object({
      imported: z.array(TranscriptSummarySchema),
      files: z.array(TranscriptImportReportSchema),
    }),
    ['transcripts', 'search'],
  ),
  'transcripts:list': read(z.object({ interviewId: IdSchema }), z.array(TranscriptSummarySchema)),
  'transcripts:get': read(z.object({ id: IdSchema }), TranscriptSchema),
  /** Renames a speaker in one transcript; naming another of its speakers merges the two. */
  'transcripts:renameSpeaker': write(
    z.object({ id: IdSchema, from: z.string().min(1).max(200), to: SpeakerNameSchema }),
    TranscriptSummarySchema,
    ['transcripts'],
  ),
  'transcripts:delete': write(z.object({ id: IdSchema }), Ok, [
    ...TAGGING_READS,
    ...QUOTE_READS,
    'transcripts',
  ]),
} as const
