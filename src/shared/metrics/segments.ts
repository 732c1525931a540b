import { assertNonNegativeSafeInteger, percentOf } from './util'
import { SEGMENT_BUCKETS, type Segment, type SegmentBucket } from '../domain/common'

/**
 * Revenue share by ABCD segment, domain brief 1.3.1 / T9. The sources claim A + B bring 80% of revenue
 * (C + D 20%); the app shows this as a check ("does your base follow 80/20?"), not a rule.
 * MRR is in money minor units (integers, e.g. cents), so all sums stay exact integers.
 */
export type MetricSegment = Segment
export type { SegmentBucket }

export const EXPECTED_AB_SHARE_PCT = 80

export interface SegmentMrrInput {
  segment: MetricSegment | null
  mrr: number
}

export interface SegmentShare {
  /** Sum of MRR in minor units. */
  mrr: number
  /** Percent of total MRR; null when total MRR is 0. */
  sharePct: number | null
}

export interface SegmentMrrShares {
  bySegment: Record<SegmentBucket, SegmentShare>
  /** (A + B) / total MRR × 100, total including unsegmented; null when total MRR is 0. */
  abSharePct: number | null
  /** (C + D) / total MRR × 100; null when total MRR is 0. */
  cdSharePct: number | null
  expectedAbSharePct: typeof EXPECTED_AB_SHARE_PCT
  totalMrr: number
  /** MRR of companies with a segment (total minus unsegmented). */
  segmentedMrr: number
}

const BUCKETS: readonly SegmentBucket[] = SEGMENT_BUCKETS

/** Throws RangeError on an unknown segment, or MRR that is negative, fractional or overflows. */
export function segmentMrrShares(companies: readonly SegmentMrrInput[]): SegmentMrrShares {
  const sums: Record<SegmentBucket, number> = { A: 0, B: 0, C: 0, D: 0, unsegmented: 0 }
  for (const company of companies) {
    const mrr = assertNonNegativeSafeInteger(company.mrr, 'MRR')
    const segment: unknown = company.segment
    const bucket: SegmentBucket | undefined =
      segment === null || segment === undefined
        ? 'unsegmented'
        : segment === 'A' || segment === 'B' || segment === 'C' || segment === 'D'
          ? segment
          : undefined
    if (bucket === undefined) throw new RangeError(`Unknown segment: ${String(segment)}`)
    sums[bucket] += mrr
  }
  const totalMrr = BUCKETS.reduce((acc, b) => acc + sums[b], 0)
  if (!Number.isSafeInteger(totalMrr)) throw new RangeError('Total MRR is too large to sum exactly')
  const share = (part: number): number | null => (totalMrr === 0 ? null : percentOf(part, totalMrr))
  const bySegment = Object.fromEntries(
    BUCKETS.map((b) => [b, { mrr: sums[b], sharePct: share(sums[b]) }]),
  ) as Record<SegmentBucket, SegmentShare>
  return {
    bySegment,
    abSharePct: share(sums.A + sums.B),
    cdSharePct: share(sums.C + sums.D),
    expectedAbSharePct: EXPECTED_AB_SHARE_PCT,
    totalMrr,
    segmentedMrr: totalMrr - sums.unsegmented,
  }
}
