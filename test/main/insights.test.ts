import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, dbState, fail, setupApp, sqliteOf, type TestApp } from './helpers'
import { seedReasonTags, seedSwitchStudy } from './rollup-fixture'

let t: TestApp
let db: Database.Database
let s: Awaited<ReturnType<typeof seedSwitchStudy>>
/** The fixture numbers its quotes across tests; find them by what was said. */
const hl = (quote: string) =>
  db.prepare('select id from highlights where quote = ?').pluck().get(quote) as string

const statement = (...parts: (string | { bold: string })[]) => ({
  type: 'doc' as const,
  content: [
    {
      type: 'paragraph',
      content: parts.map((x) =>
        typeof x === 'string'
          ? { type: 'text', text: x }
          : { type: 'text', text: x.bold, marks: [{ type: 'bold' }] },
      ),
    },
  ],
})

beforeEach(async () => {
  t = await setupApp()
  db = sqliteOf(t.app)
  seedReasonTags(db)
  s = await seedSwitchStudy(t.app, db)
})
afterEach(() => t.cleanup())

describe('insights', () => {
  it('starts from a tag with its sub-tags and scores the evidence as docs/decisions.md says', async () => {
    const insight = await call(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('Teams leave ', { bold: 'slow' }, ' spreadsheets'),
      from: { kind: 'tag', tagId: 'push' },
    })
    expect(insight.statementText).toBe('Teams leave slow spreadsheets')
    expect(insight.evidence.map((e) => [e.quote, e.stance])).toEqual([
      ['Excel was slow', 'for'],
      ['So slow', 'for'],
    ])
    // One company (15), one participant (5), segment A (5), one method (5), said today (10) = 40: medium.
    expect(insight.confidence).toEqual({
      score: 40,
      label: 'medium',
      reasons: [
        { kind: 'companies', count: 1, points: 15 },
        { kind: 'participants', count: 1, points: 5 },
        { kind: 'segments', segments: ['A'], points: 5 },
        { kind: 'methods', methods: ['jtbd_switch'], points: 5 },
        { kind: 'recency', newestAgeDays: 0, points: 10 },
      ],
    })
    expect(insight.counts).toEqual({ for: 2, against: 0, companies: 1, participants: 1 })
    expect(insight.evidence[0]).toMatchObject({ participantName: 'Ann', companyName: 'Acme', segment: 'A' })
  })

  it('a quote linked against scales the score down by backers; linked again "for" it backs it', async () => {
    const { id } = await call(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('Speed makes teams switch'),
      from: { kind: 'tag', tagId: 'push' },
    })
    const oldWay = hl('The old way worked')
    const against = await call(t.app, 'insights:link', {
      id,
      highlightIds: [oldWay],
      stance: 'against',
    })
    // Beta against, Acme for: round(40 × 1 / 2) = 20, low.
    expect(against.confidence.score).toBe(20)
    expect(against.confidence.label).toBe('low')
    expect(against.confidence.reasons.at(-1)).toEqual({
      kind: 'contradiction',
      againstBackers: 1,
      forBackers: 1,
      penalty: 20,
    })
    expect(against.counts).toEqual({ for: 2, against: 1, companies: 1, participants: 1 })
    // Two companies 25 + two participants 10 + segments A, B 10 + one method 5 + today 10 = 60.
    const backing = await call(t.app, 'insights:link', {
      id,
      highlightIds: [oldWay],
      stance: 'for',
    })
    expect(backing.confidence.score).toBe(60)
    expect(backing.evidence).toHaveLength(3)
    const unlinked = await call(t.app, 'insights:unlink', { id, highlightId: oldWay })
    expect(unlinked.confidence.score).toBe(40)
  })

  it('deleting a quote removes only its link; with no quote left the insight is an assumption', async () => {
    const { id } = await call(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('We bought it because of the demo'),
      from: { kind: 'highlights', highlightIds: [hl('We bought it')] },
    })
    await call(t.app, 'highlights:delete', { id: hl('We bought it') })
    const after = await call(t.app, 'insights:get', { id })
    expect(after.evidence).toEqual([])
    expect(after.confidence).toEqual({ score: 0, label: 'assumption', reasons: [{ kind: 'noEvidence' }] })
  })

  it('a board card hands over the quotes it cites, in its order', async () => {
    const board = await call(t.app, 'boards:create', {
      studyId: s.study.id,
      name: 'Journey',
      template: 'saas_default',
      language: 'en',
    })
    const [first, ...rest] = board.content.cards
    const cited = { ...first!, evidence: [hl('The old way worked'), hl('Excel was slow')] }
    await call(t.app, 'boards:save', {
      id: board.id,
      baseRevision: board.revision,
      content: { ...board.content, cards: [cited, ...rest] },
    })
    const insight = await call(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('Month end breaks spreadsheets'),
      from: { kind: 'card', boardId: board.id, cardId: cited.id },
    })
    expect(insight.evidence.map((e) => e.quote)).toEqual(['The old way worked', 'Excel was slow'])
    const wrongBoard = await fail(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('x'),
      from: { kind: 'card', boardId: 'other-board', cardId: cited.id },
    })
    expect(wrongBoard.code).toBe('NOT_FOUND')
  })

  it('refuses, with what to do and nothing written: an empty statement, a gone quote, an unknown tag', async () => {
    const before = dbState(db)
    const empty = await fail(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('   '),
      from: { kind: 'none' },
    })
    expect(empty).toMatchObject({
      code: 'VALIDATION',
      message: 'Write the insight first: its statement is empty.',
    })
    const gone = await fail(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('x'),
      from: { kind: 'highlights', highlightIds: [hl('Excel was slow'), 'hl-missing'] },
    })
    expect(gone.code).toBe('NOT_FOUND')
    expect(gone.message).toBe(
      'One of the chosen quotes no longer exists (hl-missing). Refresh the list and choose again.',
    )
    expect(
      (
        await fail(t.app, 'insights:create', {
          studyId: s.study.id,
          statement: statement('x'),
          from: { kind: 'tag', tagId: 'nope' },
        })
      ).code,
    ).toBe('NOT_FOUND')
    expect(dbState(db).digest).toBe(before.digest)
  })

  it("lists a study's insights most confident first, searches statements, edits status, owner and tags", async () => {
    const weak = await call(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('Habit keeps the old way'),
      from: { kind: 'highlights', highlightIds: [hl('The old way worked')] },
    })
    const strong = await call(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('Speed pushes the switch'),
      from: { kind: 'highlights', highlightIds: [hl('Excel was slow'), hl('The old way worked')] },
    })
    await call(t.app, 'insights:create', {
      studyId: null,
      statement: statement('Across studies'),
      from: { kind: 'none' },
    })
    expect((await call(t.app, 'insights:list', { studyId: s.study.id })).map((i) => i.id)).toEqual([
      strong.id,
      weak.id,
    ])
    expect((await call(t.app, 'insights:list', { studyId: null })).map((i) => i.statementText)).toEqual([
      'Across studies',
    ])
    expect((await call(t.app, 'insights:list', { search: 'habit' })).map((i) => i.id)).toEqual([weak.id])
    const edited = await call(t.app, 'insights:update', {
      id: weak.id,
      status: 'validated',
      owner: 'Dana',
      tagIds: ['habit'],
    })
    expect(edited).toMatchObject({ status: 'validated', owner: 'Dana', tagIds: ['habit'] })
    await call(t.app, 'insights:delete', { id: weak.id })
    expect(await fail(t.app, 'insights:get', { id: weak.id })).toMatchObject({ code: 'NOT_FOUND' })
    expect(
      db.prepare('select count(*) from insight_evidence where insight_id = ?').pluck().get(weak.id),
    ).toBe(0)
  })

  it("a report presents the study's insights with confidence, reasons and quotes, and anonymizes them", async () => {
    await call(t.app, 'insights:create', {
      studyId: s.study.id,
      statement: statement('Ann at Acme left slow spreadsheets'),
      from: { kind: 'tag', tagId: 'push' },
    })
    const base = { studyId: s.study.id, sections: ['insights'] as const, language: 'en' as const }
    const plain = await call(t.app, 'reports:preview', { ...base, sections: [...base.sections] })
    expect(plain.sections.map((x) => x.title)).toEqual(['Key insights'])
    expect(plain.html).toContain('Ann at Acme left slow spreadsheets')
    expect(plain.html).toContain('Confidence: Medium (40%)')
    expect(plain.html).toContain('1 company: +15')
    expect(plain.html).toContain('Excel was slow')
    const anon = await call(t.app, 'reports:preview', {
      ...base,
      sections: [...base.sections],
      anonymize: true,
    })
    expect(anon.html).not.toMatch(/Ann|Acme/)
    expect(anon.html).toContain('Excel was slow')
    // Outside the report's segment, the insight says nothing about that slice and is left out.
    const segB = await call(t.app, 'reports:preview', {
      ...base,
      sections: [...base.sections],
      filters: { segment: 'B' },
    })
    expect(segB.sections).toEqual([])
  })
})
