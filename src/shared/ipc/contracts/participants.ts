import { z } from 'zod'
import { ByIdSchema, DeleteImpactSchema, IdSchema } from '../../domain/common'
import { ParticipantInputSchema, ParticipantSchema, ParticipantUpdateSchema } from '../../domain/company'
import { asyncWrite, OkSchema as Ok, read, write } from '../channel-spec'
import { PEOPLE_READS, QUOTE_READS, TAGGING_READS } from '../domains'

const count = z.number().int().nonnegative()

/** What forgetting a participant erases, and the backups made until now that hold them too. */
export const ForgetImpactSchema = z.object({
  name: z.string(),
  interviews: count,
  notes: count,
  transcripts: count,
  quotes: count,
  stories: count,
  /** Insights and board cards that cite their quotes: they stay, with those citations removed. */
  insights: count,
  boardCards: count,
  /** When the library first held their data: their record or their first interview. */
  heldSince: z.string(),
  olderBackups: z.array(z.object({ fileName: z.string(), path: z.string(), takenAt: z.string() })),
})
export type ForgetImpact = z.infer<typeof ForgetImpactSchema>

export const ForgetResultSchema = z.object({
  erasedAt: z.string(),
  interviews: count,
  notes: count,
  quotes: count,
  /** Older backups deleted on request, and those kept that still hold the participant (file names). */
  deletedBackups: z.array(z.string()),
  keptBackups: z.array(z.string()),
  /** The file was rewritten with no free space left; false: the rows are gone, fragments may remain. */
  compacted: z.boolean(),
  problem: z.string().optional(),
})
export type ForgetResult = z.infer<typeof ForgetResultSchema>

export const participantsContract = {
  'participants:list': read(
    z
      .object({ search: z.string().max(200).optional(), companyId: z.string().max(100).optional() })
      .optional(),
    z.array(ParticipantSchema),
  ),
  'participants:get': read(ByIdSchema, ParticipantSchema),
  'participants:create': write(ParticipantInputSchema, ParticipantSchema, [
    'studies',
    'companies',
    'participants',
    'evidence',
  ]),
  'participants:update': write(ParticipantUpdateSchema, ParticipantSchema, [...PEOPLE_READS, ...QUOTE_READS]),
  'participants:deleteImpact': read(ByIdSchema, DeleteImpactSchema),
  'participants:delete': write(ByIdSchema, Ok, [...PEOPLE_READS, ...QUOTE_READS]),
  'participants:forgetImpact': read(ByIdSchema, ForgetImpactSchema),
  // Its own transaction, then a compaction outside any (VACUUM), holding the library alone meanwhile.
  'participants:forget': asyncWrite(
    z.object({
      id: IdSchema,
      /** The participant's name as the person typed it to confirm (compared by nameKey). */
      confirmName: z.string().max(200),
      /** Also delete this library's older backups that hold them; only on this explicit choice. */
      deleteOlderBackups: z.boolean().default(false),
    }),
    ForgetResultSchema,
    [...PEOPLE_READS, ...TAGGING_READS, ...QUOTE_READS, 'notes', 'transcripts', 'backups'],
  ),
} as const
