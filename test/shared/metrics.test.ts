import { describe, expect, it } from 'vitest'
import {
  churnRate,
  computeCes,
  computeClv,
  computeCsat,
  computeCsi,
  computeCsiAcross,
  computeNps,
  csiByDriver,
  daysBetween,
  globalHealthScore,
  isChurnRateHealthy,
  isEarlyChurn,
  isNrrOnTarget,
  npsCategory,
  npsFromCounts,
  revenueChurn,
  roundMetric,
  segmentMrrShares,
} from '../../src/shared/metrics'

/** Small seeded PRNG (mulberry32) so the property checks are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const randInt = (rand: () => number, min: number, max: number): number =>
  min + Math.floor(rand() * (max - min + 1))
const randArray = (rand: () => number, len: number, min: number, max: number): number[] =>
  Array.from({ length: len }, () => randInt(rand, min, max))

/** 'YYYY-MM-DD' for a UTC day number (days since 1970-01-01). */
const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10)

describe('roundMetric', () => {
  it('rounds half away from zero to 1 digit by default', () => {
    expect(roundMetric(46.666666666666664)).toBe(46.7)
    expect(roundMetric(0.05)).toBe(0.1)
    expect(roundMetric(-3.35)).toBe(-3.4)
    expect(roundMetric(25)).toBe(25)
  })
  it('supports other precisions and absorbs float noise', () => {
    expect(roundMetric(46.666666666666664, 2)).toBe(46.67)
    expect(roundMetric(1.005, 2)).toBe(1.01)
    expect(roundMetric(2.5, 0)).toBe(3)
    expect(roundMetric(-2.5, 0)).toBe(-3)
  })
  it('never returns -0', () => {
    expect(Object.is(roundMetric(-0.04), 0)).toBe(true)
  })
  it('rejects non-finite values and bad digits', () => {
    expect(() => roundMetric(Number.NaN)).toThrow(RangeError)
    expect(() => roundMetric(Infinity)).toThrow(RangeError)
    expect(() => roundMetric(1, -1)).toThrow(RangeError)
    expect(() => roundMetric(1, 1.5)).toThrow(RangeError)
  })
})

describe('NPS (1.6.1)', () => {
  it('T1: worked example from counts: 100/50/50 of 200 respondents → NPS 25', () => {
    const r = npsFromCounts({ promoters: 100, passives: 50, detractors: 50 })
    expect(r).toEqual({
      respondents: 200,
      promoters: 100,
      passives: 50,
      detractors: 50,
      promoterPct: 50,
      passivePct: 25,
      detractorPct: 25,
      nps: 25,
    })
  })

  it('T1 note: the denominator is the 200 respondents, not the 250 surveyed (25, not 20)', () => {
    const r = npsFromCounts({ promoters: 100, passives: 50, detractors: 50 })
    expect(r?.nps).toBe(25)
    expect(r?.nps).not.toBe((100 / 250) * 100 - (50 / 250) * 100) // 40 − 20 = 20, the wrong answer
    expect(r?.respondents).toBe(200)
  })

  it('T1 from raw scores gives the same result', () => {
    const scores = [
      ...randArray(mulberry32(1), 100, 9, 10),
      ...randArray(mulberry32(2), 50, 7, 8),
      ...randArray(mulberry32(3), 50, 0, 6),
    ]
    expect(computeNps(scores)).toEqual(npsFromCounts({ promoters: 100, passives: 50, detractors: 50 }))
  })

  it('T2: categories for every score 0…10', () => {
    const expected = [
      'detractor',
      'detractor',
      'detractor',
      'detractor',
      'detractor',
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]
    expect(Array.from({ length: 11 }, (_, s) => npsCategory(s))).toEqual(expected)
  })

  it('T2: the 6/7 and 8/9 edges', () => {
    expect(npsCategory(6)).toBe('detractor')
    expect(npsCategory(7)).toBe('passive')
    expect(npsCategory(8)).toBe('passive')
    expect(npsCategory(9)).toBe('promoter')
    expect(npsCategory(0)).toBe('detractor')
    expect(npsCategory(10)).toBe('promoter')
  })

  it('T3: range is +100 for all promoters and −100 for all detractors', () => {
    expect(computeNps([9, 10, 10, 9])?.nps).toBe(100)
    expect(computeNps([0, 3, 6, 6, 1])?.nps).toBe(-100)
    expect(computeNps([7, 8])?.nps).toBe(0)
    expect(npsFromCounts({ promoters: 5, passives: 0, detractors: 0 })?.nps).toBe(100)
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 5 })?.nps).toBe(-100)
  })

  it('returns null for no respondents', () => {
    expect(computeNps([])).toBeNull()
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 0 })).toBeNull()
  })

  it('rejects scores that are not integers 0–10', () => {
    for (const bad of [-1, 11, 7.5, Number.NaN, Infinity]) {
      expect(() => npsCategory(bad)).toThrow(RangeError)
      expect(() => computeNps([9, bad])).toThrow(RangeError)
    }
  })

  it('rejects negative or fractional counts', () => {
    expect(() => npsFromCounts({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError)
    expect(() => npsFromCounts({ promoters: 1.5, passives: 0, detractors: 0 })).toThrow(RangeError)
  })

  it('property: NPS within −100…100, shares sum to 100, nps = %P − %D', () => {
    const rand = mulberry32(42)
    for (let i = 0; i < 500; i++) {
      const scores = randArray(rand, randInt(rand, 1, 60), 0, 10)
      const r = computeNps(scores)
      expect(r).not.toBeNull()
      if (!r) continue
      expect(r.nps).toBeGreaterThanOrEqual(-100)
      expect(r.nps).toBeLessThanOrEqual(100)
      expect(r.promoters + r.passives + r.detractors).toBe(scores.length)
      expect(r.respondents).toBe(scores.length)
      expect(r.promoterPct + r.passivePct + r.detractorPct).toBeCloseTo(100, 9)
      expect(r.nps).toBeCloseTo(r.promoterPct - r.detractorPct, 9)
    }
  })
})

