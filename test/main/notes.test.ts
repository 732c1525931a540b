import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  call,
  expectRefused,
  fail,
  JTBD_EN,
  rowCounts,
  seedBasics,
  setupApp,
  sqliteOf,
  type Seed,
  type TestApp,
} from './helpers'

let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

const MINUTE = 60_000
const doc = (text: string) => ({
  type: 'doc' as const,
  content: text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [],
})

describe('notes', () => {
  it('notes:save upserts one note per question: revision increments, firstElapsedMs kept from the first non-empty save', async () => {
    const study = await call(t.app, 'studies:create', {
      name: 'Switch study',
      method: 'jtbd_switch',
      targetInterviews: 10,
    })
    const interview = await call(t.app, 'interviews:create', { studyId: study.id, scriptId: JTBD_EN })
    const save = (plainText: string, elapsedMs: number | null) =>
      call(t.app, 'notes:save', {
        interviewId: interview.id,
        questionId: 'jtbd.job.q1',
        doc: doc(plainText),
        plainText,
        elapsedMs,
      })

    const first = await save('', 1_000)
    expect(first).toMatchObject({ revision: 1, firstElapsedMs: null, plainText: '' })
    t.clock.advance(MINUTE)
    const second = await save('They were losing leads', 65_000)
    expect(second).toMatchObject({
      id: first.id,
      revision: 2,
      firstElapsedMs: 65_000,
      updatedAt: '2026-03-02T09:01:00.000Z',
    })
    const third = await save('They were losing leads every week', 90_000)
    expect(third).toMatchObject({
      id: first.id,
      revision: 3,
      firstElapsedMs: 65_000,
      plainText: 'They were losing leads every week',
    })
    expect(third.doc).toEqual(doc('They were losing leads every week'))
    const cleared = await save('', 120_000)
    expect(cleared).toMatchObject({ revision: 4, firstElapsedMs: 65_000, plainText: '' })

    const other = await call(t.app, 'notes:save', {
      interviewId: interview.id,
      questionId: 'jtbd.job.q2',
      doc: doc('Cost'),
      plainText: 'Cost',
      elapsedMs: 200_000,
    })
    expect(other).toMatchObject({ revision: 1, firstElapsedMs: 200_000 })
    expect(other.id).not.toBe(first.id)

    const notes = await call(t.app, 'notes:list', { interviewId: interview.id })
    expect(notes.map((n) => [n.questionId, n.revision]).sort()).toEqual([
      ['jtbd.job.q1', 4],
      ['jtbd.job.q2', 1],
    ])
    expect(rowCounts(sqliteOf(t.app)).interview_notes).toBe(2)
    // Only notes with text count as noted questions.
    expect((await call(t.app, 'interviews:get', { id: interview.id })).notedQuestions).toBe(1)
    expect((await fail(t.app, 'notes:list', { interviewId: 'missing' })).code).toBe('NOT_FOUND')
  })
})

describe('domain rules', () => {
  let seed: Seed
  beforeEach(async () => {
    seed = await seedBasics(t.app)
  })

  it("notes:save for a question that is not in the interview's script → VALIDATION", async () => {
    const msg = await expectRefused(t.app, 'notes:save', {
      interviewId: seed.interview.id,
      questionId: 'exit.reason.q1',
      doc: { type: 'doc' },
      plainText: 'x',
    })
    expect(msg).toContain('exit.reason.q1')
    expect(await call(t.app, 'notes:list', { interviewId: seed.interview.id })).toHaveLength(1)
  })
})
