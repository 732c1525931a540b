import { z } from 'zod'
import { ByIdSchema, DeleteImpactSchema } from '../../domain/common'
import { ParticipantInputSchema, ParticipantSchema, ParticipantUpdateSchema } from '../../domain/company'
import { OkSchema as Ok, read, write } from '../channel-spec'
import { PEOPLE_READS, QUOTE_READS } from '../domains'

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
} as const
