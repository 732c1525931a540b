/**
 * Global health score, domain brief 1.6.10: the arithmetic mean of an account's individual health
 * scores. A component the customer cannot use (feature not in their plan) is "not applicable" and is
 * passed as null. Counting it as 0 drags the mean down (T12: [80, 60, 0] → 46.67), so by default
 * N/A components are excluded ([80, 60, null] → 70). A real score of 0 is always counted.
 */
export const HEALTH_SCORE_MIN = 0
export const HEALTH_SCORE_MAX = 100

export interface GlobalHealthOptions {
  /** true (default): skip null components. false: count null as 0, the naive mean. */
  excludeNotApplicable?: boolean
}

/**
 * Mean of 0–100 component scores. Null when no component counts (empty list, or all N/A when
 * excluding them). Throws RangeError on a score outside 0–100 or non-finite.
 */
export function globalHealthScore(
  scores: readonly (number | null)[],
  options: GlobalHealthOptions = {},
): number | null {
  const exclude = options.excludeNotApplicable ?? true
  let sum = 0
  let n = 0
  for (const score of scores) {
    if (score === null || score === undefined) {
      if (!exclude) n++ // counts as 0
      continue
    }
    if (
      typeof score !== 'number' ||
      !Number.isFinite(score) ||
      score < HEALTH_SCORE_MIN ||
      score > HEALTH_SCORE_MAX
    ) {
      throw new RangeError(`Health score must be a number from 0 to 100, got ${String(score)}`)
    }
    sum += score
    n++
  }
  return n === 0 ? null : sum / n
}
