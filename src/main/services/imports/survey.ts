import type { ImportReport } from '../../../shared/ipc/contracts/imports'
import { nameKey } from '../../../shared/text/name-key'
import type { ServiceContext } from '../../db/context'
import { inImportTransaction, writeInBatches } from '../../db/job-progress'
import { mustExistId } from '../../db/rows'
import { insertSurveyResponse, reasonResolver } from '../churn/survey'
import { companyNameIndex, writeImportedCompany, type ImportedCompany } from '../companies'
import { date, money, readImport, unwritten, type ImportOptions } from './shared'

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
 * churned on the row's date unless it already is. A row naming an unknown company CREATES that company as
 * churned on the row's date (churn tools export companies we may not have imported yet) and the report
 * lists the created names.
 */
export function importChurnSurvey(ctx: ServiceContext, input: SurveyImportOptions): Promise<ImportReport> {
  return inImportTransaction(ctx.sqlite, () => planAndWriteSurvey(ctx, input))
}

type SurveyImportOptions = ImportOptions & { studyId?: string | null | undefined }

async function planAndWriteSurvey(ctx: ServiceContext, input: SurveyImportOptions): Promise<ImportReport> {
  const { out, eachRow } = readImport('churnSurvey', input)
  if (input.studyId) mustExistId(ctx.sqlite, 'studies', input.studyId)
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
  eachRow(({ line, cell, problems }) => {
    const when =
      cell('date') === '' ? (problems.add('The date is empty'), null) : date(cell('date'), 'Date', problems)
    const name = cell('company')
    if (!name) problems.add('The company is empty')
    if (name.length > 200) problems.add('The company name is longer than 200 characters')
    const reasonRaw = cell('reason')
    if (!reasonRaw) problems.add('The reason is empty')
    if (reasonRaw.length > 2000) problems.add('The reason is longer than 2000 characters')
    const comment = cell('comment')
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
  const refused = unwritten(out, input)
  if (refused) return refused
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
