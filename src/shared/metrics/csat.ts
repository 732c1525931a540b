import { assertIntegerInRange, percentOf } from './util'

/**
 * CSAT (Customer Satisfaction Score), domain brief 1.6.2.
 * - `sum_ratio` (the source's formula, default): sum of ratings / (respondents × scaleMax) × 100.
 *   Only respondents count: the denominator is never the number surveyed (T4: 35/50 = 70%, not 35/65).
 * - `top2box` [not in sources]: share of ratings ≥ scaleMax − 1 (4 or 5 on a 5-point scale).
 */
export type CsatMethod = 'sum_ratio' | 'top2box'

export const CSAT_METHODS: readonly CsatMethod[] = ['sum_ratio', 'top2box']

export interface CsatOptions {
  method?: CsatMethod
  /** Highest point of the scale; ratings run 1..scaleMax. Default 5. */
  scaleMax?: number
}

export interface CsatResult {
  respondents: number
  /** CSAT in percent, 0–100, unrounded. */
  value: number
  method: CsatMethod
  /** Sum of all ratings. */
  sum: number
  /** Maximum possible sum: respondents × scaleMax. */
  max: number
}

/** Null for no ratings; throws RangeError on a rating outside 1..scaleMax or a bad option. */
export function computeCsat(ratings: readonly number[], options: CsatOptions = {}): CsatResult | null {
  const method = options.method ?? 'sum_ratio'
  if (!CSAT_METHODS.includes(method)) throw new RangeError(`Unknown CSAT method: ${String(method)}`)
  const scaleMax = assertIntegerInRange(options.scaleMax ?? 5, 2, 100, 'CSAT scale maximum')

  let sum = 0
  let topBox = 0
  for (const rating of ratings) {
    assertIntegerInRange(rating, 1, scaleMax, 'CSAT rating')
    sum += rating
    if (rating >= scaleMax - 1) topBox++
  }
  const respondents = ratings.length
  if (respondents === 0) return null
  const max = respondents * scaleMax
  const value = method === 'sum_ratio' ? percentOf(sum, max) : percentOf(topBox, respondents)
  return { respondents, value, method, sum, max }
}
