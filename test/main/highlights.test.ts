import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, fail, seedBasics, setupApp, sqliteOf, type TestApp } from './helpers'

let t: TestApp
let seed: Awaited<ReturnType<typeof seedBasics>>

const p = (...content: object[]) => ({ type: 'paragraph', content })
const txt = (text: string, ids?: string[]) =>
  ids ? { type: 'text', text, marks: [{ type: 'highlight', attrs: { ids } }] } : { type: 'text', text }
const save = (...content: object[]) =>
  call(t.app, 'notes:save', {
    interviewId: seed.interview.id,
    questionId: seed.questionId,
    doc: { type: 'doc', content },
    plainText: '',
  })
const list = () => call(t.app, 'highlights:listForInterview', { interviewId: seed.interview.id })
const fts = (q: string) =>
  sqliteOf(t.app).prepare('select rowid from highlights_fts where highlights_fts match ?').all(q).length

function tag(id: string, name: string) {
  sqliteOf(t.app)
    .prepare("insert into tags (id, name, kind, color) values (?, ?, 'churn_reason', '#cc3333')")
    .run(id, name)
}

beforeEach(async () => {
  t = await setupApp()
  seed = await seedBasics(t.app)
  tag('tag-price', 'Price too high')
  tag('tag-support', 'Poor support')
})
afterEach(() => t.cleanup())

describe('notes:save keeps note highlights in step with the marks', () => {
  it('creates a highlight from a mark with code-point offsets and the quote', async () => {
    await save(p(txt('👋 Hello')), p(txt('The '), txt('price went up', ['hl-1']), txt(' a lot.')))
    const [h] = await list()
    expect(h).toMatchObject({
      id: 'hl-1',
      source: 'note',
      noteId: seed.note.id,
      questionId: seed.questionId,
      start: 12,
      end: 25,
      quote: 'price went up',
      tagIds: [],
    })
    expect(fts('price')).toBe(1)
  })

  it('editing before, inside and after a highlight keeps it attached with the right offsets and quote', async () => {
    await save(p(txt('The '), txt('price went up', ['hl-1']), txt(' a lot.')))
    await call(t.app, 'highlights:setTags', { id: 'hl-1', tagIds: ['tag-price'] })
    await save(p(txt('Before. ')), p(txt('So the '), txt('price went up', ['hl-1']), txt(' a lot.')))
    expect((await list())[0]).toMatchObject({
      start: 16,
      end: 29,
      quote: 'price went up',
      tagIds: ['tag-price'],
    })
    await save(p(txt('Before. ')), p(txt('So the '), txt('price really went up', ['hl-1']), txt(' a lot.')))
    expect((await list())[0]).toMatchObject({ start: 16, end: 36, quote: 'price really went up' })
    await save(
      p(txt('Before. ')),
      p(txt('So the '), txt('price really went up', ['hl-1']), txt(' a lot, sadly.')),
    )
    expect((await list())[0]).toMatchObject({
      start: 16,
      end: 36,
      quote: 'price really went up',
      tagIds: ['tag-price'],
    })
    expect(fts('really')).toBe(1)
    expect(fts('went')).toBe(1)
  })

  it('a partly deleted highlight keeps the rest; a fully deleted one is deleted with its tags', async () => {
    await save(p(txt('The '), txt('price went up', ['hl-1'])))
    await call(t.app, 'highlights:setTags', { id: 'hl-1', tagIds: ['tag-price'] })
    await save(p(txt('The '), txt('price', ['hl-1'])))
    expect((await list())[0]).toMatchObject({ quote: 'price', start: 4, end: 9 })
    await save(p(txt('The ')))
    expect(await list()).toEqual([])
    expect(sqliteOf(t.app).prepare('select count(*) as n from highlight_tags').get()).toEqual({ n: 0 })
    expect(fts('price')).toBe(0)
  })

  it('overlapping highlights and a highlight across paragraphs', async () => {
    await save(
      p(txt('Support was ', ['a']), txt('slow', ['a', 'b']), txt(' and rude', ['b'])),
      p(txt('really', ['b'])),
    )
    const byId = Object.fromEntries((await list()).map((h) => [h.id, h]))
    expect(byId['a']).toMatchObject({ start: 0, end: 16, quote: 'Support was slow' })
    expect(byId['b']).toMatchObject({ start: 12, end: 32, quote: 'slow and rude\nreally' })
  })

  it('ignores malformed ids, and never takes over a transcript highlight’s id', async () => {
    const { imported } = await call(t.app, 'transcripts:import', {
      interviewId: seed.interview.id,
      files: [{ name: 't.txt', text: 'Hello there' }],
    })
    const th = await call(t.app, 'highlights:create', {
      source: { type: 'transcript', transcriptId: imported[0]?.id ?? '' },
      start: 0,
      end: 5,
    })
    await save(p(txt('x', ['bad id!']), txt('y', [th.id])))
    const all = await list()
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({ id: th.id, source: 'transcript', quote: 'Hello' })
  })
})

