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
import { PEOPLE_READS, QUOTE_READS, TAGGING_READS } from '../domains'

export const studiesContract = {
  'studies:list': read(SearchSchema, z.array(StudySummarySchema)),
  'studies:get': read(ByIdSchema, StudyDetailSchema),
  'studies:create': write(StudyInputSchema, StudySchema, ['studies', 'evidence']),
  'studies:update': write(StudyUpdateSchema, StudySchema, [
    ...PEOPLE_READS,
    'evidence',
    'search',
    'churn',
    'boards',
  ]),
  'studies:deleteImpact': read(ByIdSchema, DeleteImpactSchema),
  'studies:delete': write(ByIdSchema, Ok, [
    ...PEOPLE_READS,
    ...TAGGING_READS,
    ...QUOTE_READS,
    'notes',
    'transcripts',
  ]),
} as const
