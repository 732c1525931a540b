import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rowForJson } from '../../src/shared/rollups/churn'
import { call, dbState, fail, setupApp, sqliteOf, type TestApp } from './helpers'
import { company, highlight, interview, seedReasonTags } from './rollup-fixture'

let t: TestApp
let db: Database.Database

beforeEach(async () => {
  t = await setupApp()
  db = sqliteOf(t.app)
  seedReasonTags(db)
})
afterEach(() => t.cleanup())

describe('churn roll-up through the channels', () => {
  async function seed() {
    const exit = await call(t.app, 'studies:create', { name: 'Exit Q1', method: 'exit', targetInterviews: 5 })
    const other = await call(t.app, 'studies:create', {
      name: 'Discovery',
      method: 'discovery',
      targetInterviews: 5,
    })
    const acme = await company(t.app, 'Acme', {
      segment: 'A',
      mrrMinor: 100_000,
      customerSince: '2025-01-01',
      churnedOn: '2025-04-01',
      churnType: 'voluntary',
    })
    const beta = await company(t.app, 'Beta', {
      segment: 'B',
      mrrMinor: 20_000,
      customerSince: '2025-01-01',
      churnedOn: '2025-04-02',
      churnType: 'involuntary',
    })
    const live = await company(t.app, 'Live Co', { segment: 'A', mrrMinor: 5_000 })
    const i1 = await interview(t.app, exit.id, acme.id, 'Ann')
    const i1b = await interview(t.app, exit.id, acme.id, 'Bob')
    const i2 = await interview(t.app, exit.id, beta.id, 'Cid')
    const i3 = await interview(t.app, other.id, beta.id, 'Dee')
    // Acme: 4 PRC-01 quotes over two people + 1 SUP-01 → primary PRC-01 once, SUP-01 mentioned
    highlight(db, i1.id, 'It costs too much', ['prc1'])
    highlight(db, i1.id, 'Way too much money', ['prc1', 'theme'])
    highlight(db, i1b.id, 'Pricey', ['prc1'])
    highlight(db, i1b.id, 'Really pricey', ['prc1'])
    highlight(db, i1b.id, 'Support was slow', ['sup1'])
    // Beta: one SUP-01 quote in the exit study; a PRC-02 quote in a discovery interview does not count
    highlight(db, i2.id, 'Nobody answered', ['sup1'])
    highlight(db, i3.id, 'Budget got cut', ['prc2'])
    const liveInterview = await interview(t.app, exit.id, live.id, 'Eve')
    highlight(db, liveInterview.id, 'Still here, but pricey', ['prc1'])
    return { exit, other, acme, beta, live, i1, i1b, i2, i3 }
  }

  it('counts companies once, weights by MRR, rolls categories up', async () => {
    const s = await seed()
    const r = await call(t.app, 'churn:rollup', { studyId: s.exit.id })
    expect(r.totals).toEqual({
      churnedCompanies: 2,
      codedCompanies: 2,
      uncodedCompanies: 0,
      lostMrr: 120_000,
      codedLostMrr: 120_000,
    })
    const byCode = Object.fromEntries(r.rows.map((x) => [x.code, rowForJson(x)]))
    expect(byCode['PRC-01']).toEqual({
      code: 'PRC-01',
      name: 'Too expensive',
      parent: 'PRC',
      primary_companies: 1,
      primary_lost_mrr: 100_000,
      mentioned_companies: 1,
      share_of_churned: 0.5,
      share_of_lost_mrr: 100_000 / 120_000,
    })
    expect(byCode['SUP']).toMatchObject({
      primary_companies: 1,
      primary_lost_mrr: 20_000,
      mentioned_companies: 2,
    })
    expect(byCode['PRC-02']).toMatchObject({ primary_companies: 0, mentioned_companies: 0 })
    expect(r.rows.find((x) => x.code === 'PRC')?.prevention).toBe('Competitive pricing review')
    expect(r.pareto.lostMrr.map((b) => [b.code, b.value, b.cumulativeShare])).toEqual([
      ['PRC-01', 100_000, 100_000 / 120_000],
      ['SUP-01', 20_000, 1],
    ])
    expect(r.rows.find((x) => x.code === 'PRC')?.bySegment.A).toEqual({ companies: 1, lostMrr: 100_000 })
    expect(r.rows.find((x) => x.code === 'PRC-01')?.byTenure.early.companies).toBe(1) // 90 days
    expect(r.rows.find((x) => x.code === 'SUP-01')?.byTenure.later.companies).toBe(1) // 91 days
    expect(r.currencies).toEqual(['USD'])
  })

  it('setting the primary reason overrides the evidence; only live churn-reason tags; clearing restores it', async () => {
    const s = await seed()
    await call(t.app, 'churn:setPrimary', { interviewId: s.i2.id, tagId: 'prc2' })
    let r = await call(t.app, 'churn:rollup', {})
    expect(r.rows.find((x) => x.code === 'PRC-02')?.primaryCompanies).toBe(1)
    expect(r.rows.find((x) => x.code === 'SUP-01')).toMatchObject({
      primaryCompanies: 0,
      mentionedCompanies: 2,
    })
    const before = dbState(db)
    expect((await fail(t.app, 'churn:setPrimary', { interviewId: s.i2.id, tagId: 'theme' })).message).toMatch(
      /not a churn-reason tag/,
    )
    expect((await fail(t.app, 'churn:setPrimary', { interviewId: s.i3.id, tagId: 'prc1' })).message).toMatch(
      /exit study/,
    )
    expect((await fail(t.app, 'churn:setPrimary', { interviewId: s.i2.id, tagId: 'nope' })).code).toBe(
      'NOT_FOUND',
    )
    db.prepare("update tags set deleted_at = '2026-01-01' where id = 'prc1'").run()
    expect((await fail(t.app, 'churn:setPrimary', { interviewId: s.i2.id, tagId: 'prc1' })).code).toBe(
      'NOT_FOUND',
    )
    db.prepare("update tags set deleted_at = null where id = 'prc1'").run()
    expect(dbState(db).digest).toBe(before.digest)
    await call(t.app, 'churn:setPrimary', { interviewId: s.i2.id, tagId: null })
    r = await call(t.app, 'churn:rollup', {})
    expect(r.rows.find((x) => x.code === 'SUP-01')?.primaryCompanies).toBe(1)
  })

  it('uncoded queue lists exit interviews without a primary, with the suggested default', async () => {
    const s = await seed()
    const q = await call(t.app, 'churn:uncoded', { studyId: s.exit.id })
    expect(q).toHaveLength(4) // Ann, Bob, Cid and the active company's interview; not the discovery one
    expect(q.map((x) => x.interviewId)).toEqual(expect.arrayContaining([s.i1.id, s.i1b.id, s.i2.id]))
    const bob = q.find((x) => x.interviewId === s.i1b.id)!
    expect(bob).toMatchObject({
      companyName: 'Acme',
      suggestedTagId: 'prc1',
      suggestedTagName: 'Too expensive',
      churnReasonHighlights: 3,
    })
    await call(t.app, 'churn:setPrimary', { interviewId: s.i1b.id, tagId: 'prc1' })
    expect(
      (await call(t.app, 'churn:uncoded', { studyId: s.exit.id })).some((x) => x.interviewId === s.i1b.id),
    ).toBe(false)
    expect(await call(t.app, 'churn:uncoded', { studyId: s.exit.id })).toHaveLength(3)
    // A primary reason whose tag was deleted since needs coding again; restoring the tag settles it.
    await call(t.app, 'tags:delete', { id: 'prc1' })
    expect(
      (await call(t.app, 'churn:uncoded', { studyId: s.exit.id })).some((x) => x.interviewId === s.i1b.id),
    ).toBe(true)
    await call(t.app, 'tags:restore', { id: 'prc1' })
    expect(await call(t.app, 'churn:uncoded', { studyId: s.exit.id })).toHaveLength(3)
    expect(await call(t.app, 'churn:uncoded', { studyId: s.other.id })).toEqual([])
  })

  it('quotes of a category include its reasons’ quotes, only churned companies, with the interview', async () => {
    const s = await seed()
    const q = await call(t.app, 'churn:quotes', { tagId: 'prc', studyId: s.exit.id })
    expect(q.map((x) => x.quote).sort()).toEqual([
      'It costs too much',
      'Pricey',
      'Really pricey',
      'Way too much money',
    ])
    expect(q[0]).toMatchObject({ companyName: 'Acme', interviewId: expect.any(String) })
    expect(await call(t.app, 'churn:quotes', { tagId: 'prc2', studyId: s.exit.id })).toEqual([])
    expect((await fail(t.app, 'churn:quotes', { tagId: 'theme' })).code).toBe('NOT_FOUND')
  })

  it("an interview's reasons: as set, the default from its quotes, and every coded reason", async () => {
    const s = await seed()
    // Bob: two PRC-01 quotes and one SUP-01 quote; nothing set yet, so PRC-01 is the default.
    expect(await call(t.app, 'churn:forInterview', { interviewId: s.i1b.id })).toEqual({
      exit: true,
      primaryTagId: null,
      suggestedTagId: 'prc1',
      coded: [
        { tagId: 'prc1', name: 'Too expensive', code: 'PRC-01', highlights: 2 },
        { tagId: 'sup1', name: 'Poor support', code: 'SUP-01', highlights: 1 },
      ],
    })
    await call(t.app, 'churn:setPrimary', { interviewId: s.i1b.id, tagId: 'sup1' })
    expect(await call(t.app, 'churn:forInterview', { interviewId: s.i1b.id })).toMatchObject({
      primaryTagId: 'sup1',
      suggestedTagId: 'prc1',
    })
    // A primary whose tag was deleted reads as unset, as the roll-up treats it.
    await call(t.app, 'tags:delete', { id: 'sup1' })
    expect(await call(t.app, 'churn:forInterview', { interviewId: s.i1b.id })).toMatchObject({
      primaryTagId: null,
      suggestedTagId: 'prc1',
      coded: [{ tagId: 'prc1', highlights: 2 }],
    })
    expect(await call(t.app, 'churn:forInterview', { interviewId: s.i3.id })).toMatchObject({ exit: false })
    expect((await fail(t.app, 'churn:forInterview', { interviewId: 'missing' })).code).toBe('NOT_FOUND')
  })

  it('a study that does not exist is NOT_FOUND', async () => {
    expect((await fail(t.app, 'churn:rollup', { studyId: 'missing' })).code).toBe('NOT_FOUND')
  })
})
