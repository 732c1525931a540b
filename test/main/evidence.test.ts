import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, fail, JTBD_EN, setupApp, sqliteOf, type TestApp } from './helpers'

/**
 * Two studies, three companies in segments A/B/B, four participants, five interviews on known dates, a tag tree
 * Pricing › Too expensive › Annual plan, plus Support; highlights inserted with raw SQL.
 */
async function seed(t: TestApp) {
  const { app } = t
  const db = sqliteOf(app)
  const exit = await call(app, 'studies:create', { name: 'Exit Q1', method: 'exit', targetInterviews: 5 })
  const jtbd = await call(app, 'studies:create', {
    name: 'Switch',
    method: 'jtbd_switch',
    targetInterviews: 5,
  })
  const acme = await call(app, 'companies:create', { name: 'Acme', segment: 'A' })
  const beta = await call(app, 'companies:create', { name: 'Beta', segment: 'B' })
  const gamma = await call(app, 'companies:create', { name: 'Gamma', segment: 'B' })
  const ann = await call(app, 'participants:create', { name: 'Ann', companyId: acme.id })
  const bob = await call(app, 'participants:create', { name: 'Bob', companyId: acme.id })
  const cat = await call(app, 'participants:create', { name: 'Cat', companyId: beta.id })
  const dan = await call(app, 'participants:create', { name: 'Dan', companyId: gamma.id })
  const interview = async (studyId: string, participantId: string, conductedAt: string) => {
    const iv = await call(app, 'interviews:create', { studyId, participantId, scriptId: JTBD_EN })
    db.prepare('update interviews set conducted_at = ? where id = ?').run(conductedAt, iv.id)
    const q = iv.currentQuestionId!
    const note = await call(app, 'notes:save', {
      interviewId: iv.id,
      questionId: q,
      doc: { type: 'doc', content: [] },
      plainText: 'x'.repeat(200),
      elapsedMs: 0,
    })
    return { id: iv.id, noteId: note.id, questionId: q }
  }
  const ivAnn = await interview(exit.id, ann.id, '2026-01-10T10:00:00.000Z')
  const ivBob = await interview(exit.id, bob.id, '2026-01-20T10:00:00.000Z')
  const ivCat = await interview(exit.id, cat.id, '2026-02-05T10:00:00.000Z')
  const ivDan = await interview(jtbd.id, dan.id, '2026-03-01T10:00:00.000Z')
  const tag = db.prepare(
    'insert into tags (id, parent_id, name, code, kind, color) values (?, ?, ?, ?, ?, ?)',
  )
  tag.run('t-pricing', null, 'Pricing', 'PRC', 'churn_reason', '#aa0000')
  tag.run('t-expensive', 't-pricing', 'Too expensive', 'PRC-01', 'churn_reason', '#bb0000')
  tag.run('t-annual', 't-expensive', 'Annual plan', null, 'churn_reason', '#cc0000')
  tag.run('t-support', null, 'Support', null, 'theme', '#0000aa')
  tag.run('t-gone', 't-pricing', 'Deleted child', null, 'theme', '#000000')
  db.prepare(`update tags set deleted_at = '2026-01-01T00:00:00Z' where id = 't-gone'`).run()
  let n = 0
  const hl = (iv: { id: string; noteId: string }, quote: string, tagIds: string[]) => {
    const id = `h${++n}`
    db.prepare(
      'insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, ?, ?, ?, ?)',
    ).run(id, iv.id, iv.noteId, n, n + 5, quote)
    for (const tagId of tagIds)
      db.prepare('insert into highlight_tags (highlight_id, tag_id) values (?, ?)').run(id, tagId)
    return id
  }
  // Ann talks a lot about pricing; Bob once; Cat about support; Dan about annual plans.
  hl(ivAnn, 'Too pricey for us', ['t-expensive'])
  hl(ivAnn, 'The price doubled', ['t-pricing'])
  hl(ivAnn, 'Price again', ['t-expensive', 't-support'])
  hl(ivBob, 'Annual was a trap', ['t-annual'])
  hl(ivCat, 'Support never answered', ['t-support'])
  hl(ivDan, 'Annual contract too long', ['t-annual'])
  hl(ivDan, 'Only in a deleted tag', ['t-gone'])
  db.prepare(
    `insert into churn_survey_responses (id, company_id, study_id, responded_on, reason_raw, comment) values ('sr1', ?, ?, '2026-02-15', 'PRC-01', 'Too expensive overall')`,
  ).run(gamma.id, exit.id)
  db.prepare(
    `insert into highlights (id, survey_response_id, start_offset, end_offset, quote) values ('hs', 'sr1', 0, 13, 'Too expensive')`,
  ).run()
  db.prepare(`insert into highlight_tags (highlight_id, tag_id) values ('hs', 't-expensive')`).run()
  return { exit, jtbd, acme, beta, gamma, ann, bob, cat, dan, ivAnn, ivBob, ivCat, ivDan, db }
}

