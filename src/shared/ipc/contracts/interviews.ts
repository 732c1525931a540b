import { ByIdSchema, DeleteImpactSchema } from '../../domain/common'
import {
  InterviewCreateSchema,
  InterviewDetailSchema,
  InterviewListInputSchema,
  InterviewSchema,
  InterviewUpdateSchema,
  TimerActionSchema,
} from '../../domain/interview'
import { z } from 'zod'
import { OkSchema as Ok, read, write } from '../channel-spec'

export const interviewsContract = {
  'interviews:list': read(InterviewListInputSchema, z.array(InterviewSchema)),
  'interviews:get': read(ByIdSchema, InterviewDetailSchema),
  'interviews:create': write(InterviewCreateSchema, InterviewSchema, []),
  'interviews:update': write(InterviewUpdateSchema, InterviewSchema, []),
  'interviews:timer': write(TimerActionSchema, InterviewSchema, []),
  'interviews:deleteImpact': read(ByIdSchema, DeleteImpactSchema),
  'interviews:delete': write(ByIdSchema, Ok, []),
} as const
