import { assertIntegerInRange } from './util'

/**
 * CES (Customer Effort Score), domain brief 1.6.3. 7-point agreement with "The company made it easy
 * for me to handle my issue": 1 = Strongly disagree … 7 = Strongly agree. Higher means less effort.
 * CES = sum of scores / number of respondents.
 */
export const CES_MIN_SCORE = 1
export const CES_MAX_SCORE = 7

export interface CesResult {
  respondents: number
  /** Arithmetic mean, 1–7, unrounded. */
  value: number
  sum: number
}

/** Null for no answers; throws RangeError on anything but an integer 1–7. */
export function computeCes(scores: readonly number[]): CesResult | null {
  let sum = 0
  for (const score of scores) sum += assertIntegerInRange(score, CES_MIN_SCORE, CES_MAX_SCORE, 'CES score')
  const respondents = scores.length
  if (respondents === 0) return null
  return { respondents, value: sum / respondents, sum }
}
