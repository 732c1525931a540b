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
import { PEOPLE_READS, QUOTE_READS, TAGGING_READS } from '../domains'

export const interviewsContract = {
  'interviews:list': read(InterviewListInputSchema, z.array(InterviewSchema)),
  'interviews:get': read(ByIdSchema, InterviewDetailSchema),
  'interviews:create': write(InterviewCreateSchema, InterviewSchema, [...PEOPLE_READS, 'scripts', 'churn']),
  'interviews:update': write(InterviewUpdateSchema, InterviewSchema, [...PEOPLE_READS, ...QUOTE_READS]),
  'interviews:timer': write(TimerActionSchema, InterviewSchema, [
    'studies',
    'companies',
    'participants',
    'interviews',
    // Starting the clock dates the interview, and a report's coverage names its dates.
    'reports',
  ]),
  'interviews:deleteImpact': read(ByIdSchema, DeleteImpactSchema),
  'interviews:delete': write(ByIdSchema, Ok, [
    ...PEOPLE_READS,
    ...TAGGING_READS,
    ...QUOTE_READS,
    'notes',
    'transcripts',
  ]),
} as const
