import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, JTBD_EN, ROOT, setupApp, sqliteOf, type TestApp } from './helpers'

/**
 * Every list of quotes (evidence browser, churn click-through, forces quadrants) says where each quote sits,
 * so "open" lands on the transcript paragraph or the question, not the top of the interview.
 */
let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

async function seed() {
  const db = sqliteOf(t.app)
  db.prepare(
    "insert into tags (id, name, code, kind, position, prevention) values ('prc', 'Price', 'PRC-01', 'churn_reason', 0, '')",
  ).run()
  db.prepare(
    "insert into tags (id, name, kind, semantic_key, position, prevention) values ('push', 'Push', 'jtbd_force', 'push', 0, '')",
  ).run()
  const study = await call(t.app, 'studies:create', { name: 'Exits', method: 'exit', targetInterviews: 3 })
  const acme = await call(t.app, 'companies:create', {
    name: 'Acme',
    segment: 'B',
    mrrMinor: 50_000,
    status: 'churned',
    churnedOn: '2026-02-01',
  })
  const dana = await call(t.app, 'participants:create', { name: 'Dana Fox', companyId: acme.id })
  const iv = await call(t.app, 'interviews:create', {
    studyId: study.id,
    participantId: dana.id,
    scriptId: JTBD_EN,
  })
  const vtt = readFileSync(join(ROOT, 'test', 'fixtures', 'transcripts', 'exit-call.vtt'), 'utf8')
  const { imported } = await call(t.app, 'transcripts:import', {
    interviewId: iv.id,
    files: [{ name: 'exit-call.vtt', text: vtt }],
  })
  const transcript = await call(t.app, 'transcripts:get', { id: imported[0]!.id })
  // Dana's two cues merge into one turn: "… kept breaking" is in the second paragraph.
  const start = [...transcript.plainText].join('').indexOf('kept breaking')
  const fromTranscript = await call(t.app, 'highlights:create', {
    source: { type: 'transcript', transcriptId: transcript.id },
    start,
    end: start + 'kept breaking'.length,
    tagIds: ['prc', 'push'],
  })
  // A note quote through the runner's path: the note's mark becomes the highlight.
  const question = (await call(t.app, 'interviews:get', { id: iv.id })).script.sections[0]!.questions[1]!
  const note = await call(t.app, 'notes:save', {
    interviewId: iv.id,
    questionId: question.id,
    doc: { type: 'doc', content: [] },
    plainText: 'Too expensive for us.',
    elapsedMs: 0,
  })
  db.prepare(
    "insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values ('hn', ?, ?, 0, 13, 'Too expensive')",
  ).run(iv.id, note.id)
  db.prepare("insert into highlight_tags (highlight_id, tag_id) values ('hn', 'prc'), ('hn', 'push')").run()
  return { iv, transcript, fromTranscript, question }
}

describe('where a quote sits', () => {
  it('evidence rows, churn quotes and force quotes carry the transcript paragraph or the question', async () => {
    const s = await seed()
    const atTranscript = {
      interviewId: s.iv.id,
      questionId: null,
      transcriptId: s.transcript.id,
      transcriptParagraph: 1,
    }
    const atQuestion = {
      interviewId: s.iv.id,
      questionId: s.question.id,
      transcriptId: null,
      transcriptParagraph: null,
    }
    const place = (q: { quote: string }) => (q.quote === 'kept breaking' ? atTranscript : atQuestion)

    const evidence = await call(t.app, 'evidence:list', { limit: 50, offset: 0 })
    expect(evidence.rows).toHaveLength(2)
    for (const row of evidence.rows) expect(row).toMatchObject(place(row))

    const churn = await call(t.app, 'churn:quotes', { tagId: 'prc' })
    expect(churn).toHaveLength(2)
    for (const q of churn) expect(q).toMatchObject(place(q))

    const push = (await call(t.app, 'forces:summary', {})).find((f) => f.force === 'push')!
    expect(push.quotes).toHaveLength(2)
    for (const q of push.quotes) expect(q).toMatchObject(place(q))
  })

  it('counts offsets in code points: emoji and Cyrillic before a quote do not shift its paragraph', async () => {
    const s = await seed()
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000',
      '<v Dana>😀😀😀 Привет 👋🏽 всем',
      '',
      '00:00:02.000 --> 00:00:03.000',
      '<v Ivan>😀 Ещё 🎉 строка',
      '',
      '00:00:03.000 --> 00:00:04.000',
      '<v Dana>kept breaking, the export 🙂',
    ].join('\n')
    const { imported } = await call(t.app, 'transcripts:import', {
      interviewId: s.iv.id,
      files: [{ name: 'emoji.vtt', text: vtt }],
    })
    const transcript = await call(t.app, 'transcripts:get', { id: imported[0]!.id })
    // Offsets are code points (what the editor counts); an emoji is two UTF-16 units.
    const start = [...transcript.plainText].findIndex((_, i, cps) => cps.slice(i, i + 4).join('') === 'kept')
    const h = await call(t.app, 'highlights:create', {
      source: { type: 'transcript', transcriptId: transcript.id },
      start,
      end: start + 4,
    })
    expect(h.quote).toBe('kept')
    const rows = (await call(t.app, 'evidence:list', { limit: 50, offset: 0 })).rows
    expect(rows.find((r) => r.highlightId === h.id)).toMatchObject({
      transcriptId: transcript.id,
      transcriptParagraph: 2,
    })
  })
})
