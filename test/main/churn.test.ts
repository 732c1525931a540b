import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rowForJson } from '../../src/shared/rollups/churn'
import { call, dbState, fail, JTBD_EN, setupApp, sqliteOf, type TestApp } from './helpers'

/** Tags by raw SQL, so these tests do not depend on the codebook service. */
function tag(
  db: Database.Database,
  id: string,
  o: {
    parent?: string
    name?: string
    code?: string
    kind?: string
    key?: string
    position?: number
    prevention?: string
  } = {},
) {
  db.prepare(
    'insert into tags (id, parent_id, name, code, kind, semantic_key, position, prevention) values (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    id,
    o.parent ?? null,
    o.name ?? id,
    o.code ?? null,
    o.kind ?? 'churn_reason',
    o.key ?? null,
    o.position ?? 0,
    o.prevention ?? '',
  )
}

let n = 0
/** A highlight on a note of the interview, tagged with the given tags. */
function highlight(
  db: Database.Database,
  interviewId: string,
  quote: string,
  tagIds: string[],
  elapsedMs: number | null = null,
) {
  const noteId = `note-${++n}`
  db.prepare(
    "insert into interview_notes (id, interview_id, question_id, doc, plain_text, first_elapsed_ms) values (?, ?, ?, '{}', ?, ?)",
  ).run(noteId, interviewId, `q-${n}`, quote, elapsedMs)
  const id = `hl-${n}`
  db.prepare(
    'insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, ?, 0, ?, ?)',
  ).run(id, interviewId, noteId, quote.length, quote)
  for (const t of tagIds)
    db.prepare('insert into highlight_tags (highlight_id, tag_id) values (?, ?)').run(id, t)
  return id
}

let t: TestApp
let db: Database.Database

async function company(
  name: string,
  o: {
    segment?: 'A' | 'B' | 'C' | 'D'
    mrrMinor?: number
    customerSince?: string
    churnedOn?: string
    churnType?: 'voluntary' | 'involuntary'
  } = {},
) {
  return call(t.app, 'companies:create', {
    name,
    segment: o.segment ?? null,
    mrrMinor: o.mrrMinor ?? 0,
    customerSince: o.customerSince ?? null,
    status: o.churnedOn ? 'churned' : 'active',
    churnedOn: o.churnedOn ?? null,
    churnType: o.churnType ?? null,
  })
}
async function interview(studyId: string, companyId: string, person: string) {
  const p = await call(t.app, 'participants:create', { name: person, companyId })
  return call(t.app, 'interviews:create', {
    studyId,
    participantId: p.id,
    scriptId: JTBD_EN,
    title: `Exit: ${person}`,
  })
}