describe('CSAT (1.6.2)', () => {
  const T4 = [5, 5, 5, 4, 1, 3, 2, 4, 3, 3]

  it('T4: sum-ratio worked example → sum 35, max 50, CSAT 70%', () => {
    expect(computeCsat(T4)).toEqual({ respondents: 10, value: 70, method: 'sum_ratio', sum: 35, max: 50 })
    expect(computeCsat(T4, { method: 'sum_ratio', scaleMax: 5 })?.value).toBe(70)
  })

  it('T4 note: denominator is respondents × 5 (50), not the thirteen printed 5s (65)', () => {
    const r = computeCsat(T4)
    expect(r?.max).toBe(50)
    expect(r?.value).toBe(70)
    expect(r?.value).not.toBeCloseTo(53.85, 2) // 35/65, the literal misprint
  })

  it('T4 derived: top-2-box for the same data is 50%', () => {
    const r = computeCsat(T4, { method: 'top2box' })
    expect(r?.value).toBe(50)
    expect(r?.method).toBe('top2box')
    expect(r?.sum).toBe(35)
  })

  it('supports other scales', () => {
    expect(computeCsat([7, 7], { scaleMax: 7 })?.value).toBe(100)
    expect(computeCsat([6, 7, 5, 1], { scaleMax: 7, method: 'top2box' })?.value).toBe(50)
  })

  it('returns null for no ratings', () => {
    expect(computeCsat([])).toBeNull()
    expect(computeCsat([], { method: 'top2box' })).toBeNull()
  })

  it('rejects ratings outside 1..scaleMax and bad options', () => {
    for (const bad of [0, 6, 4.5, -1, Number.NaN]) expect(() => computeCsat([5, bad])).toThrow(RangeError)
    expect(() => computeCsat([6], { scaleMax: 5 })).toThrow(RangeError)
    expect(() => computeCsat([1], { scaleMax: 1 })).toThrow(RangeError)
    expect(() => computeCsat([1], { scaleMax: 4.5 })).toThrow(RangeError)
    expect(() => computeCsat([1], { method: 'mean' as unknown as 'top2box' })).toThrow(RangeError)
  })

  it('property: sum-ratio within 20…100 and top-2-box within 0…100 on a 5-point scale', () => {
    const rand = mulberry32(7)
    for (let i = 0; i < 300; i++) {
      const ratings = randArray(rand, randInt(rand, 1, 40), 1, 5)
      const s = computeCsat(ratings)
      const t = computeCsat(ratings, { method: 'top2box' })
      if (!s || !t) throw new Error('expected results')
      expect(s.value).toBeGreaterThanOrEqual(20)
      expect(s.value).toBeLessThanOrEqual(100)
      expect(s.max).toBe(ratings.length * 5)
      expect(t.value).toBeGreaterThanOrEqual(0)
      expect(t.value).toBeLessThanOrEqual(100)
      expect(t.value).toBeCloseTo((ratings.filter((x) => x >= 4).length / ratings.length) * 100, 9)
    }
  })
})

