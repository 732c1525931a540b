import type { z } from 'zod'
import type { DeleteImpact } from '../../shared/domain/common'
import type {
  Company,
  CompanyDetail,
  CompanyInputSchema,
  CompanySummary,
  CompanyUpdateSchema,
  SegmentShares,
} from '../../shared/domain/company'
import { CompanyInputSchema as CompanyRules } from '../../shared/domain/company'
import { AppError } from '../../shared/ipc/errors'
import { isEarlyChurn, segmentMrrShares } from '../../shared/metrics'
import { companies } from '../db/schema'
import { nowIso, type ServiceContext } from '../db/context'
import { prepared, setClause } from '../db/prepared'
import { metricsFor } from './metrics-summary'
import { nameKey } from '../../shared/text/name-key'
import { definedOnly, likePattern, mustExist } from '../db/rows'

type CompanyInput = z.output<typeof CompanyInputSchema>
type CompanyUpdate = z.output<typeof CompanyUpdateSchema>

/** The fields a CSV import reads and writes; notes are the researcher's own and an import never sets them. */
export type ImportedCompany = Pick<
  Company,
  | 'id'
  | 'name'
  | 'segment'
  | 'plan'
  | 'mrrMinor'
  | 'currency'
  | 'customerSince'
  | 'status'
  | 'churnedOn'
  | 'churnType'
>

const IMPORTED_COLUMNS = `c.id, c.name, c.segment, c.plan, c.mrr_minor as mrrMinor, c.currency, c.customer_since as customerSince,
  c.status, c.churned_on as churnedOn, c.churn_type as churnType`
const COLUMNS = `${IMPORTED_COLUMNS}, c.notes, c.created_at as createdAt, c.updated_at as updatedAt`

const SUMMARY_SQL = `
  select ${COLUMNS},
         (select count(*) from participants p where p.company_id = c.id) as participantCount,
         (select count(*) from interviews i join participants p on p.id = i.participant_id where p.company_id = c.id) as interviewCount
  from companies c`

export function listCompanies(ctx: ServiceContext, input?: { search?: string }): CompanySummary[] {
  const like = likePattern(input?.search)
  const sql = like
    ? `${SUMMARY_SQL} where c.name like ? escape '\\' or c.plan like ? escape '\\' order by c.name collate nocase`
    : `${SUMMARY_SQL} order by c.name collate nocase`
  return ctx.sqlite.prepare(sql).all(...(like ? [like, like] : [])) as CompanySummary[]
}

export function getCompany(ctx: ServiceContext, id: string): CompanyDetail {
  const summary = mustExist(
    ctx.sqlite.prepare(`${SUMMARY_SQL} where c.id = ?`).get(id) as CompanySummary | undefined,
    'Company',
    id,
  )
  const earlyChurn =
    summary.status === 'churned' && summary.customerSince && summary.churnedOn
      ? isEarlyChurn(summary.customerSince, summary.churnedOn)
      : null
  return { ...summary, earlyChurn, metrics: metricsFor(ctx, 'p.company_id = ?', [id]) }
}

function getRow(ctx: ServiceContext, id: string): Company {
  const row = prepared(ctx.sqlite, `select ${COLUMNS} from companies c where c.id = ?`).get(id)
  return mustExist(row as Company | undefined, 'Company', id)
}

/**
 * The company a name means: names are the same company when their nameKey is. Of several companies with one
 * key (libraries from before names were compared in every script), the oldest. Read once, so an import of
 * thousands of rows looks each one up without going back to the table.
 */
export function companyNameIndex(ctx: ServiceContext): (name: string) => ImportedCompany | undefined {
  const byKey = new Map<string, ImportedCompany>()
  const all = prepared(ctx.sqlite, `select ${IMPORTED_COLUMNS} from companies c order by c.created_at, c.id`)
  for (const c of all.all() as ImportedCompany[]) {
    const key = nameKey(c.name)
    if (!byKey.has(key)) byKey.set(key, c)
  }
  return (name) => byKey.get(nameKey(name))
}

function assertUniqueName(ctx: ServiceContext, name: string): void {
  if (companyNameIndex(ctx)(name)) throw new AppError('CONFLICT', `A company named "${name}" already exists.`)
}

