import type { ChurnReasonRow, ChurnRollup } from './churn'

/** The Pareto view of a churn roll-up: which reasons account for most of the churned companies or lost MRR. */
export interface ParetoBar {
  tagId: string
  code: string | null
  name: string
  value: number
  share: number
  cumulativeShare: number
}

/**
 * Pareto bars: level 'reason' = one bar per tag that is some company's primary (mutually exclusive, so the
 * cumulative line ends at 100%); level 'category' = one bar per top-level tag. Sorted by value descending,
 * then code/name. Bars with value 0 are left out.
 */
export function pareto(
  rollup: ChurnRollup,
  by: 'companies' | 'lostMrr',
  level: 'reason' | 'category' = 'reason',
): ParetoBar[] {
  const primaries = new Set(rollup.companies.map((c) => c.primaryTagId).filter(Boolean))
  const rows = rollup.rows.filter((r) =>
    level === 'category' ? r.parentId === null : primaries.has(r.tagId),
  )
  const value = (r: ChurnReasonRow) => (by === 'companies' ? r.primaryCompanies : r.primaryLostMrr)
  // At reason level a bar counts only companies whose primary is exactly that tag (not its descendants).
  const own = (r: ChurnReasonRow) => {
    if (level === 'category') return value(r)
    const mine = rollup.companies.filter((c) => c.primaryTagId === r.tagId)
    return by === 'companies' ? mine.length : mine.reduce((s, c) => s + c.lostMrr, 0)
  }
  const bars = rows.map((r) => ({ r, v: own(r) })).filter((b) => b.v > 0)
  bars.sort(
    (a, b) =>
      b.v - a.v ||
      (a.r.code ?? '\uffff').localeCompare(b.r.code ?? '\uffff', 'en', { numeric: true }) ||
      a.r.name.localeCompare(b.r.name),
  )
  const total = bars.reduce((s, b) => s + b.v, 0)
  let cum = 0
  return bars.map(({ r, v }) => {
    cum += v
    return {
      tagId: r.tagId,
      code: r.code,
      name: r.name,
      value: v,
      share: total ? v / total : 0,
      cumulativeShare: total ? cum / total : 0,
    }
  })
}
