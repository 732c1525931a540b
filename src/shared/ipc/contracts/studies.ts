import { z } from 'zod'
import { ByIdSchema, DeleteImpactSchema, SearchSchema } from '../../domain/common'
import {
  StudyDetailSchema,
  StudyInputSchema,
  StudySchema,
  StudySummarySchema,
  StudyUpdateSchema,
} from '../../domain/study'
import { OkSchema as Ok, read, write } from '../channel-spec'

export const studiesContract = {
  'studies:list': read(SearchSchema, z.array(StudySummarySchema)),
  'studies:get': read(ByIdSchema, StudyDetailSchema),
  'studies:create': write(StudyInputSchema, StudySchema, ['studies', 'evidence']),
  'studies:update': write(StudyUpdateSchema, StudySchema, [
    'studies',
    'interviews',
    'evidence',
    'search',
    'churn',
    'boards',
  ]),
  'studies:deleteImpact': read(ByIdSchema, DeleteImpactSchema),
  'studies:delete': write(ByIdSchema, Ok, [
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