describe('CES (1.6.3)', () => {
  it('T5: worked example → sum 45, CES 4.5', () => {
    expect(computeCes([7, 4, 3, 2, 5, 6, 4, 1, 7, 6])).toEqual({ respondents: 10, value: 4.5, sum: 45 })
  })

  it('returns null for no answers', () => {
    expect(computeCes([])).toBeNull()
  })

  it('rejects scores outside integers 1–7', () => {
    for (const bad of [0, 8, 3.5, -2, Number.NaN]) expect(() => computeCes([4, bad])).toThrow(RangeError)
  })

  it('property: CES is the mean and stays within 1…7', () => {
    const rand = mulberry32(99)
    for (let i = 0; i < 300; i++) {
      const scores = randArray(rand, randInt(rand, 1, 30), 1, 7)
      const r = computeCes(scores)
      if (!r) throw new Error('expected a result')
      expect(r.value).toBeGreaterThanOrEqual(Math.min(...scores))
      expect(r.value).toBeLessThanOrEqual(Math.max(...scores))
      expect(r.value * r.respondents).toBeCloseTo(r.sum, 9)
    }
  })
})

describe('CSI (1.6.5)', () => {
  it('is the mean of rated aspects, ignoring unrated ones, with percent = mean/5 × 100', () => {
    const r = computeCsi({ support: 5, requirements: 4, easeOfUse: 3, setup: null, direction: undefined })
    expect(r).toEqual({ value: 4, percent: 80, rated: 3 })
  })

  it('returns null when nothing is rated', () => {
    expect(computeCsi({})).toBeNull()
    expect(computeCsi({ support: null, price: undefined })).toBeNull()
    expect(computeCsiAcross([])).toBeNull()
    expect(computeCsiAcross([{ a: null }, {}])).toBeNull()
  })

  it('rejects ratings outside integers 1–5', () => {
    for (const bad of [0, 6, 2.5, Number.NaN]) expect(() => computeCsi({ support: bad })).toThrow(RangeError)
    expect(() => computeCsiAcross([{ a: 3 }, { a: 9 }])).toThrow(RangeError)
    expect(() => csiByDriver([{ a: 0 }])).toThrow(RangeError)
  })

  it('pools every rating across interviews (not a mean of means)', () => {
    const list = [{ support: 5, price: 5 }, { support: 2 }, { support: null, price: 3 }]
    // ratings 5,5,2,3 → 15/4 = 3.75; a mean of per-interview means would be (5 + 2 + 3)/3 = 3.33
    expect(computeCsiAcross(list)).toEqual({ value: 3.75, percent: 75, rated: 4 })
  })

  it('gives per-driver means and counts, omitting drivers never rated', () => {
    const list = [
      { support: 5, price: 4, setup: null },
      { support: 2, price: undefined },
      { support: 4, price: 1, setup: null },
    ]
    const by = csiByDriver(list)
    expect(by).toEqual({ support: { mean: 11 / 3, n: 3 }, price: { mean: 2.5, n: 2 } })
    expect(by.support?.mean).toBeCloseTo(3.667, 3)
    expect('setup' in by).toBe(false)
    expect(csiByDriver([])).toEqual({})
  })
})

describe('CLV (1.6.4)', () => {
  it('T6: $200 × 12 purchases/year × 5 years → $12,000', () => {
    expect(computeClv({ averagePurchaseValue: 200, purchasesPerYear: 12, years: 5 })).toBe(12000)
  })

  it('works in minor units and with zero inputs', () => {
    expect(computeClv({ averagePurchaseValue: 20000, purchasesPerYear: 12, years: 5 })).toBe(1_200_000)
    expect(computeClv({ averagePurchaseValue: 200, purchasesPerYear: 0, years: 5 })).toBe(0)
  })

  it('rejects negative or non-finite inputs', () => {
    expect(() => computeClv({ averagePurchaseValue: -200, purchasesPerYear: 12, years: 5 })).toThrow(
      RangeError,
    )
    expect(() => computeClv({ averagePurchaseValue: 200, purchasesPerYear: -1, years: 5 })).toThrow(
      RangeError,
    )
    expect(() => computeClv({ averagePurchaseValue: 200, purchasesPerYear: 12, years: -5 })).toThrow(
      RangeError,
    )
    expect(() => computeClv({ averagePurchaseValue: Number.NaN, purchasesPerYear: 12, years: 5 })).toThrow(
      RangeError,
    )
    expect(() => computeClv({ averagePurchaseValue: 200, purchasesPerYear: Infinity, years: 5 })).toThrow(
      RangeError,
    )
  })
})

