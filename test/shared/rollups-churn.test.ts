import { describe, expect, it } from 'vitest'
import {
  churnRollup,
  companyReasons,
  rowForJson,
  type ChurnRollupInput,
  type ChurnedCompany,
} from '../../src/shared/rollups/churn'
import { pareto } from '../../src/shared/rollups/churn-pareto'

/**
 * Hand-computed fixture. Tree: PRC > (PRC-01, PRC-02), SUP > SUP-01.
 * c1 A 1000, 2025-01-01 → 2025-04-01 (90 days: early), voluntary; quotes PRC-01 ×3, SUP-01 ×1 → primary PRC-01 (evidence)
 * c2 B 2000, 2025-01-01 → 2025-04-02 (91 days: later), involuntary; survey PRC-01 (2025-03-01, mrr 9999) then
 *    PRC-02 (2025-04-02, mrr 2500) → primary PRC-02 (latest), lost 2500; quote SUP-01 → secondary
 * c3 A 500, no dates; interview primary SUP-01; quotes PRC-01 ×5 → primary SUP-01 (explicit beats evidence)
 * c4 unsegmented 300, nothing coded → uncoded
 * c5 C 700, 2024-01-01 → 2025-05-15 (later); quotes PRC-02 ×1, PRC-01 ×1 → tie → PRC-01 (lower code)
 * Coded companies 4, coded lost MRR 1000 + 2500 + 500 + 700 = 4700; all lost 5000.
 */
const tags = [
  { id: 't-prc', parentId: null, name: 'Price', code: 'PRC', position: 1, prevention: 'Review pricing' },
  { id: 't-prc1', parentId: 't-prc', name: 'Too expensive', code: 'PRC-01', position: 0 },
  { id: 't-prc2', parentId: 't-prc', name: 'Budget cut', code: 'PRC-02', position: 1 },
  { id: 't-sup', parentId: null, name: 'Support', code: 'SUP', position: 2 },
  { id: 't-sup1', parentId: 't-sup', name: 'Poor support', code: 'SUP-01', position: 0 },
]
const co = (
  id: string,
  segment: ChurnedCompany['segment'],
  mrrMinor: number,
  customerSince: string | null,
  churnedOn: string | null,
  churnType: ChurnedCompany['churnType'],
): ChurnedCompany => ({
  id,
  segment,
  mrrMinor,
  customerSince,
  churnedOn,
  churnType,
})
const hl = (companyId: string, tagId: string, highlights: number) => [{ companyId, tagId, highlights }]

const input: ChurnRollupInput = {
  tags,
  companies: [
    co('c1', 'A', 1000, '2025-01-01', '2025-04-01', 'voluntary'),
    co('c2', 'B', 2000, '2025-01-01', '2025-04-02', 'involuntary'),
    co('c3', 'A', 500, null, null, null),
    co('c4', null, 300, null, '2025-04-20', null),
    co('c5', 'C', 700, '2024-01-01', '2025-05-15', null),
  ],
  explicit: [
    { companyId: 'c2', tagId: 't-prc1', date: '2025-03-01', source: 'survey' },
    { companyId: 'c2', tagId: 't-prc2', date: '2025-04-02', source: 'survey' },
    { companyId: 'c3', tagId: 't-sup1', date: '2025-02-01T10:00:00.000Z', source: 'interview' },
  ],
  highlights: [
    ...hl('c1', 't-prc1', 3),
    ...hl('c1', 't-sup1', 1),
    // counts may arrive split (e.g. notes and survey comments): they add up
    { companyId: 'c3', tagId: 't-prc1', highlights: 0 },
    ...hl('c2', 't-sup1', 1),
    ...hl('c3', 't-prc1', 5),
    ...hl('c5', 't-prc2', 1),
    ...hl('c5', 't-prc1', 1),
    // evidence on a tag outside the churn tree is ignored
    { companyId: 'c4', tagId: 'not-a-reason', highlights: 9 },
  ],
  surveyMrr: [
    { companyId: 'c2', date: '2025-03-01', mrrMinor: 9999 },
    { companyId: 'c2', date: '2025-04-02', mrrMinor: 2500 },
  ],
}

const row = (code: string) => {
  const r = churnRollup(input).rows.find((x) => x.code === code)
  if (!r) throw new Error(`no row ${code}`)
  return r
}

