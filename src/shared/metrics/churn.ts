import { assertNonNegativeSafeInteger, percentOf } from './util'

/**
 * Churn metrics: customer churn rate (1.6.7), early churn (1.4.2), revenue churn / NRR (1.6.8).
 */

/** A churn rate below this percent is generally "healthy" (industry-dependent), [001-D]. */
export const HEALTHY_CHURN_RATE_PCT = 5
/** Most SaaS churn happens within this many days of signup, [001-A]. */
export const EARLY_CHURN_WINDOW_DAYS = 90
/** NRR target: above this percent, [002]. */
export const NRR_TARGET_PCT = 100

export interface ChurnRateInput {
  customersAtStart: number
  customersLost: number
}

/**
 * Customer churn rate % = customers lost during the period / customers at the start × 100.
 * Throws RangeError when start ≤ 0, a count is negative or fractional, or lost > start.
 */
export function churnRate(input: ChurnRateInput): number {
  const start = assertNonNegativeSafeInteger(input.customersAtStart, 'Customers at start')
  const lost = assertNonNegativeSafeInteger(input.customersLost, 'Customers lost')
  if (start === 0) throw new RangeError('Customers at start must be greater than 0')
  if (lost > start) {
    throw new RangeError(`Customers lost (${lost}) cannot exceed customers at start (${start})`)
  }
  return percentOf(lost, start)
}

/** True when the churn rate percent is below the 5% "healthy" threshold. */
export function isChurnRateHealthy(pct: number): boolean {
  if (!Number.isFinite(pct) || pct < 0)
    throw new RangeError(`Churn rate must be a finite percent ≥ 0, got ${pct}`)
  return pct < HEALTHY_CHURN_RATE_PCT
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01 for a calendar date 'YYYY-MM-DD' (UTC, no time zone). Throws on a non-date. */
function dayNumber(date: string, what: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null
  if (!m) throw new RangeError(`${what} must be a date in the form YYYY-MM-DD, got ${String(date)}`)
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day) // setUTCFullYear, unlike Date.UTC, keeps years 0–99 literal
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`${what} is not a real calendar date: ${date}`)
  }
  return Math.round(d.getTime() / MS_PER_DAY)
}

/** Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to, 'End date') - dayNumber(from, 'Start date')
}

/**
 * True when the customer churned within 90 days of becoming a customer (churnedOn − customerSince ≤ 90
 * days; 90 → true, 91 → false). Throws RangeError on malformed dates or churnedOn before customerSince.
 */
export function isEarlyChurn(customerSince: string, churnedOn: string): boolean {
  const days = dayNumber(churnedOn, 'Churn date') - dayNumber(customerSince, 'Customer-since date')
  if (days < 0) throw new RangeError(`Churn date ${churnedOn} is before customer-since date ${customerSince}`)
  return days <= EARLY_CHURN_WINDOW_DAYS
}

/** MRR movements over one period, in money minor units (integers, e.g. cents). */
export interface RevenueChurnInput {
  /** MRR at the start of the period; must be > 0. */
  startMrr: number
  /** MRR lost to cancellations. */
  churnedMrr: number
  /** MRR lost to downgrades of remaining customers. */
  downgradeMrr: number
  /** MRR gained from upgrades, upsell and cross-sell of existing customers. */
  expansionMrr: number
}

export interface RevenueChurnResult {
  /** (churned + downgrades) / start × 100. */
  grossRevenueChurnPct: number
  /** (churned + downgrades − expansion) / start × 100; negative means negative churn. */
  netRevenueChurnPct: number
  /** (start + expansion − downgrades − churned) / start × 100; target > 100. */
  nrrPct: number
  /** Expansion exceeds revenue lost (net revenue churn < 0, equivalently NRR > 100). */
  negativeChurn: boolean
}

/**
 * Revenue churn, net revenue churn and NRR (standard formulas, not in the sources).
 * Throws RangeError on negative or fractional amounts, start ≤ 0, or churned + downgrades > start.
 */
export function revenueChurn(input: RevenueChurnInput): RevenueChurnResult {
  const start = assertNonNegativeSafeInteger(input.startMrr, 'Starting MRR')
  const churned = assertNonNegativeSafeInteger(input.churnedMrr, 'Churned MRR')
  const downgrade = assertNonNegativeSafeInteger(input.downgradeMrr, 'Downgrade MRR')
  const expansion = assertNonNegativeSafeInteger(input.expansionMrr, 'Expansion MRR')
  if (start === 0) throw new RangeError('Starting MRR must be greater than 0')
  const lost = churned + downgrade
  if (lost > start) {
    throw new RangeError(`Churned plus downgrade MRR (${lost}) cannot exceed starting MRR (${start})`)
  }
  const netLost = lost - expansion
  return {
    grossRevenueChurnPct: percentOf(lost, start),
    netRevenueChurnPct: percentOf(netLost, start),
    nrrPct: percentOf(start - netLost, start),
    negativeChurn: netLost < 0,
  }
}

/** NRR pass/fail against the > 100% target (T11). */
export function isNrrOnTarget(nrrPct: number): boolean {
  if (!Number.isFinite(nrrPct)) throw new RangeError(`NRR must be a finite percent, got ${nrrPct}`)
  return nrrPct > NRR_TARGET_PCT
}