describe('Churn rate (1.6.7)', () => {
  it('T7: 100 lost of 1,000 at month start → 10%, above the healthy threshold', () => {
    const pct = churnRate({ customersAtStart: 1000, customersLost: 100 })
    expect(pct).toBe(10)
    expect(isChurnRateHealthy(pct)).toBe(false)
  })

  it('healthy means strictly below 5%', () => {
    expect(isChurnRateHealthy(4.99)).toBe(true)
    expect(isChurnRateHealthy(5)).toBe(false)
    expect(isChurnRateHealthy(0)).toBe(true)
    expect(() => isChurnRateHealthy(Number.NaN)).toThrow(RangeError)
    expect(() => isChurnRateHealthy(-1)).toThrow(RangeError)
  })

  it('handles the extremes', () => {
    expect(churnRate({ customersAtStart: 10, customersLost: 0 })).toBe(0)
    expect(churnRate({ customersAtStart: 10, customersLost: 10 })).toBe(100)
  })

  it('rejects start ≤ 0, negatives, fractions and lost > start', () => {
    expect(() => churnRate({ customersAtStart: 0, customersLost: 0 })).toThrow(RangeError)
    expect(() => churnRate({ customersAtStart: -10, customersLost: 1 })).toThrow(RangeError)
    expect(() => churnRate({ customersAtStart: 10, customersLost: -1 })).toThrow(RangeError)
    expect(() => churnRate({ customersAtStart: 10, customersLost: 11 })).toThrow(RangeError)
    expect(() => churnRate({ customersAtStart: 10.5, customersLost: 1 })).toThrow(RangeError)
  })

  it('property: churn rate within 0…100 and increasing in customers lost', () => {
    const rand = mulberry32(2024)
    for (let i = 0; i < 300; i++) {
      const start = randInt(rand, 1, 100_000)
      const lost = randInt(rand, 0, start)
      const pct = churnRate({ customersAtStart: start, customersLost: lost })
      expect(pct).toBeGreaterThanOrEqual(0)
      expect(pct).toBeLessThanOrEqual(100)
      if (lost < start)
        expect(churnRate({ customersAtStart: start, customersLost: lost + 1 })).toBeGreaterThan(pct)
    }
  })
})

describe('Early churn (1.4.2, T14)', () => {
  it('T14: boundary at 90 days (true) / 91 days (false)', () => {
    expect(isEarlyChurn('2024-01-01', '2024-03-31')).toBe(true) // 90 days (leap year: Jan 31 + Feb 29 + 30)
    expect(daysBetween('2024-01-01', '2024-03-31')).toBe(90)
    expect(isEarlyChurn('2024-01-01', '2024-04-01')).toBe(false) // 91 days
    expect(isEarlyChurn('2023-01-01', '2023-04-01')).toBe(true) // 90 days in a non-leap year
    expect(isEarlyChurn('2023-01-01', '2023-04-02')).toBe(false) // 91 days
  })

  it('counts same-day churn as early and crosses year ends correctly', () => {
    expect(isEarlyChurn('2024-05-10', '2024-05-10')).toBe(true)
    expect(daysBetween('2024-12-01', '2025-03-01')).toBe(90)
    expect(isEarlyChurn('2024-12-01', '2025-03-01')).toBe(true)
    expect(isEarlyChurn('2024-12-01', '2025-03-02')).toBe(false)
  })

  it('is unaffected by DST transitions (dates are UTC calendar days)', () => {
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2)
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2)
  })

  it('rejects malformed dates, impossible dates and churn before signup', () => {
    expect(() => isEarlyChurn('2024-1-01', '2024-02-01')).toThrow(RangeError)
    expect(() => isEarlyChurn('2024-01-01T00:00:00Z', '2024-02-01')).toThrow(RangeError)
    expect(() => isEarlyChurn('2023-02-29', '2023-03-01')).toThrow(RangeError)
    expect(() => isEarlyChurn('2024-01-01', '2024-13-01')).toThrow(RangeError)
    expect(() => isEarlyChurn('2024-02-01', '2024-01-31')).toThrow(RangeError)
  })

  it('property: early iff the day gap is ≤ 90, for random dates', () => {
    const rand = mulberry32(314)
    for (let i = 0; i < 500; i++) {
      const since = randInt(rand, 0, 25_000) // 1970 … 2038
      const gap = randInt(rand, 0, 400)
      expect(daysBetween(isoDay(since), isoDay(since + gap))).toBe(gap)
      expect(isEarlyChurn(isoDay(since), isoDay(since + gap))).toBe(gap <= 90)
    }
  })
})

