import { z } from 'zod'
import { ByIdSchema, DeleteImpactSchema, SearchSchema } from '../../domain/common'
import {
  CompanyDetailSchema,
  CompanyInputSchema,
  CompanySchema,
  CompanySummarySchema,
  CompanyUpdateSchema,
  SegmentSharesSchema,
} from '../../domain/company'
import { OkSchema as Ok, read, write } from '../channel-spec'
import { PEOPLE_READS, QUOTE_READS } from '../domains'

export const companiesContract = {
  'companies:list': read(SearchSchema, z.array(CompanySummarySchema)),
  'companies:get': read(ByIdSchema, CompanyDetailSchema),
  'companies:create': write(CompanyInputSchema, CompanySchema, [...PEOPLE_READS, 'evidence']),
  'companies:update': write(CompanyUpdateSchema, CompanySchema, [...PEOPLE_READS, ...QUOTE_READS]),
  'companies:deleteImpact': read(ByIdSchema, DeleteImpactSchema),
  'companies:delete': write(ByIdSchema, Ok, [...PEOPLE_READS, ...QUOTE_READS]),
  'companies:segmentShares': read(z.undefined().optional(), SegmentSharesSchema),
} as const
