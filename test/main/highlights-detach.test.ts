import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, seedBasics, setupApp, sqliteOf, type Seed, type TestApp } from './helpers'

let t: TestApp
let seed: Seed

const p = (...content: object[]) => ({ type: 'paragraph', content })
const txt = (text: string, ids?: string[]) =>
  ids ? { type: 'text', text, marks: [{ type: 'highlight', attrs: { ids } }] } : { type: 'text', text }
const saveTo = (questionId: string, ...content: object[]) =>
  call(t.app, 'notes:save', {
    interviewId: seed.interview.id,
    questionId,
    doc: { type: 'doc', content },
    plainText: '',
  })
const list = () => call(t.app, 'highlights:listForInterview', { interviewId: seed.interview.id })

beforeEach(async () => {
  t = await setupApp()
  seed = await seedBasics(t.app)
  sqliteOf(t.app)
    .prepare(
      "insert into tags (id, name, kind, color) values ('tag-price', 'Price too high', 'churn_reason', '#cc3333')",
    )
    .run()
})
afterEach(() => t.cleanup())

describe('a note highlight whose text leaves and comes back', () => {
  it('gets its tags, memo and emotion back after an undo restores the text', async () => {
    await saveTo(seed.questionId, p(txt('The '), txt('price went up', ['hl-1'])))
    await call(t.app, 'highlights:setTags', { id: 'hl-1', tagIds: ['tag-price'] })
    await call(t.app, 'highlights:update', { id: 'hl-1', memo: 'said twice', emotion: -2 })
    await saveTo(seed.questionId, p(txt('The ')))
    expect(await list()).toEqual([])
    await saveTo(seed.questionId, p(txt('The '), txt('price went up', ['hl-1'])))
    expect((await list())[0]).toMatchObject({
      id: 'hl-1',
      tagIds: ['tag-price'],
      memo: 'said twice',
      emotion: -2,
    })
  })

  it('keeps its tags when cut from one question and pasted into another', async () => {
    const other = 'jtbd.warmup.q2'
    await saveTo(seed.questionId, p(txt('The '), txt('price went up', ['hl-1'])))
    await call(t.app, 'highlights:setTags', { id: 'hl-1', tagIds: ['tag-price'] })
    await saveTo(seed.questionId, p(txt('The ')))
    await saveTo(other, p(txt('price went up', ['hl-1'])))
    expect((await list())[0]).toMatchObject({
      id: 'hl-1',
      questionId: other,
      quote: 'price went up',
      tagIds: ['tag-price'],
    })
  })

  it('a pasted copy of a marked passage further on does not stretch the highlight', async () => {
    await saveTo(
      seed.questionId,
      p(txt('price went up', ['hl-1']), txt(' then much more text ')),
      p(txt('price went up', ['hl-1'])),
    )
    expect((await list())[0]).toMatchObject({ quote: 'price went up', start: 0, end: 13 })
  })

  it('keeps a link to a tag deleted since, while the user edits the other tags', async () => {
    sqliteOf(t.app)
      .prepare(
        "insert into tags (id, name, kind, color) values ('tag-extra', 'Renewal', 'churn_reason', '#cc9933')",
      )
      .run()
    await saveTo(seed.questionId, p(txt('price went up', ['hl-1'])))
    await call(t.app, 'highlights:setTags', { id: 'hl-1', tagIds: ['tag-price'] })
    await call(t.app, 'tags:delete', { id: 'tag-price' })
    const h = await call(t.app, 'highlights:setTags', { id: 'hl-1', tagIds: ['tag-price', 'tag-extra'] })
    expect([...h.tagIds].sort()).toEqual(['tag-extra', 'tag-price'])
  })
})
