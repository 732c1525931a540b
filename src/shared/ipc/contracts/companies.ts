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

export const companiesContract = {
  'companies:list': read(SearchSchema, z.array(CompanySummarySchema)),
  'companies:get': read(ByIdSchema, CompanyDetailSchema),
  'companies:create': write(CompanyInputSchema, CompanySchema, [
    'studies',
    'companies',
    'participants',
    'interviews',
    'evidence',
  ]),
  'companies:update': write(CompanyUpdateSchema, CompanySchema, [
    'studies',
    'companies',
    'participants',
    'interviews',
    'evidence',
    'search',
    'churn',
    'matrix',
    'boards',
  ]),
  'companies:deleteImpact': read(ByIdSchema, DeleteImpactSchema),
  'companies:delete': write(ByIdSchema, Ok, [
    'studies',
    'companies',
    'participants',
    'interviews',
    'evidence',
    'search',
    'churn',
    'matrix',
    'boards',
  ]),
  'companies:segmentShares': read(z.undefined().optional(), SegmentSharesSchema),
} as const
