import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RANKED_CANDIDATES } from '../../src/main/services/search'
import { call, fail, JTBD_EN, setupApp, sqliteOf, type TestApp } from './helpers'

/** Notes through the real channels; transcripts, highlights and survey rows with raw SQL (their services are elsewhere). */
async function seed(t: TestApp) {
  const { app } = t
  const study = await call(app, 'studies:create', { name: 'Exit Q1', method: 'exit', targetInterviews: 5 })
  const other = await call(app, 'studies:create', {
    name: 'Onboarding',
    method: 'journey',
    targetInterviews: 5,
  })
  const company = await call(app, 'companies:create', { name: 'Acme', segment: 'B', mrrMinor: 10_000 })
  const ann = await call(app, 'participants:create', { name: 'Ann Lee', companyId: company.id })
  const iv = await call(app, 'interviews:create', {
    studyId: study.id,
    participantId: ann.id,
    scriptId: JTBD_EN,
  })
  const iv2 = await call(app, 'interviews:create', {
    studyId: other.id,
    participantId: ann.id,
    scriptId: JTBD_EN,
  })
  const detail = await call(app, 'interviews:get', { id: iv.id })
  const firstQuestion = detail.script.sections[0]!.questions[0]!
  const note = (interviewId: string, questionId: string, plainText: string) =>
    call(app, 'notes:save', {
      interviewId,
      questionId,
      doc: { type: 'doc', content: [] },
      plainText,
      elapsedMs: 0,
    })
  const n1 = await note(
    iv.id,
    firstQuestion.id,
    'The renewal price was far too expensive for our finance team.',
  )
  const n2 = await note(
    iv2.id,
    firstQuestion.id,
    'Onboarding was smooth; the price did not matter then. <script>alert(1)</script>',
  )
  const db = sqliteOf(app)
  db.prepare(
    `insert into transcripts (id, interview_id, title, source_format, doc, plain_text) values ('tr1', ?, 'Call recording', 'vtt', '{}', ?)`,
  ).run(iv.id, 'Speaker 1: We compared three vendors and the dashboard export kept failing.')
  db.prepare(
    `insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote, memo) values ('h1', ?, ?, 4, 17, 'renewal price', 'pricing pain')`,
  ).run(iv.id, n1.id)
  db.prepare(
    `insert into churn_survey_responses (id, company_id, study_id, responded_on, reason_raw, comment) values ('sr1', ?, ?, '2026-02-01', 'PRC-01', 'Cheaper café alternative, Ёлки-палки дорого')`,
  ).run(company.id, study.id)
  return { study, other, company, ann, iv, iv2, firstQuestion, n1, n2 }
}

