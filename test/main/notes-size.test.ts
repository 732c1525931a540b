import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_NOTE_DOC_CHARS, MAX_NOTE_TEXT_CHARS } from '../../src/shared/notes/limits'
import { call, dbState, invoke, seedBasics, setupApp, sqliteOf, type Seed, type TestApp } from './helpers'

let t: TestApp
let seed: Seed

beforeEach(async () => {
  t = await setupApp()
  seed = await seedBasics(t.app)
})
afterEach(() => t.cleanup())

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

describe('notes:save size limit', () => {
  it('saves a note of exactly the text limit', async () => {
    const text = 'a'.repeat(MAX_NOTE_TEXT_CHARS)
    const note = await call(t.app, 'notes:save', {
      interviewId: seed.interview.id,
      questionId: seed.questionId,
      doc: { type: 'doc', content: [paragraph(text)] },
      plainText: text,
    })
    expect(note.plainText).toHaveLength(MAX_NOTE_TEXT_CHARS)
  })

  it('refuses one character more as TOO_LARGE, saying the size and the limit, and changes nothing', async () => {
    const sqlite = sqliteOf(t.app)
    const before = dbState(sqlite)
    const text = 'a'.repeat(MAX_NOTE_TEXT_CHARS + 1)
    const env = await invoke(t.app, 'notes:save', {
      interviewId: seed.interview.id,
      questionId: seed.questionId,
      doc: { type: 'doc', content: [paragraph(text)] },
      plainText: text,
    })
    expect(env).toMatchObject({
      ok: false,
      error: {
        code: 'TOO_LARGE',
        params: { what: 'text', limit: String(MAX_NOTE_TEXT_CHARS), size: String(MAX_NOTE_TEXT_CHARS + 1) },
      },
    })
    if (!env.ok)
      expect(env.error.message).toBe(
        `This note has 250001 characters; one question's notes may hold at most 250000.`,
      )
    expect(dbState(sqlite)).toEqual(before)
    expect((await call(t.app, 'notes:list', { interviewId: seed.interview.id }))[0]?.plainText).toBe('hello')
  })

  it('refuses a document over its own limit (thousands of tiny marks) as TOO_LARGE "doc"', async () => {
    const marked = {
      type: 'text',
      text: 'x',
      marks: [{ type: 'highlight', attrs: { ids: ['h'.repeat(36)] } }],
    }
    const content = [{ type: 'paragraph', content: Array.from({ length: 40_000 }, () => marked) }]
    expect(JSON.stringify({ type: 'doc', content }).length).toBeGreaterThan(MAX_NOTE_DOC_CHARS)
    const env = await invoke(t.app, 'notes:save', {
      interviewId: seed.interview.id,
      questionId: seed.questionId,
      doc: { type: 'doc', content },
      plainText: 'x'.repeat(40_000),
    })
    expect(env).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', params: { what: 'doc' } } })
  })

  it('other bad input of notes:save stays VALIDATION', async () => {
    const env = await invoke(t.app, 'notes:save', {
      interviewId: seed.interview.id,
      questionId: '',
      doc: { type: 'doc' },
      plainText: 'x'.repeat(MAX_NOTE_TEXT_CHARS + 1),
    })
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
