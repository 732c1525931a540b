import type Database from 'better-sqlite3'
import { CompanyInputSchema } from '../../../shared/domain/company'
import {
  isStandardLayout,
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  resolveMapping,
  suggestMapping,
  type ColumnMapping,
  type ImportKind,
} from '../../../shared/csv/mapping'
import {
  CsvError,
  looksLikeFormula,
  parseCsv,
  parseCsvDate,
  parseMoneyMinor,
  parseSegment,
  type CsvTable,
} from '../../../shared/csv/parse'
import { AppError } from '../../../shared/ipc/errors'
import type { ImportReport } from '../../../shared/ipc/contracts/imports'
import { insertSurveyResponse, reasonResolver } from '../churn/survey'
import { companyNameIndex, writeImportedCompany, type ImportedCompany } from '../companies'
import type { ServiceContext } from '../../db/context'
import { nameKey } from '../../../shared/text/name-key'
import { inImportTransaction, progressOf, writeInBatches } from '../../db/job-progress'
import { mustExist } from '../../db/rows'

/**
 * CSV imports of companies and churn-survey rows. Every import is all-or-nothing: the rows are validated
 * first, and by default a single rejected row means nothing is written (committed: false, the report lists
 * every rejected row with its line and every problem found in it, so one round of fixes is enough). With
 * skipInvalid the valid rows are written, in the one transaction inImportTransaction holds across the
 * batches, and the rejected ones reported. Cells are stored as text and never evaluated;
 * cells that look like spreadsheet formulas (= + - @) are flagged in the report.
 *
 * Decisions: an unknown segment rejects the row (we will not guess a revenue tier); a survey row naming an
 * unknown company CREATES that company as churned on the row's date (churn tools export companies we may
 * not have imported yet) and the report lists the created names.
 */

interface ImportOptions {
  csv: string
  mapping?: ColumnMapping | undefined
  skipInvalid: boolean
  dryRun: boolean
}

function table(csv: string): CsvTable {
  try {
    return parseCsv(csv)
  } catch (err) {
    if (err instanceof CsvError) throw new AppError('VALIDATION', `Not a readable CSV file: ${err.message}`)
    throw err
  }
}

function columns(kind: ImportKind, t: CsvTable, mapping: ColumnMapping | undefined): Record<string, number> {
  try {
    return resolveMapping(kind, t.headers, mapping ?? suggestMapping(kind, t.headers))
  } catch (err) {
    const expected = IMPORT_FIELDS[kind].join(',')
    throw new AppError(
      'VALIDATION',
      `${(err as Error).message} Expected the header ${expected}, or map the columns first.`,
    )
  }
}

export function previewImport(_ctx: ServiceContext, input: { kind: ImportKind; csv: string }) {
  const t = table(input.csv)
  return {
    headers: t.headers,
    sample: t.rows.slice(0, 5),
    totalRows: t.rows.length,
    fields: IMPORT_FIELDS[input.kind].map((field) => ({
      field,
      required: REQUIRED_FIELDS[input.kind].includes(field),
    })),
    suggestedMapping: suggestMapping(input.kind, t.headers),
    standardLayout: isStandardLayout(input.kind, t.headers),
  }
}

/** The problems found in one row: every cell is checked, so the report names all of them at once. */
class RowProblems {
  readonly list: string[] = []
  add(message: string): void {
    this.list.push(message)
  }
  get any(): boolean {
    return this.list.length > 0
  }
  rejectTo(out: ImportReport, line: number): void {
    out.rejected.push({ line, message: this.list.join('; '), problems: [...this.list] })
  }
}

function report(kind: ImportKind, totalRows: number): ImportReport {
  return {
    kind,
    committed: false,
    totalRows,
    imported: 0,
    createdCompanies: [],
    updatedCompanies: [],
    unmapped: 0,
    alreadyImported: 0,
    rejected: [],
    formulaCells: [],
  }
}