describe('churn roll-up against the hand-computed fixture', () => {
  it('chooses each company’s primary: explicit (latest) over evidence, evidence ties by code', () => {
    const reasons = Object.fromEntries(companyReasons(input).map((r) => [r.companyId, r]))
    expect(reasons['c1']).toMatchObject({
      primaryTagId: 't-prc1',
      primarySource: 'evidence',
      secondaryTagIds: ['t-sup1'],
      lostMrr: 1000,
    })
    expect(reasons['c2']).toMatchObject({
      primaryTagId: 't-prc2',
      primarySource: 'survey',
      secondaryTagIds: ['t-prc1', 't-sup1'],
      lostMrr: 2500,
    })
    expect(reasons['c3']).toMatchObject({
      primaryTagId: 't-sup1',
      primarySource: 'interview',
      secondaryTagIds: ['t-prc1'],
      lostMrr: 500,
    })
    expect(reasons['c4']).toMatchObject({
      primaryTagId: null,
      primarySource: null,
      secondaryTagIds: [],
      lostMrr: 300,
    })
    expect(reasons['c5']).toMatchObject({
      primaryTagId: 't-prc1',
      primarySource: 'evidence',
      secondaryTagIds: ['t-prc2'],
    })
  })

  it('totals: coded vs uncoded companies and lost MRR', () => {
    expect(churnRollup(input).totals).toEqual({
      churnedCompanies: 5,
      codedCompanies: 4,
      uncodedCompanies: 1,
      lostMrr: 5000,
      codedLostMrr: 4700,
    })
  })

  it('reasons: companies once however many quotes, MRR-weighted, shares of coded companies', () => {
    expect(rowForJson(row('PRC-01'))).toEqual({
      code: 'PRC-01',
      name: 'Too expensive',
      parent: 'PRC',
      primary_companies: 2,
      primary_lost_mrr: 1700,
      mentioned_companies: 4,
      share_of_churned: 0.5,
      share_of_lost_mrr: 1700 / 4700,
    })
    expect(rowForJson(row('PRC-02'))).toMatchObject({
      primary_companies: 1,
      primary_lost_mrr: 2500,
      mentioned_companies: 2,
      share_of_churned: 0.25,
      share_of_lost_mrr: 2500 / 4700,
    })
    expect(rowForJson(row('SUP-01'))).toMatchObject({
      primary_companies: 1,
      primary_lost_mrr: 500,
      mentioned_companies: 3,
      share_of_churned: 0.25,
    })
  })

  it('categories roll up their children, a company once per node', () => {
    expect(rowForJson(row('PRC'))).toEqual({
      code: 'PRC',
      name: 'Price',
      parent: null,
      primary_companies: 3,
      primary_lost_mrr: 4200,
      mentioned_companies: 4,
      share_of_churned: 0.75,
      share_of_lost_mrr: 4200 / 4700,
    })
    expect(row('PRC').prevention).toBe('Review pricing')
    expect(rowForJson(row('SUP'))).toMatchObject({
      primary_companies: 1,
      primary_lost_mrr: 500,
      mentioned_companies: 3,
    })
    // rows come in tree order, categories first then their reasons
    expect(churnRollup(input).rows.map((r) => r.code)).toEqual(['PRC', 'PRC-01', 'PRC-02', 'SUP', 'SUP-01'])
  })

  it('splits by segment, tenure (90 days early, 91 later), churn type and month', () => {
    const prc = row('PRC')
    expect(prc.bySegment).toEqual({
      A: { companies: 1, lostMrr: 1000 },
      B: { companies: 1, lostMrr: 2500 },
      C: { companies: 1, lostMrr: 700 },
      D: { companies: 0, lostMrr: 0 },
      unsegmented: { companies: 0, lostMrr: 0 },
    })
    expect(prc.byTenure).toEqual({
      early: { companies: 1, lostMrr: 1000 },
      later: { companies: 2, lostMrr: 3200 },
      unknown: { companies: 0, lostMrr: 0 },
    })
    expect(row('PRC-01').byTenure.early.companies).toBe(1) // c1: exactly 90 days
    expect(row('PRC-02').byTenure.later.companies).toBe(1) // c2: 91 days
    expect(prc.byType).toEqual({
      voluntary: { companies: 1, lostMrr: 1000 },
      involuntary: { companies: 1, lostMrr: 2500 },
      unknown: { companies: 1, lostMrr: 700 },
    })
    expect(prc.byPeriod).toEqual({
      '2025-04': { companies: 2, lostMrr: 3500 },
      '2025-05': { companies: 1, lostMrr: 700 },
    })
    expect(row('SUP-01').byTenure.unknown).toEqual({ companies: 1, lostMrr: 500 })
  })

  it('Pareto by companies and by lost MRR, cumulative share ending at 1', () => {
    const r = churnRollup(input)
    expect(pareto(r, 'companies').map((b) => [b.code, b.value, b.cumulativeShare])).toEqual([
      ['PRC-01', 2, 0.5],
      ['PRC-02', 1, 0.75],
      ['SUP-01', 1, 1],
    ])
    expect(pareto(r, 'lostMrr').map((b) => [b.code, b.value])).toEqual([
      ['PRC-02', 2500],
      ['PRC-01', 1700],
      ['SUP-01', 500],
    ])
    expect(pareto(r, 'lostMrr').at(-1)?.cumulativeShare).toBe(1)
    expect(pareto(r, 'companies', 'category').map((b) => [b.code, b.value])).toEqual([
      ['PRC', 3],
      ['SUP', 1],
    ])
  })

  it('a company coded at category level counts for the category, not for its reasons', () => {
    const r = churnRollup({
      ...input,
      companies: [co('x', 'D', 100, null, null, null)],
      explicit: [{ companyId: 'x', tagId: 't-prc', date: '2025-01-01', source: 'interview' }],
      highlights: [],
      surveyMrr: [],
    })
    const prc = r.rows.find((x) => x.code === 'PRC')!
    expect([prc.primaryCompanies, prc.shareOfChurned]).toEqual([1, 1])
    expect(r.rows.find((x) => x.code === 'PRC-01')!.primaryCompanies).toBe(0)
    expect(pareto(r, 'companies').map((b) => b.code)).toEqual(['PRC'])
  })

  it('no churned companies: zero counts and zero shares, never NaN', () => {
    const r = churnRollup({ ...input, companies: [], explicit: [], highlights: [], surveyMrr: [] })
    expect(
      r.rows.every((x) => x.shareOfChurned === 0 && x.shareOfLostMrr === 0 && x.primaryCompanies === 0),
    ).toBe(true)
    expect(pareto(r, 'companies')).toEqual([])
  })
})