describe('highlights channels', () => {
  let transcriptId: string
  beforeEach(async () => {
    const { imported } = await call(t.app, 'transcripts:import', {
      interviewId: seed.interview.id,
      files: [
        {
          name: 'c.vtt',
          text: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana>Hi 👋 the price was too high\n',
        },
      ],
    })
    transcriptId = imported[0]?.id ?? ''
  })

  it('create → setTags → update → delete', async () => {
    const h = await call(t.app, 'highlights:create', {
      source: { type: 'transcript', transcriptId },
      start: 5,
      end: 27,
      tagIds: ['tag-price'],
    })
    expect(h).toMatchObject({
      source: 'transcript',
      interviewId: seed.interview.id,
      transcriptId,
      quote: 'the price was too high',
      tagIds: ['tag-price'],
      emotion: null,
      memo: '',
    })
    const tagged = await call(t.app, 'highlights:setTags', {
      id: h.id,
      tagIds: ['tag-support', 'tag-price', 'tag-support'],
    })
    expect(tagged.tagIds).toEqual(['tag-support', 'tag-price'])
    const updated = await call(t.app, 'highlights:update', { id: h.id, memo: 'key quote', emotion: -2 })
    expect(updated).toMatchObject({ memo: 'key quote', emotion: -2, tagIds: ['tag-support', 'tag-price'] })
    expect((await call(t.app, 'highlights:update', { id: h.id, emotion: null })).memo).toBe('key quote')
    expect(fts('key')).toBe(1)
    await call(t.app, 'highlights:delete', { id: h.id })
    expect(await list()).toEqual([])
    expect((await fail(t.app, 'highlights:delete', { id: h.id })).code).toBe('NOT_FOUND')
  })

  it('refuses unknown or deleted tags, offsets past the text, blank passages and emotions out of range', async () => {
    const base = { source: { type: 'transcript', transcriptId }, start: 0, end: 2 } as const
    expect((await fail(t.app, 'highlights:create', { ...base, tagIds: ['nope'] })).message).toMatch(
      /Tag nope does not exist/,
    )
    sqliteOf(t.app).prepare("update tags set deleted_at = '2026-01-01' where id = 'tag-support'").run()
    expect((await fail(t.app, 'highlights:create', { ...base, tagIds: ['tag-support'] })).code).toBe(
      'VALIDATION',
    )
    const past = await fail(t.app, 'highlights:create', { ...base, end: 28 })
    expect(past).toMatchObject({ code: 'VALIDATION' })
    expect(past.message).toMatch(/past the end of the transcript, which has 27 characters/)
    expect((await fail(t.app, 'highlights:create', { ...base, start: 2, end: 3 })).message).toMatch(
      /some text/,
    )
    expect((await fail(t.app, 'highlights:create', { ...base, start: 3, end: 3 })).code).toBe('VALIDATION')
    expect(
      (
        await fail(t.app, 'highlights:create', {
          ...base,
          source: { type: 'transcript', transcriptId: 'nope' },
        })
      ).code,
    ).toBe('NOT_FOUND')
    const h = await call(t.app, 'highlights:create', base)
    expect((await fail(t.app, 'highlights:update', { id: h.id, emotion: 3 })).message).toMatch(/−2 … \+2/)
    expect((await fail(t.app, 'highlights:setTags', { id: h.id, tagIds: ['tag-support'] })).message).toMatch(
      /does not exist/,
    )
    expect(
      (await call(t.app, 'highlights:listForInterview', { interviewId: seed.interview.id })).map(
        (x) => x.tagIds,
      ),
    ).toEqual([[]])
  })
})
