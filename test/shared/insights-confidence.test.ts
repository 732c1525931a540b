import { describe, expect, it } from 'vitest'
import { computeConfidence, labelFor, type EvidenceItem } from '../../src/shared/insights/confidence'

const NOW = '2026-06-30T00:00:00.000Z'
let n = 0
const ev = (over: Partial<EvidenceItem>): EvidenceItem => ({
  highlightId: `h${++n}`,
  stance: 'for',
  companyId: null,
  participantId: null,
  segment: null,
  method: null,
  date: null,
  ...over,
})

describe('insight confidence', () => {
  it('is an assumption at 0 without supporting evidence, even with quotes against', () => {
    expect(computeConfidence([], NOW)).toEqual({
      score: 0,
      label: 'assumption',
      reasons: [{ kind: 'noEvidence' }],
    })
    const onlyAgainst = computeConfidence([ev({ stance: 'against', companyId: 'c1' })], NOW)
    expect(onlyAgainst.score).toBe(0)
    expect(onlyAgainst.label).toBe('assumption')
  })

  it('scores one quote from one company', () => {
    // companies 1 → 15; participants 1 × 5 = 5; segments {A} 5; methods {exit} 5;
    // 2026-06-10 is 20 days before NOW (≤ 90) → 10. 15 + 5 + 5 + 5 + 10 = 40 → medium (40 is not < 40).
    const c = computeConfidence(
      [ev({ companyId: 'c1', participantId: 'p1', segment: 'A', method: 'exit', date: '2026-06-10' })],
      NOW,
    )
    expect(c.score).toBe(40)
    expect(c.label).toBe('medium')
    expect(c.reasons).toEqual([
      { kind: 'companies', count: 1, points: 15 },
      { kind: 'participants', count: 1, points: 5 },
      { kind: 'segments', segments: ['A'], points: 5 },
      { kind: 'methods', methods: ['exit'], points: 5 },
      { kind: 'recency', newestAgeDays: 20, points: 10 },
    ])
  })

  it('gives diminishing returns and caps every part', () => {
    // 7 companies → capped at the 6+ entry 40; 7 participants × 5 = 35 → cap 15; segments A B C D → 20;
    // methods jtbd_switch exit journey survey = 4 × 5 = 20 → cap 15; newest 2026-01-01 is 180 days old
    // (Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 29 = 180; ≤ 365) → 5. 40 + 15 + 20 + 15 + 5 = 95 → high.
    const segs = ['A', 'B', 'C', 'D', 'A', 'B', 'C'] as const
    const methods = ['jtbd_switch', 'exit', 'journey', 'survey', 'exit', 'exit', 'exit']
    const items = segs.map((s, i) =>
      ev({ companyId: `c${i}`, participantId: `p${i}`, segment: s, method: methods[i], date: '2025-06-01' }),
    )
    items.push(ev({ companyId: 'c0', participantId: 'p0', date: '2026-01-01' }))
    const c = computeConfidence(items, NOW)
    expect(c.reasons.map((r) => ('points' in r ? r.points : null))).toEqual([40, 15, 20, 15, 5])
    expect(c.score).toBe(95)
    expect(c.label).toBe('high')
  })

  it('counts a company once however many quotes it gave, and stale or undated evidence earns no recency', () => {
    // 3 quotes, 1 company, 1 participant: 15 + 5; no segment 0; method discovery 5; 2024-01-01 is > 365 days → 0.
    // 15 + 5 + 0 + 5 + 0 = 25 → low.
    const items = [1, 2, 3].map(() =>
      ev({ companyId: 'c1', participantId: 'p1', method: 'discovery', date: '2024-01-01' }),
    )
    const c = computeConfidence(items, NOW)
    expect(c.score).toBe(25)
    expect(c.label).toBe('low')
    const undated = computeConfidence([ev({ companyId: 'c1' })], NOW)
    // 15 + 0 + 0 + 0 + 0 (no date: newestAgeDays null)
    expect(undated.score).toBe(15)
    expect(undated.reasons[4]).toEqual({ kind: 'recency', newestAgeDays: null, points: 0 })
  })

  it('takes contradicting evidence off in proportion to the backers on each side', () => {
    // For: companies c1 c2 c3 → 32; participants p1 p2 p3 → 15; segments A B → 10; methods exit → 5;
    // newest 2026-05-01 is 60 days old → 10. Base 32 + 15 + 10 + 5 + 10 = 72.
    // Against: company c4 (two quotes, one backer) and a quote with only participant p9 → 2 backers.
    // score = round(72 × 3 / (3 + 2)) = round(43.2) = 43, penalty 72 − 43 = 29 → medium.
    const items = [
      ev({ companyId: 'c1', participantId: 'p1', segment: 'A', method: 'exit', date: '2026-05-01' }),
      ev({ companyId: 'c2', participantId: 'p2', segment: 'B', method: 'exit', date: '2026-03-01' }),
      ev({ companyId: 'c3', participantId: 'p3', segment: 'B', method: 'exit', date: '2026-03-01' }),
      ev({ stance: 'against', companyId: 'c4', participantId: 'p4', segment: 'C', method: 'journey' }),
      ev({ stance: 'against', companyId: 'c4', participantId: 'p5' }),
      ev({ stance: 'against', participantId: 'p9' }),
    ]
    const c = computeConfidence(items, NOW)
    expect(c.score).toBe(43)
    expect(c.label).toBe('medium')
    expect(c.reasons.at(-1)).toEqual({ kind: 'contradiction', againstBackers: 2, forBackers: 3, penalty: 29 })
    // Against evidence never adds points: segment C and method journey are not counted.
    expect(c.reasons[2]).toEqual({ kind: 'segments', segments: ['A', 'B'], points: 10 })
  })

  it('labels at the thresholds', () => {
    expect([labelFor(39, true), labelFor(40, true), labelFor(69, true), labelFor(70, true)]).toEqual([
      'low',
      'medium',
      'medium',
      'high',
    ])
    expect(labelFor(0, false)).toBe('assumption')
  })
})
