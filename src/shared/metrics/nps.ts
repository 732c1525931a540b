import { assertIntegerInRange, assertNonNegativeSafeInteger, percentOf } from './util'

/**
 * NPS (Net Promoter Score), domain brief 1.6.1. Labelled in the UI as "Recommendation index (NPS)".
 * Scale 0–10: promoters 9–10, passives 7–8, detractors 0–6.
 * NPS = %promoters − %detractors, percentages of **respondents** (not of everyone surveyed).
 */
export type NpsCategory = 'promoter' | 'passive' | 'detractor'

export interface NpsCounts {
  promoters: number
  passives: number
  detractors: number
}

export interface NpsResult {
  respondents: number
  promoters: number
  passives: number
  detractors: number
  /** Percent of respondents, 0–100. */
  promoterPct: number
  passivePct: number
  detractorPct: number
  /** %promoters − %detractors, −100 … +100, unrounded. */
  nps: number
}

export const NPS_MIN_SCORE = 0
export const NPS_MAX_SCORE = 10

/** Category of one 0–10 answer. Throws RangeError for anything but an integer 0–10. */
export function npsCategory(score: number): NpsCategory {
  assertIntegerInRange(score, NPS_MIN_SCORE, NPS_MAX_SCORE, 'NPS score')
  if (score >= 9) return 'promoter'
  if (score >= 7) return 'passive'
  return 'detractor'
}

/** NPS from already-bucketed counts (e.g. the worked example, T1). Null when there are no respondents. */
export function npsFromCounts(counts: NpsCounts): NpsResult | null {
  const promoters = assertNonNegativeSafeInteger(counts.promoters, 'Promoter count')
  const passives = assertNonNegativeSafeInteger(counts.passives, 'Passive count')
  const detractors = assertNonNegativeSafeInteger(counts.detractors, 'Detractor count')
  const respondents = promoters + passives + detractors
  if (respondents === 0) return null
  return {
    respondents,
    promoters,
    passives,
    detractors,
    promoterPct: percentOf(promoters, respondents),
    passivePct: percentOf(passives, respondents),
    detractorPct: percentOf(detractors, respondents),
    // Same value as promoterPct − detractorPct, computed in one step so it stays exactly within ±100.
    nps: percentOf(promoters - detractors, respondents),
  }
}

/** NPS from raw 0–10 answers. Null for no answers; throws RangeError on any invalid score. */
export function computeNps(scores: readonly number[]): NpsResult | null {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 }
  for (const score of scores) {
    switch (npsCategory(score)) {
      case 'promoter':
        counts.promoters++
        break
      case 'passive':
        counts.passives++
        break
      case 'detractor':
        counts.detractors++
        break
    }
  }
  return npsFromCounts(counts)
}
