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
  'interviews:create': write(InterviewCreateSchema, InterviewSchema, [
    'studies',
    'companies',
    'participants',
    'scripts',
    'interviews',
    'churn',
  ]),
  'interviews:update': write(InterviewUpdateSchema, InterviewSchema, [
    'studies',
    'companies',
    'participants',
    'interviews',
    'evidence',
    'search',
    'churn',
    'forces',
    'matrix',
    'stories',
    'boards',
  ]),
  'interviews:timer': write(TimerActionSchema, InterviewSchema, [
    'studies',
    'companies',
    'participants',
    'interviews',
  ]),
  'interviews:deleteImpact': read(ByIdSchema, DeleteImpactSchema),
  'interviews:delete': write(ByIdSchema, Ok, [
    'studies',
    'companies',
    'participants',
    'interviews',
    'notes',
    'transcripts',
    'tags',
    'highlights',
    'evidence',
    'search',
    'churn',
    'forces',
    'matrix',
    'stories',
    'boards',
  ]),
} as const