describe('Revenue churn and NRR (1.6.8, T11)', () => {
  it('T11: start 10,000, churned 500, downgrades 200, expansion 1,000', () => {
    const r = revenueChurn({ startMrr: 10_000, churnedMrr: 500, downgradeMrr: 200, expansionMrr: 1_000 })
    expect(r).toEqual({ grossRevenueChurnPct: 7, netRevenueChurnPct: -3, nrrPct: 103, negativeChurn: true })
    expect(isNrrOnTarget(r.nrrPct)).toBe(true)
  })

  it('no negative churn when expansion does not exceed losses', () => {
    const r = revenueChurn({ startMrr: 10_000, churnedMrr: 500, downgradeMrr: 200, expansionMrr: 700 })
    expect(r).toEqual({ grossRevenueChurnPct: 7, netRevenueChurnPct: 0, nrrPct: 100, negativeChurn: false })
    expect(isNrrOnTarget(r.nrrPct)).toBe(false)
  })

  it('rejects start ≤ 0, negatives, fractions and losses above starting MRR', () => {
    const ok = { startMrr: 10_000, churnedMrr: 500, downgradeMrr: 200, expansionMrr: 1_000 }
    expect(() => revenueChurn({ ...ok, startMrr: 0 })).toThrow(RangeError)
    expect(() => revenueChurn({ ...ok, churnedMrr: -1 })).toThrow(RangeError)
    expect(() => revenueChurn({ ...ok, downgradeMrr: 0.5 })).toThrow(RangeError)
    expect(() => revenueChurn({ ...ok, expansionMrr: -5 })).toThrow(RangeError)
    expect(() => revenueChurn({ ...ok, churnedMrr: 9_900, downgradeMrr: 200 })).toThrow(RangeError)
    expect(() => isNrrOnTarget(Number.NaN)).toThrow(RangeError)
  })

  it('property: NRR = 100 − net churn, gross within 0…100, negativeChurn iff NRR > 100', () => {
    const rand = mulberry32(11)
    for (let i = 0; i < 300; i++) {
      const startMrr = randInt(rand, 1, 10_000_000)
      const churnedMrr = randInt(rand, 0, startMrr)
      const downgradeMrr = randInt(rand, 0, startMrr - churnedMrr)
      const expansionMrr = randInt(rand, 0, startMrr)
      const r = revenueChurn({ startMrr, churnedMrr, downgradeMrr, expansionMrr })
      expect(r.nrrPct).toBeCloseTo(100 - r.netRevenueChurnPct, 9)
      expect(r.grossRevenueChurnPct).toBeGreaterThanOrEqual(0)
      expect(r.grossRevenueChurnPct).toBeLessThanOrEqual(100)
      expect(r.negativeChurn).toBe(r.nrrPct > 100)
      expect(r.negativeChurn).toBe(isNrrOnTarget(r.nrrPct))
    }
  })
})

