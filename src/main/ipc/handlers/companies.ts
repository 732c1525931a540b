import type { companiesContract } from '../../../shared/ipc/contracts/companies'
import type { HandlersFor } from '../handler-types'
import * as companies from '../../services/companies'

export const companiesHandlers: HandlersFor<keyof typeof companiesContract> = {
  'companies:list': (ctx, i) => companies.listCompanies(ctx, i),
  'companies:get': (ctx, i) => companies.getCompany(ctx, i.id),
  'companies:create': (ctx, i) => companies.createCompany(ctx, i),
  'companies:update': (ctx, i) => companies.updateCompany(ctx, i),
  'companies:deleteImpact': (ctx, i) => companies.companyDeleteImpact(ctx, i.id),
  'companies:delete': (ctx, i) => companies.deleteCompany(ctx, i.id),
  'companies:segmentShares': (ctx) => companies.companySegmentShares(ctx),
}
