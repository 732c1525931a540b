import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SearchHit } from '../../src/shared/ipc/contracts/search'
import { transcriptDoc } from '../../src/shared/transcripts'
import { call, fail, JTBD_EN, rollBackTo, setupApp, sqliteOf, type TestApp } from './helpers'

/** Every hit of a search, groups in their order. */
async function search(t: TestApp, input: Parameters<typeof call<'search:query'>>[2]): Promise<SearchHit[]> {
  const result = await call(t.app, 'search:query', input)
  return result.groups.flatMap((g) => g.hits)
}

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
  const tr = transcriptDoc([
    { speaker: 'Speaker 1', startMs: 0, endMs: 1000, text: 'We compared three vendors.' },
    { speaker: 'Speaker 2', startMs: 1000, endMs: 2000, text: 'Which one won?' },
    { speaker: 'Speaker 1', startMs: 2000, endMs: 3000, text: 'None: the dashboard export kept failing.' },
  ])
  db.prepare(
    `insert into transcripts (id, interview_id, title, source_format, doc, plain_text) values ('tr1', ?, 'Call recording', 'vtt', ?, ?)`,
  ).run(iv.id, JSON.stringify(tr.doc), tr.plainText)
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
    expect(await call(t.app, 'search:query', { q: '' })).toEqual({ groups: [] })
    expect(await call(t.app, 'search:query', { q: '   ' })).toEqual({ groups: [] })
    expect(await call(t.app, 'search:query', { q: '"()*' })).toEqual({ groups: [] })
  })

  it('finds notes, transcripts, highlights and survey comments, with context and marked snippets', async () => {
    const notes = await search(t, { q: 'price' })
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

    const transcript = await search(t, { q: 'dashboard export' })
    expect(transcript).toHaveLength(1)
    expect(transcript[0]).toMatchObject({
      kind: 'transcript',
      transcriptId: 'tr1',
      // The match is in the third paragraph: the link opens the transcript there.
      transcriptParagraph: 2,
      title: 'Call recording',
      interviewId: s.iv.id,
      studyName: 'Exit Q1',
      companyName: 'Acme',
    })
    expect(transcript[0]!.snippet.filter((x) => x.match).map((x) => x.text)).toEqual(['dashboard', 'export'])

    const survey = await search(t, { q: 'cheaper' })
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

  it('groups hits by kind, newest first, one page per kind with a cursor to the next', async () => {
    const result = await call(t.app, 'search:query', { q: 'price' })
    expect(result.groups.map((g) => g.kind)).toEqual(['highlight', 'note', 'rating', 'transcript', 'survey'])
    const notes = result.groups.find((g) => g.kind === 'note')!
    // n2 was written after n1.
    expect(notes.hits.map((h) => h.id)).toEqual([s.n2.id, s.n1.id])
    expect(notes.nextBefore).toBeNull()
    const first = await call(t.app, 'search:query', { q: 'price', kind: 'note', limit: 1 })
    expect(first.groups).toHaveLength(1)
    expect(first.groups[0]!.hits.map((h) => h.id)).toEqual([s.n2.id])
    const cursor = first.groups[0]!.nextBefore
    expect(cursor).toBe(first.groups[0]!.hits[0]!.position)
    const second = await call(t.app, 'search:query', { q: 'price', kind: 'note', limit: 1, before: cursor! })
    expect(second.groups[0]!.hits.map((h) => h.id)).toEqual([s.n1.id])
    expect(second.groups[0]!.nextBefore).toBeNull()
  })

  it('pages through many matches without gaps or repeats', async () => {
    const db = sqliteOf(t.app)
    const ins = db.prepare(
      `insert into interview_notes (id, interview_id, question_id, doc, plain_text) values (?, ?, ?, '{}', ?)`,
    )
    for (let i = 0; i < 23; i++)
      ins.run(`n-${i}`, s.iv.id, `q-${i}`, `one widget among other words in note ${i}`)
    const seen: string[] = []
    let before: number | undefined
    for (let page = 0; page < 10; page++) {
      const r = await call(t.app, 'search:query', {
        q: 'widget',
        kind: 'note',
        limit: 5,
        ...(before ? { before } : {}),
      })
      seen.push(...r.groups[0]!.hits.map((h) => h.id))
      if (r.groups[0]!.nextBefore === null) break
      before = r.groups[0]!.nextBefore
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `n-${22 - i}`))
  })

  it('matches the last word as a prefix while typing, and whole words after a space', async () => {
    expect((await search(t, { q: 'expen' })).map((h) => h.id)).toEqual([s.n1.id])
    expect(await search(t, { q: 'expen ' })).toEqual([])
  })

  it('matches phrases in order only', async () => {
    expect((await search(t, { q: '"renewal price"' })).map((h) => h.kind).sort()).toEqual([
      'highlight',
      'note',
    ])
    expect(await search(t, { q: '"price renewal"' })).toEqual([])
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
      const hits = await search(t, { q })
      expect(Array.isArray(hits)).toBe(true)
    }
    // Operators are words: "AND" must appear in the text.
    expect(await search(t, { q: 'price AND expensive' })).toEqual([])
    expect((await search(t, { q: 'price and expensive' })).length).toBe(0) // "and" is absent too
    expect((await search(t, { q: 'NEAR(price' })).length).toBe(0)
    expect((await search(t, { q: 'price*' })).map((h) => h.kind).sort()).toEqual([
      'highlight',
      'note',
      'note',
    ])
  })

  it('folds case and diacritics, and searches Cyrillic', async () => {
    const cafe = await search(t, { q: 'CAFE' })
    expect(cafe.map((h) => h.kind)).toEqual(['survey'])
    // Found by FTS5's diacritic folding, and still marked in the snippet.
    expect(cafe[0]!.snippet.filter((x) => x.match).map((x) => x.text)).toEqual(['café'])
    const cyr = await search(t, { q: 'дорог' })
    expect(cyr.map((h) => h.kind)).toEqual(['survey'])
    expect(cyr[0]!.snippet.filter((x) => x.match).map((x) => x.text)).toEqual(['дорого'])
    expect((await search(t, { q: 'ЁЛКИ' })).map((h) => h.kind)).toEqual(['survey'])
    // unicode61 folds Latin diacritics only: ё and е stay distinct letters.
    expect(await search(t, { q: 'елки' })).toEqual([])
  })

  it('keeps user HTML as text in snippets', async () => {
    const hits = await search(t, { q: 'alert' })
    expect(hits).toHaveLength(1)
    const text = hits[0]!.snippet.map((x) => x.text).join('')
    expect(text).toContain('<script>')
    expect(hits[0]!.snippet.find((x) => x.match)?.text).toBe('alert')
  })

  it('limits results to one study', async () => {
    const all = await search(t, { q: 'price' })
    expect(all.some((h) => h.studyId === s.other.id)).toBe(true)
    const scoped = await search(t, { q: 'price', studyId: s.study.id })
    expect(scoped.map((h) => h.kind).sort()).toEqual(['highlight', 'note'])
    expect(scoped.every((h) => h.studyId === s.study.id)).toBe(true)
    expect(await search(t, { q: 'cheaper', studyId: s.other.id })).toEqual([])
    expect((await search(t, { q: 'cheaper', studyId: s.study.id })).map((h) => h.kind)).toEqual(['survey'])
    expect((await search(t, { q: 'dashboard', studyId: s.study.id })).map((h) => h.kind)).toEqual([
      'transcript',
    ])
    expect(await search(t, { q: 'dashboard', studyId: s.other.id })).toEqual([])
  })

  it('sees edits and deletions at once (the index follows the rows)', async () => {
    await call(t.app, 'notes:save', {
      interviewId: s.iv.id,
      questionId: s.firstQuestion.id,
      doc: { type: 'doc', content: [] },
      plainText: 'Switched because of support.',
      elapsedMs: 0,
    })
    expect((await search(t, { q: 'price' })).some((h) => h.id === s.n1.id)).toBe(false)
    expect((await search(t, { q: 'support' })).map((h) => h.id)).toEqual([s.n1.id])
    await call(t.app, 'interviews:delete', { id: s.iv2.id })
    expect(await search(t, { q: 'onboarding' })).toEqual([])
    // A transcript's passages go with it.
    sqliteOf(t.app).prepare(`delete from transcripts where id = 'tr1'`).run()
    expect(await search(t, { q: 'dashboard' })).toEqual([])
    expect(sqliteOf(t.app).prepare('select count(*) from transcript_passages').pluck().get()).toBe(0)
  })

  it('shows renamed studies, people and companies in the next search (context is not kept stale)', async () => {
    expect((await search(t, { q: 'expensive' }))[0]).toMatchObject({
      studyName: 'Exit Q1',
      companyName: 'Acme',
    })
    await call(t.app, 'studies:update', { id: s.study.id, name: 'Exit Q2' })
    await call(t.app, 'companies:update', { id: s.company.id, name: 'Acme Ltd' })
    expect((await search(t, { q: 'expensive' }))[0]).toMatchObject({
      studyName: 'Exit Q2',
      companyName: 'Acme Ltd',
    })
    // A change made by another connection (the command line) too.
    const { default: Database } = await import('better-sqlite3')
    const other = new Database(sqliteOf(t.app).name)
    try {
      other.prepare(`update companies set name = 'Acme Group' where id = ?`).run(s.company.id)
    } finally {
      other.close()
    }
    expect((await search(t, { q: 'expensive' }))[0]).toMatchObject({ companyName: 'Acme Group' })
  })

  it('points a quote from a transcript at its paragraph', async () => {
    const db = sqliteOf(t.app)
    // "export kept failing" starts at code point 68 of the plain text, in the third paragraph.
    const plain = db.prepare(`select plain_text from transcripts where id = 'tr1'`).pluck().get() as string
    const start = [...plain].join('').indexOf('export kept')
    db.prepare(
      `insert into highlights (id, interview_id, transcript_id, start_offset, end_offset, quote, memo) values ('h2', ?, 'tr1', ?, ?, 'export kept failing', '')`,
    ).run(s.iv.id, start, start + 19)
    const hits = await search(t, { q: 'failing' })
    expect(hits.find((h) => h.kind === 'highlight')).toMatchObject({
      id: 'h2',
      transcriptId: 'tr1',
      transcriptParagraph: 2,
      title: 'Call recording',
      interviewId: s.iv.id,
    })
  })

  it('finds the reasons given with NPS, CSAT and CES, opening at the question that asks for the rating', async () => {
    await call(t.app, 'interviews:update', {
      id: s.iv.id,
      nps: 3,
      npsReason: 'Invoices arrived late every quarter',
      csat: 2,
      csatReason: 'Support never called back',
    })
    const exit = await call(t.app, 'interviews:create', { studyId: s.study.id, scriptId: 'builtin:exit:en' })
    await call(t.app, 'interviews:update', {
      id: exit.id,
      ces: 6,
      cesReason: 'Exporting invoices took hours',
    })

    const invoices = (await call(t.app, 'search:query', { q: 'invoices' })).groups.find(
      (g) => g.kind === 'rating',
    )
    // Newest first; each hit names its rating and score, and opens its interview at the rating's question.
    expect(invoices?.hits.map((h) => [h.interviewId, h.title, h.questionId, h.studyName])).toEqual([
      [exit.id, 'CES 6', 'exit.ratings.q2', 'Exit Q1'],
      [s.iv.id, 'NPS 3', 'jtbd.close.q1', 'Exit Q1'],
    ])
    expect(invoices?.hits[1]).toMatchObject({ participantName: 'Ann Lee', companyName: 'Acme' })
    expect(invoices?.hits[1]?.snippet).toContainEqual({ text: 'Invoices', match: true })
    // The JTBD script has no CSAT question: the hit opens the interview where it was left.
    expect(await search(t, { q: 'called back' })).toMatchObject([
      { kind: 'rating', interviewId: s.iv.id, title: 'CSAT 2', questionId: null },
    ])
    expect(await search(t, { q: 'invoices', studyId: s.other.id })).toEqual([])

    // The index follows edits and deletions.
    await call(t.app, 'interviews:update', { id: s.iv.id, npsReason: 'Fine overall' })
    expect((await search(t, { q: 'invoices' })).map((h) => h.interviewId)).toEqual([exit.id])
    await call(t.app, 'interviews:delete', { id: exit.id })
    expect(await search(t, { q: 'invoices' })).toEqual([])
    expect((await search(t, { q: 'fine' })).map((h) => h.kind)).toEqual(['rating'])
  })

  it('indexes the rating reasons of a library from before rating search when it is upgraded', async () => {
    await call(t.app, 'interviews:update', { id: s.iv.id, nps: 9, npsReason: 'Реестр счетов удобный' })
    rollBackTo(sqliteOf(t.app), '0008_rating_reasons_search')
    expect(
      sqliteOf(t.app)
        .prepare("select count(*) from sqlite_master where name like 'ratings_fts%'")
        .pluck()
        .get(),
    ).toBe(0)
    await t.reopen()
    expect(await search(t, { q: 'реестр' })).toMatchObject([{ kind: 'rating', interviewId: s.iv.id }])
  })

  it('refuses malformed input', async () => {
    expect((await fail(t.app, 'search:query', { q: 'x'.repeat(501) })).code).toBe('VALIDATION')
    expect((await fail(t.app, 'search:query', { q: 'x', limit: 0 })).code).toBe('VALIDATION')
    expect((await fail(t.app, 'search:query', {})).code).toBe('VALIDATION')
    const noKind = await fail(t.app, 'search:query', { q: 'x', before: 5 })
    expect(noKind.message).toBe('kind: A next page (before) is for one kind of result: give kind too')
  })
})