function insertRow(ctx: ServiceContext, c: Omit<Company, 'createdAt' | 'updatedAt'>): void {
  prepared(
    ctx.sqlite,
    `insert into companies (id, name, segment, plan, mrr_minor, currency, customer_since, status, churned_on, churn_type, notes, alias_number, created_at, updated_at)
     values (@id, @name, @segment, @plan, @mrrMinor, @currency, @customerSince, @status, @churnedOn, @churnType, @notes,
             (select coalesce(max(alias_number), 0) + 1 from companies), @at, @at)`,
  ).run({ ...c, at: nowIso(ctx) })
}

function updateRow(ctx: ServiceContext, id: string, changes: Partial<Company>): void {
  const set = setClause(companies, { ...definedOnly(changes), updatedAt: nowIso(ctx) })
  prepared(ctx.sqlite, `update companies set ${set.sql} where id = @id`).run({ ...set.params, id })
}

export function createCompany(ctx: ServiceContext, input: CompanyInput): Company {
  assertUniqueName(ctx, input.name)
  const id = ctx.newId()
  insertRow(ctx, { id, ...input })
  return getRow(ctx, id)
}

/**
 * An import's write of one company it planned with companyNameIndex: a new one is added, a known one gets
 * the imported fields (its name keeps the spelling already in the library).
 */
export function writeImportedCompany(ctx: ServiceContext, c: ImportedCompany, isNew: boolean): void {
  if (isNew) insertRow(ctx, { ...c, notes: '' })
  else {
    const { id, name: _kept, ...fields } = c
    updateRow(ctx, id, fields)
  }
}

export function updateCompany(ctx: ServiceContext, input: CompanyUpdate): Company {
  const { id, ...changes } = input
  const before = getRow(ctx, id)
  const merged = { ...before, ...definedOnly(changes) }
  // Churn rules span fields, so check the record as it will be, not just the changed fields.
  const check = CompanyRules.safeParse(merged)
  if (!check.success)
    throw new AppError(
      'VALIDATION',
      check.error.issues[0]?.message ?? 'Invalid company',
      check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    )
  // Only a new name is checked: libraries from before names were compared in every script may hold
  // "Ромашка" and "РОМАШКА" side by side, and each must stay editable.
  if (changes.name !== undefined && nameKey(changes.name) !== nameKey(before.name))
    assertUniqueName(ctx, changes.name)
  updateRow(ctx, id, changes)
  return getRow(ctx, id)
}

export function companyDeleteImpact(ctx: ServiceContext, id: string): DeleteImpact {
  const company = getRow(ctx, id)
  const counts = ctx.sqlite
    .prepare(
      `select (select count(*) from participants where company_id = ?) as participants,
              (select count(*) from interviews i join participants p on p.id = i.participant_id where p.company_id = ?) as interviews`,
    )
    .get(id, id) as { participants: number; interviews: number }
  // Participants and their interviews stay; they only lose the link to this company.
  return { name: company.name, participants: counts.participants, interviews: counts.interviews, notes: 0 }
}

export function deleteCompany(ctx: ServiceContext, id: string): { ok: true } {
  getRow(ctx, id)
  ctx.sqlite.prepare('delete from companies where id = ?').run(id)
  return { ok: true }
}

export function companySegmentShares(ctx: ServiceContext): SegmentShares {
  const rows = ctx.sqlite
    .prepare("select segment, mrr_minor as mrr, currency from companies where status = 'active'")
    .all() as { segment: 'A' | 'B' | 'C' | 'D' | null; mrr: number; currency: string }[]
  const shares = segmentMrrShares(rows)
  const counts = new Map<string, number>()
  for (const r of rows)
    counts.set(r.segment ?? 'unsegmented', (counts.get(r.segment ?? 'unsegmented') ?? 0) + 1)
  const order = ['A', 'B', 'C', 'D', 'unsegmented'] as const
  return {
    totalMrrMinor: shares.totalMrr,
    currencies: [...new Set(rows.map((r) => r.currency))].sort(),
    segments: order.map((segment) => ({
      segment,
      companies: counts.get(segment) ?? 0,
      mrrMinor: shares.bySegment[segment].mrr,
      sharePct: shares.bySegment[segment].sharePct ?? 0,
    })),
    abSharePct: shares.abSharePct ?? 0,
    expectedAbSharePct: shares.expectedAbSharePct,
  }
}