function flagFormulas(
  out: ImportReport,
  t: CsvTable,
  row: string[],
  line: number,
  cols: Record<string, number>,
) {
  for (const [field, index] of Object.entries(cols)) {
    const value = row[index] ?? ''
    if (looksLikeFormula(value))
      out.formulaCells.push({ line, column: t.headers[index] ?? field, value: value.slice(0, 200) })
  }
}

const cellOf = (row: string[], cols: Record<string, number>) => (field: string) => {
  const i = cols[field]
  return i === undefined ? '' : (row[i] ?? '').trim()
}

function date(value: string, what: string, problems: RowProblems): string | null {
  if (value === '') return null
  const d = parseCsvDate(value)
  if (!d) problems.add(`${what} "${value.slice(0, 40)}" is not a date in the form YYYY-MM-DD`)
  return d
}

function money(value: string, problems: RowProblems): number | null {
  if (value === '') return null
  const m = parseMoneyMinor(value)
  if (m === null) problems.add(`MRR "${value.slice(0, 40)}" is not an amount such as 49.99`)
  return m
}

function checkCompany(c: ImportedCompany, problems: RowProblems): void {
  const check = CompanyInputSchema.safeParse({ ...c, notes: '' })
  if (!check.success) for (const issue of check.error.issues) problems.add(issue.message)
}

/** Companies CSV: upsert by name (nameKey); empty cells keep what an existing company has. */
export function importCompanies(ctx: ServiceContext, input: ImportOptions): Promise<ImportReport> {
  return inImportTransaction(ctx.sqlite, () => planAndWriteCompanies(ctx, input))
}

