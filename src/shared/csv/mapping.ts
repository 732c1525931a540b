import { headerKey } from './parse'

/** Which CSV column feeds each field of an import: field → header text (null = not in the file). */
export type ColumnMapping = Record<string, string | null>

export const COMPANY_FIELDS = [
  'name',
  'segment',
  'plan',
  'mrr',
  'currency',
  'customer_since',
  'status',
  'churned_on',
  'churn_type',
] as const
export const SURVEY_FIELDS = ['date', 'company', 'reason', 'comment', 'mrr'] as const
export type ImportKind = 'companies' | 'churnSurvey'

export const IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  companies: COMPANY_FIELDS,
  churnSurvey: SURVEY_FIELDS,
}
export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  companies: ['name'],
  churnSurvey: ['date', 'company', 'reason'],
}

/** Header names other tools use for the same field (Chargebee, Baremetrics, Churnkey, Paddle, CRMs). */
const SYNONYMS: Record<string, string[]> = {
  name: [
    'name',
    'company',
    'company_name',
    'account',
    'account_name',
    'customer',
    'customer_name',
    'organization',
    'organisation',
  ],
  company: [
    'company',
    'company_name',
    'account',
    'account_name',
    'customer',
    'customer_name',
    'organization',
    'organisation',
    'name',
  ],
  segment: ['segment', 'abcd', 'abcd_segment', 'tier', 'customer_segment'],
  plan: ['plan', 'plan_name', 'subscription_plan', 'product', 'tariff'],
  mrr: [
    'mrr',
    'mrr_at_cancel',
    'monthly_revenue',
    'monthly_recurring_revenue',
    'lost_mrr',
    'amount',
    'revenue',
  ],
  currency: ['currency', 'currency_code'],
  customer_since: [
    'customer_since',
    'signup_date',
    'signed_up',
    'created',
    'created_at',
    'start_date',
    'subscription_start',
    'since',
  ],
  status: ['status', 'state', 'subscription_status'],
  churned_on: [
    'churned_on',
    'churn_date',
    'cancelled_at',
    'canceled_at',
    'cancellation_date',
    'ended_at',
    'end_date',
  ],
  churn_type: ['churn_type', 'cancellation_type', 'type'],
  date: [
    'date',
    'cancelled_at',
    'canceled_at',
    'cancellation_date',
    'churn_date',
    'responded_on',
    'created_at',
    'timestamp',
  ],
  reason: ['reason', 'cancel_reason', 'cancellation_reason', 'churn_reason', 'reason_code', 'primary_reason'],
  comment: [
    'comment',
    'comments',
    'feedback',
    'free_text',
    'details',
    'note',
    'notes',
    'additional_feedback',
  ],
}

/** Best guess of the mapping: exact field name first, then known synonyms; each header used once. */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey)
  const used = new Set<number>()
  const mapping: ColumnMapping = {}
  for (const field of IMPORT_FIELDS[kind]) {
    let found = -1
    for (const candidate of SYNONYMS[field] ?? [field]) {
      found = keys.findIndex((k, i) => k === candidate && !used.has(i))
      if (found >= 0) break
    }
    if (found >= 0) used.add(found)
    mapping[field] = found >= 0 ? (headers[found] ?? null) : null
  }
  return mapping
}

/** True when the headers are exactly the documented layout (any order, any case), so no mapping step is needed. */
export function isStandardLayout(kind: ImportKind, headers: readonly string[]): boolean {
  const keys = new Set(headers.map(headerKey))
  return (
    REQUIRED_FIELDS[kind].every((f) => keys.has(f)) &&
    headers.every((h) => IMPORT_FIELDS[kind].includes(headerKey(h)))
  )
}

/** Field → column index, from a mapping naming headers. Throws an Error naming the problem. */
export function resolveMapping(
  kind: ImportKind,
  headers: readonly string[],
  mapping: ColumnMapping,
): Record<string, number> {
  const out: Record<string, number> = {}
  for (const field of IMPORT_FIELDS[kind]) {
    const header = mapping[field]
    if (header === null || header === undefined || header === '') continue
    const index = headers.indexOf(header)
    if (index < 0) throw new Error(`The column "${header}" chosen for ${field} is not in the file.`)
    out[field] = index
  }
  const missing = REQUIRED_FIELDS[kind].filter((f) => out[f] === undefined)
  if (missing.length) throw new Error(`Choose a column for ${missing.join(', ')}.`)
  return out
}