beforeEach(async () => {
  t = await setupApp()
  db = sqliteOf(t.app)
  tag(db, 'prc', { name: 'Price', code: 'PRC', prevention: 'Competitive pricing review' })
  tag(db, 'prc1', { parent: 'prc', name: 'Too expensive', code: 'PRC-01' })
  tag(db, 'prc2', { parent: 'prc', name: 'Budget cut', code: 'PRC-02', position: 1 })
  tag(db, 'sup', { name: 'Support', code: 'SUP', position: 1 })
  tag(db, 'sup1', { parent: 'sup', name: 'Poor support', code: 'SUP-01' })
  tag(db, 'theme', { name: 'Onboarding', kind: 'theme' })
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
    const acme = await company('Acme', {
      segment: 'A',
      mrrMinor: 100_000,
      customerSince: '2025-01-01',
      churnedOn: '2025-04-01',
      churnType: 'voluntary',
    })
    const beta = await company('Beta', {
      segment: 'B',
      mrrMinor: 20_000,
      customerSince: '2025-01-01',
      churnedOn: '2025-04-02',
      churnType: 'involuntary',
    })
    const live = await company('Live Co', { segment: 'A', mrrMinor: 5_000 })
    const i1 = await interview(exit.id, acme.id, 'Ann')
    const i1b = await interview(exit.id, acme.id, 'Bob')
    const i2 = await interview(exit.id, beta.id, 'Cid')
    const i3 = await interview(other.id, beta.id, 'Dee')
    // Acme: 4 PRC-01 quotes over two people + 1 SUP-01 → primary PRC-01 once, SUP-01 mentioned
    highlight(db, i1.id, 'It costs too much', ['prc1'])
    highlight(db, i1.id, 'Way too much money', ['prc1', 'theme'])
    highlight(db, i1b.id, 'Pricey', ['prc1'])
    highlight(db, i1b.id, 'Really pricey', ['prc1'])
    highlight(db, i1b.id, 'Support was slow', ['sup1'])
    // Beta: one SUP-01 quote in the exit study; a PRC-02 quote in a discovery interview does not count
    highlight(db, i2.id, 'Nobody answered', ['sup1'])
    highlight(db, i3.id, 'Budget got cut', ['prc2'])
    const liveInterview = await interview(exit.id, live.id, 'Eve')
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

describe('JTBD forces, switch timeline, job stories, matrices', () => {
  async function seed() {
    tag(db, 'push', { kind: 'jtbd_force', key: 'push', name: 'Push' })
    tag(db, 'push-slow', { kind: 'jtbd_force', parent: 'push', name: 'Too slow' })
    tag(db, 'pull', { kind: 'jtbd_force', key: 'pull', name: 'Pull', position: 1 })
    tag(db, 'habit', { kind: 'jtbd_force', key: 'habit', name: 'Habit', position: 3 })
    tag(db, 'ph-first', { kind: 'jtbd_phase', key: 'first_thought', name: 'First thought', position: 0 })
    tag(db, 'ph-buy', { kind: 'jtbd_phase', key: 'deciding', name: 'Deciding', position: 1 })
    const study = await call(t.app, 'studies:create', {
      name: 'Switch',
      method: 'jtbd_switch',
      targetInterviews: 5,
    })
    const a = await company('Acme', { segment: 'A' })
    const b = await company('Beta', { segment: 'B' })
    const i1 = await interview(study.id, a.id, 'Ann')
    const i2 = await interview(study.id, b.id, 'Bob')
    highlight(db, i1.id, 'Excel was slow', ['push-slow', 'ph-first'], 60_000)
    highlight(db, i1.id, 'So slow', ['push'], 5_000)
    highlight(db, i1.id, 'We bought it', ['pull', 'ph-buy'], 1_000)
    highlight(db, i2.id, 'The old way worked', ['habit', 'theme'])
    return { study, i1, i2 }
  }

  it('four quadrants with per-participant counts and quotes', async () => {
    const s = await seed()
    const f = await call(t.app, 'forces:summary', { studyId: s.study.id })
    expect(f.map((x) => [x.force, x.participants, x.highlights])).toEqual([
      ['push', 1, 2],
      ['pull', 1, 1],
      ['anxiety', 0, 0],
      ['habit', 1, 1],
    ])
    expect(f[0]!.quotes.map((q) => [q.quote, q.tagName, q.participantName])).toEqual([
      ['Excel was slow', 'Too slow', 'Ann'],
      ['So slow', 'Push', 'Ann'],
    ])
  })

  it('the switch timeline orders by phase, not by elapsed time', async () => {
    const s = await seed()
    const tl = await call(t.app, 'forces:timeline', { interviewId: s.i1.id })
    expect(tl.map((x) => [x.phaseName, x.quote, x.elapsedMs])).toEqual([
      ['First thought', 'Excel was slow', 60_000],
      ['Deciding', 'We bought it', 1_000],
    ])
  })

  it('job stories: create, list per interview and per study, update, delete', async () => {
    const s = await seed()
    const js = await call(t.app, 'stories:create', {
      interviewId: s.i1.id,
      situation: 'month-end close',
      motivation: 'reconcile fast',
      outcome: 'go home on time',
    })
    await call(t.app, 'stories:create', {
      interviewId: s.i2.id,
      situation: 's',
      motivation: 'm',
      outcome: 'o',
    })
    expect((await call(t.app, 'stories:list', { interviewId: s.i1.id })).map((x) => x.situation)).toEqual([
      'month-end close',
    ])
    expect(await call(t.app, 'stories:list', { studyId: s.study.id })).toHaveLength(2)
    expect((await call(t.app, 'stories:update', { id: js.id, outcome: 'leave at five' })).outcome).toBe(
      'leave at five',
    )
    await call(t.app, 'stories:delete', { id: js.id })
    expect(await call(t.app, 'stories:list', { interviewId: s.i1.id })).toEqual([])
    expect(
      (
        await fail(t.app, 'stories:create', {
          interviewId: 'nope',
          situation: 's',
          motivation: 'm',
          outcome: 'o',
        })
      ).code,
    ).toBe('NOT_FOUND')
    expect((await fail(t.app, 'stories:list', {})).code).toBe('VALIDATION')
  })

  it('co-occurrence and segment matrices count companies', async () => {
    const s = await seed()
    const co = await call(t.app, 'matrix:cooccurrence', { tags: { kind: 'jtbd_force' }, studyId: s.study.id })
    expect(co.tags.map((x) => x.name)).toEqual(['Push', 'Pull', 'Habit'])
    expect(co.counts).toEqual([
      [1, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ])
    const seg = await call(t.app, 'matrix:segments', { tags: { kind: 'jtbd_force' } })
    expect(seg.segments).toEqual(['A', 'B', 'C', 'D', 'unsegmented'])
    expect(seg.counts).toEqual([
      [1, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
    ])
    const kids = await call(t.app, 'matrix:cooccurrence', { tags: { parentId: 'push' } })
    const slow = { id: 'push-slow', name: 'Too slow', code: null }
    expect(kids).toEqual({ tags: [slow], columns: [slow], counts: [[1]] })
  })

  it('a kind whose top level is one root tag (as the starter codebooks are) stands for the root’s children', async () => {
    const s = await seed()
    tag(db, 'emo', { kind: 'emotion', name: 'Emotions' })
    tag(db, 'emo-neg', { kind: 'emotion', parent: 'emo', name: 'Frustrated' })
    tag(db, 'emo-pos', { kind: 'emotion', parent: 'emo', name: 'Relieved', position: 1 })
    highlight(db, s.i1.id, 'Finally', ['emo-pos'])
    const m = await call(t.app, 'matrix:cooccurrence', {
      tags: { kind: 'emotion' },
      columns: { kind: 'jtbd_force' },
    })
    expect(m.tags.map((x) => x.name)).toEqual(['Frustrated', 'Relieved'])
    expect(m.counts).toEqual([
      [0, 0, 0],
      [1, 1, 0],
    ])
  })

  it('crosses two different tag kinds: forces × switch phases, counted per company', async () => {
    const s = await seed()
    const m = await call(t.app, 'matrix:cooccurrence', {
      tags: { kind: 'jtbd_force' },
      columns: { kind: 'jtbd_phase' },
      studyId: s.study.id,
    })
    expect(m.tags.map((x) => x.name)).toEqual(['Push', 'Pull', 'Habit'])
    expect(m.columns.map((x) => x.name)).toEqual(['First thought', 'Deciding'])
    // Acme has push (via "Too slow"), pull, first thought and deciding; Beta only habit and no phase.
    expect(m.counts).toEqual([
      [1, 1],
      [1, 1],
      [0, 0],
    ])
  })
})