async function planAndWriteCompanies(ctx: ServiceContext, input: ImportOptions): Promise<ImportReport> {
  const t = table(input.csv)
  const cols = columns('companies', t, input.mapping)
  const out = report('companies', t.rows.length)
  const find = companyNameIndex(ctx)
  const planned = new Map<string, { row: ImportedCompany; isNew: boolean }>()
  t.rows.forEach((row, i) => {
    const line = t.lines[i] ?? i + 2
    flagFormulas(out, t, row, line, cols)
    const cell = cellOf(row, cols)
    const problems = new RowProblems()
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
    if (cols['plan'] !== undefined && cell('plan') !== '') base.plan = cell('plan').slice(0, 200)
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
  if (input.dryRun || (out.rejected.length && !input.skipInvalid))
    return { ...out, imported: input.dryRun ? out.imported : 0, committed: false }
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

/**
 * A cancellation is a fact about a company, whatever study it was filed under: the same company (by name),
 * date, stated reason and comment is the same row.
 */
const surveyIdentity = (companyName: string, date: string, reasonRaw: string, comment: string) =>
  JSON.stringify([nameKey(companyName), date, reasonRaw, comment])

function surveyRowsSeen(ctx: ServiceContext): Set<string> {
  const rows = ctx.sqlite
    .prepare(
      `select c.name as companyName, r.responded_on as date, r.reason_raw as reasonRaw, r.comment
       from churn_survey_responses r join companies c on c.id = r.company_id`,
    )
    .all() as { companyName: string; date: string; reasonRaw: string; comment: string }[]
  return new Set(rows.map((r) => surveyIdentity(r.companyName, r.date, r.reasonRaw, r.comment)))
}

/**
 * Cancellation-survey CSV (date,company,reason,comment,mrr): one company's churn per row with its stated
 * reason. Unknown reasons are kept with reason_tag_id null (the unmapped queue); the company is marked
 * churned on the row's date unless it already is.
 */
export function importChurnSurvey(ctx: ServiceContext, input: SurveyImportOptions): Promise<ImportReport> {
  return inImportTransaction(ctx.sqlite, () => planAndWriteSurvey(ctx, input))
}

type SurveyImportOptions = ImportOptions & { studyId?: string | null | undefined }

async function planAndWriteSurvey(ctx: ServiceContext, input: SurveyImportOptions): Promise<ImportReport> {
  const t = table(input.csv)
  const cols = columns('churnSurvey', t, input.mapping)
  if (input.studyId)
    mustExist(
      ctx.sqlite.prepare('select id from studies where id = ?').get(input.studyId),
      'Study',
      input.studyId,
    )
  const out = report('churnSurvey', t.rows.length)
  const find = companyNameIndex(ctx)
  const resolve = reasonResolver(ctx)
  const companies = new Map<string, { row: ImportedCompany; isNew: boolean; changed: boolean }>()
  const seen = surveyRowsSeen(ctx)
  const responses: {
    companyKey: string
    date: string
    reasonRaw: string
    tagId: string | null
    comment: string
    mrr: number | null
  }[] = []
  t.rows.forEach((row, i) => {
    const line = t.lines[i] ?? i + 2
    flagFormulas(out, t, row, line, cols)
    const cell = cellOf(row, cols)
    const problems = new RowProblems()
    const when =
      cell('date') === '' ? (problems.add('The date is empty'), null) : date(cell('date'), 'Date', problems)
    const name = cell('company')
    if (!name) problems.add('The company is empty')
    if (name.length > 200) problems.add('The company name is longer than 200 characters')
    const reasonRaw = cell('reason')
    if (!reasonRaw) problems.add('The reason is empty')
    if (reasonRaw.length > 2000) problems.add('The reason is longer than 2000 characters')
    const comment = cols['comment'] === undefined ? '' : (row[cols['comment']] ?? '').trim()
    if (comment.length > 20_000) problems.add('The comment is longer than 20,000 characters')
    const mrr = money(cell('mrr'), problems)
    if (problems.any || !when) {
      problems.rejectTo(out, line)
      return
    }
    // The same export imported twice, or overlapping exports: a row already in the library (or earlier in
    // this file) is the same cancellation; it changes nothing, and counting it again would double its quotes.
    const identity = surveyIdentity(name, when, reasonRaw, comment)
    if (seen.has(identity)) {
      out.alreadyImported += 1
      return
    }
    const key = nameKey(name)
    const known = companies.get(key)
    const existing = known?.row ?? find(name)
    const entry = known ?? {
      row: existing
        ? { ...existing }
        : {
            id: ctx.newId(),
            name,
            segment: null,
            plan: '',
            mrrMinor: mrr ?? 0,
            currency: 'USD',
            customerSince: null,
            status: 'churned' as const,
            churnedOn: when,
            churnType: null,
          },
      isNew: !existing,
      changed: !existing,
    }
    if (entry.row.status !== 'churned') {
      if (entry.row.customerSince && when < entry.row.customerSince) {
        problems.add(`Churn date ${when} is before ${name}'s customer-since date ${entry.row.customerSince}`)
        problems.rejectTo(out, line)
        return
      }
      Object.assign(entry.row, { status: 'churned', churnedOn: when })
      entry.changed = true
    }
    seen.add(identity)
    companies.set(key, entry)
    const tagId = resolve(reasonRaw)
    if (!tagId) out.unmapped += 1
    responses.push({ companyKey: key, date: when, reasonRaw, tagId, comment, mrr })
    out.imported += 1
  })
  for (const c of companies.values())
    if (c.isNew) out.createdCompanies.push(c.row.name)
    else if (c.changed) out.updatedCompanies.push(c.row.name)
  if (input.dryRun || (out.rejected.length && !input.skipInvalid))
    return { ...out, imported: input.dryRun ? out.imported : 0, committed: false }
  const batch = ctx.newId()
  const at = ctx.now().toISOString()
  await writeInBatches(ctx.sqlite, [
    ...[...companies.values()]
      .filter((c) => c.changed)
      .map((c) => () => writeImportedCompany(ctx, c.row, c.isNew)),
    ...responses.map(
      (r) => () =>
        insertSurveyResponse(
          ctx,
          {
            company_id: companies.get(r.companyKey)!.row.id,
            study_id: input.studyId ?? null,
            responded_on: r.date,
            reason_raw: r.reasonRaw,
            reason_tag_id: r.tagId,
            comment: r.comment,
            mrr_minor: r.mrr,
            import_batch_id: batch,
          },
          at,
        ),
    ),
  ])
  return { ...out, committed: true }
}

/** How far the running import is, from memory: answered while the import holds the library. */
export function importProgress(sqlite: Database.Database) {
  return progressOf(sqlite)
}