type Seed = Awaited<ReturnType<typeof seed>>

describe('evidence:list', () => {
  let t: TestApp
  let s: Seed
  beforeEach(async () => {
    t = await setupApp()
    s = await seed(t)
  })
  afterEach(() => t.cleanup())

  const list = (input: Parameters<typeof call<'evidence:list'>>[2] = {}) =>
    call(t.app, 'evidence:list', input)
  const quotes = (rows: { quote: string }[]) => rows.map((r) => r.quote).sort()

  it('lists every highlight newest first, with counts per distinct participant and company', async () => {
    const all = await list()
    expect(all.total).toBe(8)
    expect(all.counts).toEqual({ highlights: 8, participants: 4, companies: 3 })
    expect(all.rows[0]!.highlightId).toBe('hs')
    expect(all.rows.map((r) => r.highlightId)).toEqual(['hs', 'h7', 'h6', 'h5', 'h4', 'h3', 'h2', 'h1'])
    expect(all.groups).toBeUndefined()
  })

  it('gives each row its context, tags and a readable citation', async () => {
    const { rows } = await list()
    const h3 = rows.find((r) => r.highlightId === 'h3')!
    expect(h3).toMatchObject({
      quote: 'Price again',
      source: 'note',
      interviewId: s.ivAnn.id,
      questionId: s.ivAnn.questionId,
      studyName: 'Exit Q1',
      participantName: 'Ann',
      companyName: 'Acme',
      segment: 'A',
      method: 'exit',
      date: '2026-01-10',
      citation: '“Price again” — Ann, Acme (A), Exit Q1, 2026-01-10',
    })
    expect(h3.tags.map((x) => x.name)).toEqual(['Support', 'Too expensive'])
    expect(h3.tags.find((x) => x.name === 'Too expensive')).toEqual({
      id: 't-expensive',
      name: 'Too expensive',
      color: '#bb0000',
      code: 'PRC-01',
    })
    const hs = rows.find((r) => r.highlightId === 'hs')!
    expect(hs).toMatchObject({
      source: 'survey',
      interviewId: null,
      participantName: null,
      companyName: 'Gamma',
      segment: 'B',
      studyName: 'Exit Q1',
      date: '2026-02-15',
    })
    expect(hs.citation).toBe('“Too expensive” — Gamma (B), Exit Q1, 2026-02-15')
    // A tag that was deleted is not shown on its highlights.
    expect(rows.find((r) => r.highlightId === 'h7')!.tags).toEqual([])
  })

  it('filters by tag including every live descendant', async () => {
    const pricing = await list({ tagId: 't-pricing' })
    expect(quotes(pricing.rows)).toEqual([
      'Annual contract too long',
      'Annual was a trap',
      'Price again',
      'The price doubled',
      'Too expensive',
      'Too pricey for us',
    ])
    expect(pricing.counts).toEqual({ highlights: 6, participants: 3, companies: 2 })
    const expensive = await list({ tagId: 't-expensive' })
    expect(expensive.counts).toEqual({ highlights: 5, participants: 3, companies: 2 })
    const annual = await list({ tagId: 't-annual' })
    expect(quotes(annual.rows)).toEqual(['Annual contract too long', 'Annual was a trap'])
    // A deleted tag finds nothing, not even its highlights.
    expect((await list({ tagId: 't-gone' })).total).toBe(0)
    expect((await list({ tagId: 'no-such-tag' })).total).toBe(0)
  })

  it('counts a talkative participant once', async () => {
    const r = await list({ participantId: s.ann.id })
    expect(r.counts).toEqual({ highlights: 3, participants: 1, companies: 1 })
    const acme = await list({ companyId: s.acme.id })
    expect(acme.counts).toEqual({ highlights: 4, participants: 2, companies: 1 })
  })

  it('filters by segment, company, study, method and dates', async () => {
    const segB = await list({ segment: 'B' })
    expect(quotes(segB.rows)).toEqual([
      'Annual contract too long',
      'Only in a deleted tag',
      'Support never answered',
      'Too expensive',
    ])
    expect(segB.counts).toEqual({ highlights: 4, participants: 2, companies: 2 })
    expect((await list({ companyId: s.gamma.id })).counts).toEqual({
      highlights: 3,
      participants: 1,
      companies: 1,
    })
    expect((await list({ studyId: s.jtbd.id })).total).toBe(2)
    expect((await list({ studyId: s.exit.id })).total).toBe(6)
    expect((await list({ method: 'jtbd_switch' })).total).toBe(2)
    // Inclusive dates: interviews on 2026-01-20 and 2026-02-05, survey on 2026-02-15.
    expect(quotes((await list({ from: '2026-01-20', to: '2026-02-15' })).rows)).toEqual([
      'Annual was a trap',
      'Support never answered',
      'Too expensive',
    ])
    expect((await list({ from: '2026-03-02' })).total).toBe(0)
    expect((await list({ to: '2026-01-10' })).total).toBe(3)
    // Filters combine.
    expect(
      (await list({ segment: 'B', tagId: 't-pricing', to: '2026-02-28' })).rows.map((r) => r.highlightId),
    ).toEqual(['hs'])
  })

  it('pages with offset and limit, keeping the total', async () => {
    const p1 = await list({ limit: 3 })
    const p2 = await list({ limit: 3, offset: 3 })
    const p3 = await list({ limit: 3, offset: 6 })
    expect([p1.total, p2.total, p3.total]).toEqual([8, 8, 8])
    expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.highlightId)).toEqual([
      'hs',
      'h7',
      'h6',
      'h5',
      'h4',
      'h3',
      'h2',
      'h1',
    ])
    expect((await list({ offset: 100 })).rows).toEqual([])
  })

  it('groups by tag with per-tag distinct counts', async () => {
    const r = await list({ groupBy: 'tag' })
    expect(r.groups).toEqual([
      {
        tagId: 't-expensive',
        name: 'Too expensive',
        color: '#bb0000',
        code: 'PRC-01',
        highlights: 3,
        participants: 1,
        companies: 2,
      },
      {
        tagId: 't-annual',
        name: 'Annual plan',
        color: '#cc0000',
        code: null,
        highlights: 2,
        participants: 2,
        companies: 2,
      },
      {
        tagId: 't-support',
        name: 'Support',
        color: '#0000aa',
        code: null,
        highlights: 2,
        participants: 2,
        companies: 2,
      },
      {
        tagId: 't-pricing',
        name: 'Pricing',
        color: '#aa0000',
        code: 'PRC',
        highlights: 1,
        participants: 1,
        companies: 1,
      },
    ])
    const filtered = await list({ groupBy: 'tag', segment: 'A' })
    expect(filtered.groups?.map((g) => [g.name, g.highlights])).toEqual([
      ['Too expensive', 2],
      ['Annual plan', 1],
      ['Pricing', 1],
      ['Support', 1],
    ])
  })

  it('is empty, with zero counts, in a new library', async () => {
    const fresh = await setupApp()
    try {
      expect(await call(fresh.app, 'evidence:list', {})).toEqual({
        total: 0,
        counts: { highlights: 0, participants: 0, companies: 0 },
        rows: [],
      })
    } finally {
      fresh.cleanup()
    }
  })

  it('refuses malformed filters', async () => {
    expect((await fail(t.app, 'evidence:list', { segment: 'E' })).code).toBe('VALIDATION')
    expect((await fail(t.app, 'evidence:list', { from: '2026-02-30' })).code).toBe('VALIDATION')
    expect((await fail(t.app, 'evidence:list', { from: '2026-03-01', to: '2026-02-01' })).code).toBe(
      'VALIDATION',
    )
    expect((await fail(t.app, 'evidence:list', { limit: 100_000 })).code).toBe('VALIDATION')
    expect((await fail(t.app, 'evidence:list', { groupBy: 'company' })).code).toBe('VALIDATION')
  })
})

describe('evidence:filterOptions', () => {
  let t: TestApp
  let db: Database.Database
  beforeEach(async () => {
    t = await setupApp()
    const s = await seed(t)
    db = s.db
  })
  afterEach(() => t.cleanup())

  it('offers studies, live tags as a tree, companies and participants', async () => {
    const o = await call(t.app, 'evidence:filterOptions')
    expect(o.studies.map((x) => x.name)).toEqual(['Exit Q1', 'Switch'])
    expect(o.tags.map((x) => x.id).sort()).toEqual(['t-annual', 't-expensive', 't-pricing', 't-support'])
    expect(o.tags.find((x) => x.id === 't-annual')?.parentId).toBe('t-expensive')
    expect(o.companies.map((c) => [c.name, c.segment])).toEqual([
      ['Acme', 'A'],
      ['Beta', 'B'],
      ['Gamma', 'B'],
    ])
    expect(o.participants.map((p) => p.name)).toEqual(['Ann', 'Bob', 'Cat', 'Dan'])
    expect(db.open).toBe(true)
  })
})