describe('Global health score (1.6.10, T12)', () => {
  it('T12: naive mean with the N/A feature scored 0 → 46.67', () => {
    expect(globalHealthScore([80, 60, 0])).toBeCloseTo(46.67, 2)
    expect(roundMetric(globalHealthScore([80, 60, 0]) ?? Number.NaN, 2)).toBe(46.67)
    expect(globalHealthScore([80, 60, null], { excludeNotApplicable: false })).toBeCloseTo(46.67, 2)
  })

  it('T12: segment-aware mean with the N/A feature passed as null → 70', () => {
    expect(globalHealthScore([80, 60, null], { excludeNotApplicable: true })).toBe(70)
    expect(globalHealthScore([80, 60, null])).toBe(70) // excluding N/A is the default
  })

  it('a real score of 0 always counts', () => {
    expect(globalHealthScore([80, 60, 0], { excludeNotApplicable: true })).toBeCloseTo(46.67, 2)
  })

  it('returns null when nothing counts', () => {
    expect(globalHealthScore([])).toBeNull()
    expect(globalHealthScore([null, null])).toBeNull()
    expect(globalHealthScore([null, null], { excludeNotApplicable: false })).toBe(0)
  })

  it('rejects scores outside 0–100', () => {
    for (const bad of [-1, 101, Number.NaN, Infinity])
      expect(() => globalHealthScore([50, bad])).toThrow(RangeError)
  })

  it('property: the mean lies between the smallest and largest applicable score', () => {
    const rand = mulberry32(5)
    for (let i = 0; i < 300; i++) {
      const scores: (number | null)[] = Array.from({ length: randInt(rand, 1, 10) }, () =>
        rand() < 0.25 ? null : randInt(rand, 0, 100),
      )
      const applicable = scores.filter((s): s is number => s !== null)
      const mean = globalHealthScore(scores)
      const naive = globalHealthScore(scores, { excludeNotApplicable: false })
      if (applicable.length === 0) {
        expect(mean).toBeNull()
        continue
      }
      if (mean === null || naive === null) throw new Error('expected results')
      expect(mean).toBeGreaterThanOrEqual(Math.min(...applicable) - 1e-9)
      expect(mean).toBeLessThanOrEqual(Math.max(...applicable) + 1e-9)
      expect(naive).toBeLessThanOrEqual(mean + 1e-9) // counting N/A as 0 can only drag the mean down
    }
  })
})

describe('ABCD revenue shares (1.3.1, T9)', () => {
  it('T9: a base that follows 80/20', () => {
    const r = segmentMrrShares([
      { segment: 'A', mrr: 500_000 },
      { segment: 'B', mrr: 200_000 },
      { segment: 'B', mrr: 100_000 },
      { segment: 'C', mrr: 150_000 },
      { segment: 'D', mrr: 0 },
      { segment: 'C', mrr: 50_000 },
    ])
    expect(r.totalMrr).toBe(1_000_000)
    expect(r.abSharePct).toBe(80)
    expect(r.cdSharePct).toBe(20)
    expect(r.expectedAbSharePct).toBe(80)
    expect(r.bySegment).toEqual({
      A: { mrr: 500_000, sharePct: 50 },
      B: { mrr: 300_000, sharePct: 30 },
      C: { mrr: 200_000, sharePct: 20 },
      D: { mrr: 0, sharePct: 0 },
      unsegmented: { mrr: 0, sharePct: 0 },
    })
  })

  it('keeps unsegmented revenue in the total and reports it separately', () => {
    const r = segmentMrrShares([
      { segment: 'A', mrr: 600 },
      { segment: null, mrr: 400 },
    ])
    expect(r.totalMrr).toBe(1000)
    expect(r.segmentedMrr).toBe(600)
    expect(r.abSharePct).toBe(60)
    expect(r.bySegment.unsegmented).toEqual({ mrr: 400, sharePct: 40 })
  })

  it('gives null shares when there is no revenue', () => {
    const r = segmentMrrShares([])
    expect(r.totalMrr).toBe(0)
    expect(r.abSharePct).toBeNull()
    expect(r.bySegment.A).toEqual({ mrr: 0, sharePct: null })
  })

  it('rejects negative or fractional MRR and unknown segments', () => {
    expect(() => segmentMrrShares([{ segment: 'A', mrr: -1 }])).toThrow(RangeError)
    expect(() => segmentMrrShares([{ segment: 'A', mrr: 12.5 }])).toThrow(RangeError)
    expect(() => segmentMrrShares([{ segment: 'E' as unknown as 'A', mrr: 1 }])).toThrow(RangeError)
  })

  it('property: integer sums, shares add up to 100', () => {
    const rand = mulberry32(80)
    const segs = ['A', 'B', 'C', 'D', null] as const
    for (let i = 0; i < 200; i++) {
      const companies = Array.from({ length: randInt(rand, 1, 30) }, () => ({
        segment: segs[randInt(rand, 0, 4)] ?? null,
        mrr: randInt(rand, 1, 5_000_000),
      }))
      const r = segmentMrrShares(companies)
      expect(Number.isSafeInteger(r.totalMrr)).toBe(true)
      expect(r.totalMrr).toBe(companies.reduce((a, c) => a + c.mrr, 0))
      const shares = Object.values(r.bySegment).map((s) => s.sharePct ?? Number.NaN)
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9)
      expect((r.abSharePct ?? 0) + (r.cdSharePct ?? 0) + (r.bySegment.unsegmented.sharePct ?? 0)).toBeCloseTo(
        100,
        9,
      )
    }
  })
})
