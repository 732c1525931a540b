import { CompanyInputSchema } from '../../../shared/domain/company'
import { parseSegment } from '../../../shared/csv/parse'
import type { ImportReport } from '../../../shared/ipc/contracts/imports'
import { nameKey } from '../../../shared/text/name-key'
import type { ServiceContext } from '../../db/context'
import { inImportTransaction, writeInBatches } from '../../db/job-progress'
import { companyNameIndex, writeImportedCompany, type ImportedCompany } from '../companies'
import { date, money, readImport, unwritten, type ImportOptions, type RowProblems } from './shared'

function checkCompany(c: ImportedCompany, problems: RowProblems): void {
  const check = CompanyInputSchema.safeParse({ ...c, notes: '' })
  if (!check.success) for (const issue of check.error.issues) problems.add(issue.message)
}

/**
 * Companies CSV: upsert by name (nameKey); empty cells keep what an existing company has. An unknown segment
 * rejects the row (we will not guess a revenue tier).
 */
export function importCompanies(ctx: ServiceContext, input: ImportOptions): Promise<ImportReport> {
  return inImportTransaction(ctx.sqlite, () => planAndWriteCompanies(ctx, input))
}

async function planAndWriteCompanies(ctx: ServiceContext, input: ImportOptions): Promise<ImportReport> {
  const { out, eachRow } = readImport('companies', input)
  const find = companyNameIndex(ctx)
  const planned = new Map<string, { row: ImportedCompany; isNew: boolean }>()
  eachRow(({ line, cell, problems }) => {
    const name = cell('name')
    if (!name) problems.add('The company name is empty')
    if (name.length > 200) problems.add('The company name is longer than 200 characters')
    const key = nameKey(name)
    const prior = planned.get(key)
    const existing = name ? (prior?.row ?? find(name)) : undefined
    const base: ImportedCompany = existing
      ? { ...existing }
      : {
          // A row without a usable name is rejected whatever else it holds: it takes no id.
          id: problems.any ? '' : ctx.newId(),
          name,
          segment: null,
          plan: '',
          mrrMinor: 0,
          currency: 'USD',
          customerSince: null,
          status: 'active',
          churnedOn: null,
          churnType: null,
        }
    const segment = parseSegment(cell('segment'))
    if (segment === undefined)
      problems.add(`Unknown segment "${cell('segment').slice(0, 40)}": use A, B, C, D or leave it empty`)
    else if (cell('segment') !== '') base.segment = segment
    if (cell('plan') !== '') base.plan = cell('plan').slice(0, 200)
    const mrr = money(cell('mrr'), problems)
    if (mrr !== null) base.mrrMinor = mrr
    const currency = cell('currency').toUpperCase()
    if (currency && !/^[A-Z]{3}$/.test(currency))
      problems.add(`Currency "${cell('currency').slice(0, 40)}" is not a 3-letter code such as USD`)
    else if (currency) base.currency = currency
    const since = date(cell('customer_since'), 'Customer since', problems)
    if (since) base.customerSince = since
    const churnedOn = date(cell('churned_on'), 'Churned on', problems)
    const status = cell('status').toLowerCase()
    if (status && status !== 'active' && status !== 'churned')
      problems.add(`Status "${cell('status').slice(0, 40)}" must be active or churned`)
    const churnType = cell('churn_type').toLowerCase()
    const churnTypeOk = !churnType || churnType === 'voluntary' || churnType === 'involuntary'
    if (!churnTypeOk)
      problems.add(`Churn type "${cell('churn_type').slice(0, 40)}" must be voluntary, involuntary or empty`)
    if (status === 'active') Object.assign(base, { status: 'active', churnedOn: null, churnType: null })
    if (status === 'churned' || (!status && churnedOn)) base.status = 'churned'
    if (churnedOn) base.churnedOn = churnedOn
    if (churnType && churnTypeOk) base.churnType = churnType as ImportedCompany['churnType']
    if (status === 'active' && (churnedOn || churnType))
      problems.add('An active company cannot have a churn date or churn type')
    // The whole-company rules (dates in order, lengths) once every cell reads: their messages would
    // otherwise repeat the cell problems above.
    if (!problems.any) checkCompany(base, problems)
    if (problems.any) {
      problems.rejectTo(out, line)
      return
    }
    planned.set(key, { row: base, isNew: prior ? prior.isNew : !existing })
    out.imported += 1
  })
  for (const { row, isNew } of planned.values())
    (isNew ? out.createdCompanies : out.updatedCompanies).push(row.name)
  const refused = unwritten(out, input)
  if (refused) return refused
  await writeInBatches(
    ctx.sqlite,
    [...planned.values()].map(
      ({ row, isNew }) =>
        () =>
          writeImportedCompany(ctx, row, isNew),
    ),
  )
  return { ...out, committed: true }
}
