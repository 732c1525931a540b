import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, JTBD_EN, seedBasics, setupApp, sqliteOf, type TestApp, rollBackTo } from './helpers'

/**
 * interview_tag_counts is derived from highlight_tags by triggers. After every kind of write through the
 * real channels it must equal a recount from scratch, or the churn roll-up would drift from the evidence.
 */
let t: TestApp
let seed: Awaited<ReturnType<typeof seedBasics>>

const RECOUNT = `select h.interview_id as interviewId, ht.tag_id as tagId, count(*) as highlights
  from highlight_tags ht join highlights h on h.id = ht.highlight_id where h.interview_id is not null
  group by 1, 2 order by 1, 2`
const STORED = `select interview_id as interviewId, tag_id as tagId, highlights from interview_tag_counts order by 1, 2`

function expectExact(): Record<string, number> {
  const db = sqliteOf(t.app)
  const stored = db.prepare(STORED).all()
  expect(stored).toEqual(db.prepare(RECOUNT).all())
  return Object.fromEntries(
    (stored as { interviewId: string; tagId: string; highlights: number }[]).map((r) => [
      `${r.interviewId === seed.interview.id ? 'i1' : 'i2'}:${r.tagId}`,
      r.highlights,
    ]),
  )
}

const p = (...content: object[]) => ({ type: 'paragraph', content })
const txt = (text: string, ids?: string[]) =>
  ids ? { type: 'text', text, marks: [{ type: 'highlight', attrs: { ids } }] } : { type: 'text', text }
const saveNote = (interviewId: string, questionId: string, ...content: object[]) =>
  call(t.app, 'notes:save', { interviewId, questionId, doc: { type: 'doc', content }, plainText: '' })

beforeEach(async () => {
  t = await setupApp()
  seed = await seedBasics(t.app)
  const db = sqliteOf(t.app)
  for (const [id, name, kind] of [
    ['tag-price', 'Price too high', 'churn_reason'],
    ['tag-support', 'Slow support', 'churn_reason'],
    ['tag-theme', 'Pricing', 'theme'],
  ])
    db.prepare("insert into tags (id, name, kind, color) values (?, ?, ?, '#cc3333')").run(id, name, kind)
})
afterEach(() => t.cleanup())

describe('interview_tag_counts', () => {
  it('stays equal to a recount through tagging, retagging, merging, deleting and moving evidence', async () => {
    const { imported } = await call(t.app, 'transcripts:import', {
      interviewId: seed.interview.id,
      files: [{ name: 'call.txt', text: 'The price was too high and support was slow to answer.' }],
    })
    const transcriptId = imported[0]?.id ?? ''
    const a = await call(t.app, 'highlights:create', {
      source: { type: 'transcript', transcriptId },
      start: 4,
      end: 9,
      tagIds: ['tag-price', 'tag-theme'],
    })
    const b = await call(t.app, 'highlights:create', {
      source: { type: 'transcript', transcriptId },
      start: 28,
      end: 35,
      tagIds: ['tag-price'],
    })
    expect(expectExact()).toEqual({ 'i1:tag-price': 2, 'i1:tag-theme': 1 })

    await call(t.app, 'highlights:setTags', { id: b.id, tagIds: ['tag-support'] })
    expect(expectExact()).toEqual({ 'i1:tag-price': 1, 'i1:tag-support': 1, 'i1:tag-theme': 1 })

    // Note highlights come and go with the note's marks; their tags are detached and restored by id.
    await saveNote(seed.interview.id, seed.questionId, p(txt('Renewal '), txt('doubled', ['hl-n1'])))
    await call(t.app, 'highlights:setTags', { id: 'hl-n1', tagIds: ['tag-price'] })
    expect(expectExact()).toMatchObject({ 'i1:tag-price': 2 })
    await saveNote(seed.interview.id, seed.questionId, p(txt('Renewal ')))
    expect(expectExact()).toMatchObject({ 'i1:tag-price': 1 })
    await saveNote(seed.interview.id, seed.questionId, p(txt('Renewal '), txt('doubled', ['hl-n1'])))
    expect(expectExact()).toMatchObject({ 'i1:tag-price': 2 })

    // Merging reassigns (a highlight already carrying the target keeps one row) and removes the source's rows.
    await call(t.app, 'highlights:setTags', { id: a.id, tagIds: ['tag-price', 'tag-support', 'tag-theme'] })
    const merged = await call(t.app, 'tags:merge', { sourceId: 'tag-support', targetId: 'tag-price' })
    expect(expectExact()).toEqual({ 'i1:tag-price': 3, 'i1:tag-theme': 1 })
    // Undoing the merge gives the source back its rows; merging again is the state above.
    await call(t.app, 'tags:undoMerge', { mergeId: merged.mergeId })
    expect(expectExact()).toEqual({ 'i1:tag-price': 2, 'i1:tag-support': 2, 'i1:tag-theme': 1 })
    await call(t.app, 'tags:merge', { sourceId: 'tag-support', targetId: 'tag-price' })
    expect(expectExact()).toEqual({ 'i1:tag-price': 3, 'i1:tag-theme': 1 })

    await call(t.app, 'highlights:delete', { id: a.id })
    expect(expectExact()).toEqual({ 'i1:tag-price': 2 })

    // A second interview's evidence is counted apart; deleting the transcript or the interview drops its rows.
    const second = await call(t.app, 'interviews:create', {
      studyId: seed.study.id,
      participantId: seed.participant.id,
      scriptId: JTBD_EN,
    })
    const other = await call(t.app, 'transcripts:import', {
      interviewId: second.id,
      files: [{ name: 'other.txt', text: 'Too expensive for us now.' }],
    })
    await call(t.app, 'highlights:create', {
      source: { type: 'transcript', transcriptId: other.imported[0]?.id ?? '' },
      start: 0,
      end: 14,
      tagIds: ['tag-price', 'tag-theme'],
    })
    expect(expectExact()).toEqual({ 'i1:tag-price': 2, 'i2:tag-price': 1, 'i2:tag-theme': 1 })
    await call(t.app, 'transcripts:delete', { id: transcriptId })
    expect(expectExact()).toEqual({ 'i1:tag-price': 1, 'i2:tag-price': 1, 'i2:tag-theme': 1 })
    await call(t.app, 'interviews:delete', { id: second.id })
    expect(expectExact()).toEqual({ 'i1:tag-price': 1 })
  })

  it('follows a highlight moved to another interview, and is rebuilt exactly when a library is upgraded', async () => {
    const db = sqliteOf(t.app)
    await saveNote(seed.interview.id, seed.questionId, p(txt('Renewal '), txt('doubled', ['hl-n1'])))
    await call(t.app, 'highlights:setTags', { id: 'hl-n1', tagIds: ['tag-price', 'tag-theme'] })
    const second = await call(t.app, 'interviews:create', {
      studyId: seed.study.id,
      participantId: seed.participant.id,
      scriptId: JTBD_EN,
    })
    // No channel moves a highlight between interviews today; the trigger guards the day one does.
    db.prepare('update highlights set interview_id = ? where id = ?').run(second.id, 'hl-n1')
    expect(expectExact()).toEqual({ 'i2:tag-price': 1, 'i2:tag-theme': 1 })

    // A library from before the table existed (tagged evidence, no counts) is counted when it is upgraded.
    rollBackTo(db, '0005_interview_tag_counts')
    await t.reopen()
    expect(expectExact()).toEqual({ 'i2:tag-price': 1, 'i2:tag-theme': 1 })
  })
})