describe('search:query', () => {
  let t: TestApp
  let s: Awaited<ReturnType<typeof seed>>
  beforeEach(async () => {
    t = await setupApp()
    s = await seed(t)
  })
  afterEach(() => t.cleanup())

  it('returns nothing for empty or whitespace input', async () => {
    expect(await call(t.app, 'search:query', { q: '' })).toEqual([])
    expect(await call(t.app, 'search:query', { q: '   ' })).toEqual([])
    expect(await call(t.app, 'search:query', { q: '"()*' })).toEqual([])
  })

  it('finds notes, transcripts, highlights and survey comments, with context and marked snippets', async () => {
    const notes = await call(t.app, 'search:query', { q: 'price' })
    const kinds = notes.map((h) => h.kind).sort()
    expect(kinds).toEqual(['highlight', 'note', 'note'])
    const n1 = notes.find((h) => h.id === s.n1.id)!
    expect(n1).toMatchObject({
      kind: 'note',
      interviewId: s.iv.id,
      questionId: s.firstQuestion.id,
      questionText: s.firstQuestion.text,
      studyName: 'Exit Q1',
      participantName: 'Ann Lee',
      companyId: s.company.id,
      companyName: 'Acme',
      segment: 'B',
    })
    expect(n1.snippet.filter((x) => x.match).map((x) => x.text)).toEqual(['price'])
    expect(n1.snippet.map((x) => x.text).join('')).toContain('The renewal price was far too expensive')
    const h = notes.find((x) => x.kind === 'highlight')!
    expect(h).toMatchObject({ id: 'h1', interviewId: s.iv.id, questionId: s.firstQuestion.id })

    const transcript = await call(t.app, 'search:query', { q: 'dashboard export' })
    expect(transcript).toHaveLength(1)
    expect(transcript[0]).toMatchObject({
      kind: 'transcript',
      transcriptId: 'tr1',
      title: 'Call recording',
      interviewId: s.iv.id,
    })
    expect(transcript[0]!.snippet.filter((x) => x.match).map((x) => x.text)).toEqual(['dashboard', 'export'])

    const survey = await call(t.app, 'search:query', { q: 'cheaper' })
    expect(survey).toHaveLength(1)
    expect(survey[0]).toMatchObject({
      kind: 'survey',
      surveyResponseId: 'sr1',
      companyId: s.company.id,
      companyName: 'Acme',
      studyName: 'Exit Q1',
      interviewId: null,
      title: 'PRC-01',
    })
  })

  it('ranks by bm25 and respects the limit', async () => {
    const hits = await call(t.app, 'search:query', { q: 'price', limit: 2 })
    expect(hits).toHaveLength(2)
    expect(hits[0]!.rank).toBeLessThanOrEqual(hits[1]!.rank)
  })

  it('matches the last word as a prefix while typing, and whole words after a space', async () => {
    expect((await call(t.app, 'search:query', { q: 'expen' })).map((h) => h.id)).toEqual([s.n1.id])
    expect(await call(t.app, 'search:query', { q: 'expen ' })).toEqual([])
  })

  it('matches phrases in order only', async () => {
    expect((await call(t.app, 'search:query', { q: '"renewal price"' })).map((h) => h.kind).sort()).toEqual([
      'highlight',
      'note',
    ])
    expect(await call(t.app, 'search:query', { q: '"price renewal"' })).toEqual([])
  })

  it('never breaks on FTS5 syntax typed by the user', async () => {
    for (const q of [
      'price AND',
      'OR',
      'NEAR(price',
      'price*',
      '"unbalanced',
      'plain_text:price',
      '(price',
      'price)',
      '^price',
      '-price',
      'a"b"c"',
      "'; drop table interview_notes; --",
      '\u0000\u0002\u0003',
    ]) {
      const hits = await call(t.app, 'search:query', { q })
      expect(Array.isArray(hits)).toBe(true)
    }
    // Operators are words: "AND" must appear in the text.
    expect(await call(t.app, 'search:query', { q: 'price AND expensive' })).toEqual([])
    expect((await call(t.app, 'search:query', { q: 'price and expensive' })).length).toBe(0) // "and" is absent too
    expect((await call(t.app, 'search:query', { q: 'NEAR(price' })).length).toBe(0)
    expect((await call(t.app, 'search:query', { q: 'price*' })).map((h) => h.kind).sort()).toEqual([
      'highlight',
      'note',
      'note',
    ])
  })

  it('folds case and diacritics, and searches Cyrillic', async () => {
    expect((await call(t.app, 'search:query', { q: 'CAFE' })).map((h) => h.kind)).toEqual(['survey'])
    expect((await call(t.app, 'search:query', { q: 'дорог' })).map((h) => h.kind)).toEqual(['survey'])
    expect((await call(t.app, 'search:query', { q: 'ЁЛКИ' })).map((h) => h.kind)).toEqual(['survey'])
    // unicode61 folds Latin diacritics only: ё and е stay distinct letters.
    expect(await call(t.app, 'search:query', { q: 'елки' })).toEqual([])
  })

  it('keeps user HTML as text in snippets', async () => {
    const hits = await call(t.app, 'search:query', { q: 'alert' })
    expect(hits).toHaveLength(1)
    const text = hits[0]!.snippet.map((x) => x.text).join('')
    expect(text).toContain('<script>')
    expect(hits[0]!.snippet.find((x) => x.match)?.text).toBe('alert')
  })

  it('limits results to one study', async () => {
    const all = await call(t.app, 'search:query', { q: 'price' })
    expect(all.some((h) => h.studyId === s.other.id)).toBe(true)
    const scoped = await call(t.app, 'search:query', { q: 'price', studyId: s.study.id })
    expect(scoped.map((h) => h.kind).sort()).toEqual(['highlight', 'note'])
    expect(scoped.every((h) => h.studyId === s.study.id)).toBe(true)
    expect(await call(t.app, 'search:query', { q: 'cheaper', studyId: s.other.id })).toEqual([])
  })

  it('sees edits and deletions at once (the index follows the rows)', async () => {
    await call(t.app, 'notes:save', {
      interviewId: s.iv.id,
      questionId: s.firstQuestion.id,
      doc: { type: 'doc', content: [] },
      plainText: 'Switched because of support.',
      elapsedMs: 0,
    })
    expect((await call(t.app, 'search:query', { q: 'price' })).some((h) => h.id === s.n1.id)).toBe(false)
    expect((await call(t.app, 'search:query', { q: 'support' })).map((h) => h.id)).toEqual([s.n1.id])
    await call(t.app, 'interviews:delete', { id: s.iv2.id })
    expect(await call(t.app, 'search:query', { q: 'onboarding' })).toEqual([])
  })

  it('ranks the newest matches of a very common word, and stays bounded', async () => {
    const db = sqliteOf(t.app)
    const ins = db.prepare(
      `insert into interview_notes (id, interview_id, question_id, doc, plain_text) values (?, ?, ?, '{}', ?)`,
    )
    ins.run('old-dense', s.iv.id, 'q-old', 'widget widget widget widget widget')
    for (let i = 0; i < RANKED_CANDIDATES + 20; i++)
      ins.run(`n-${i}`, s.iv.id, `q-${i}`, `one widget among many other words in note number ${i}`)
    ins.run('new-dense', s.iv.id, 'q-new', 'widget widget widget widget widget')
    const hits = await call(t.app, 'search:query', { q: 'widget', limit: 5 })
    expect(hits).toHaveLength(5)
    expect(hits[0]!.id).toBe('new-dense')
    // The oldest note lies beyond the ranked window of the newest matches.
    expect(hits.some((h) => h.id === 'old-dense')).toBe(false)
    // A narrower query still finds it.
    db.prepare(`update interview_notes set plain_text = 'widget widget gizmo' where id = 'old-dense'`).run()
    expect((await call(t.app, 'search:query', { q: 'widget gizmo' })).map((h) => h.id)).toEqual(['old-dense'])
  })

  it('refuses malformed input', async () => {
    expect((await fail(t.app, 'search:query', { q: 'x'.repeat(501) })).code).toBe('VALIDATION')
    expect((await fail(t.app, 'search:query', { q: 'x', limit: 0 })).code).toBe('VALIDATION')
    expect((await fail(t.app, 'search:query', {})).code).toBe('VALIDATION')
  })
})
