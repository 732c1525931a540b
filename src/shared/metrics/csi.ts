import { assertIntegerInRange } from './util'

/**
 * CSI (Customer Satisfaction Index), domain brief 1.6.5. Aspects (drivers, 1.6.9) are rated 1–5.
 * The source gives no aggregation; derived rule: CSI = mean of aspect ratings, percent = mean / 5 × 100.
 * Aspects left unrated (null / undefined) are ignored, never counted as 0.
 */
export const CSI_MIN_RATING = 1
export const CSI_MAX_RATING = 5

/** Aspect key → rating 1–5, or null/undefined when the aspect was not rated. */
export type CsiRatings = Readonly<Record<string, number | null | undefined>>

export interface CsiResult {
  /** Mean rating, 1–5, unrounded. */
  value: number
  /** mean / 5 × 100, i.e. 20–100. */
  percent: number
  /** Number of ratings that went into the mean. */
  rated: number
}

export interface CsiDriverMean {
  mean: number
  n: number
}

function validRatings(ratings: CsiRatings): [string, number][] {
  const out: [string, number][] = []
  for (const [key, rating] of Object.entries(ratings)) {
    if (rating === null || rating === undefined) continue
    out.push([key, assertIntegerInRange(rating, CSI_MIN_RATING, CSI_MAX_RATING, `CSI rating for "${key}"`)])
  }
  return out
}

function fromSum(sum: number, rated: number): CsiResult | null {
  if (rated === 0) return null
  return { value: sum / rated, percent: (sum * 100) / (rated * CSI_MAX_RATING), rated }
}

/** CSI of one interview / respondent. Null when nothing was rated. */
export function computeCsi(ratings: CsiRatings): CsiResult | null {
  let sum = 0
  let rated = 0
  for (const [, rating] of validRatings(ratings)) {
    sum += rating
    rated++
  }
  return fromSum(sum, rated)
}

/** Pooled CSI over many interviews: the mean of every individual rating. Null when nothing was rated. */
export function computeCsiAcross(list: readonly CsiRatings[]): CsiResult | null {
  let sum = 0
  let rated = 0
  for (const ratings of list) {
    for (const [, rating] of validRatings(ratings)) {
      sum += rating
      rated++
    }
  }
  return fromSum(sum, rated)
}

/** Mean rating per aspect over many interviews. Aspects with no ratings at all are omitted. */
export function csiByDriver(list: readonly CsiRatings[]): Record<string, CsiDriverMean> {
  const totals = new Map<string, { sum: number; n: number }>()
  for (const ratings of list) {
    for (const [key, rating] of validRatings(ratings)) {
      const t = totals.get(key) ?? { sum: 0, n: 0 }
      t.sum += rating
      t.n++
      totals.set(key, t)
    }
  }
  // Object.fromEntries defines own properties, so keys such as "__proto__" are safe.
  return Object.fromEntries([...totals].map(([key, { sum, n }]) => [key, { mean: sum / n, n }]))
}
