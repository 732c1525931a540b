import { anonymizeReport, type Replacement } from '../../../shared/reports/anonymize'
import type { ReportDocument } from '../../../shared/reports/model'
import type { ReportOptions } from '../../../shared/reports/options'
import type { ServiceContext } from '../../db/context'
import { buildReport, type ReportDeps } from './build'
import { pseudonyms } from './pseudonyms'

/** The report as every format writes it: built, then anonymized when asked (with what was replaced). */
export function reportDocument(
  ctx: ServiceContext,
  options: ReportOptions,
  deps: ReportDeps,
): { document: ReportDocument; replacements: Replacement[] } {
  const document = buildReport(ctx, options, deps)
  if (!options.anonymize) return { document, replacements: [] }
  return anonymizeReport(document, pseudonyms(ctx))
}
