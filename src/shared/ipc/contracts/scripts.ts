import { z } from 'zod'
import { ByIdSchema, DeleteImpactSchema, LanguageSchema } from '../../domain/common'
import {
  InterviewMethodSchema,
  ScriptBodySchema,
  ScriptSchema,
  ScriptSummarySchema,
} from '../../domain/script'
import { OkSchema as Ok, read, write } from '../channel-spec'

export const scriptsContract = {
  'scripts:list': read(
    z.object({ method: InterviewMethodSchema.optional(), language: LanguageSchema.optional() }).optional(),
    z.array(ScriptSummarySchema),
  ),
  'scripts:get': read(ByIdSchema, ScriptSchema),
  'scripts:duplicate': write(
    z.object({ id: z.string().min(1).max(100), name: z.string().trim().min(1).max(200).optional() }),
    ScriptSchema,
    ['scripts'],
  ),
  'scripts:update': write(
    z.object({
      id: z.string().min(1).max(100),
      name: z.string().trim().min(1, 'A name is required').max(200).optional(),
      description: z.string().max(4000).optional(),
      method: InterviewMethodSchema.optional(),
      body: ScriptBodySchema.optional(),
    }),
    ScriptSchema,
    ['scripts'],
  ),
  'scripts:deleteImpact': read(ByIdSchema, DeleteImpactSchema),
  'scripts:delete': write(ByIdSchema, Ok, ['scripts']),
} as const
