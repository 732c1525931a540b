import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findBuiltinTemplate } from '../../src/shared/templates'
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

async function studyAndPerson() {
  const study = await call(t.app, 'studies:create', {
    name: 'Switch study',
    method: 'jtbd_switch',
    targetInterviews: 10,
  })
  const company = await call(t.app, 'companies:create', { name: 'Acme', segment: 'B' })
  const person = await call(t.app, 'participants:create', { name: 'Ann', companyId: company.id })
  return { study, company, person }
}

describe('interviews', () => {
  it('create from a built-in script copies the script into the interview', async () => {
    const { study, company, person } = await studyAndPerson()
    const created = await call(t.app, 'interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: JTBD_EN,
      title: ' First call ',
      interviewer: 'Me',
      scheduledAt: '2026-03-05T10:00:00.000Z',
      plannedMinutes: 45,
    })
    const template = findBuiltinTemplate(JTBD_EN)!
    expect(created).toMatchObject({
      studyId: study.id,
      studyName: 'Switch study',
      method: 'jtbd_switch',
      participantId: person.id,
      participantName: 'Ann',
      companyId: company.id,
      companyName: 'Acme',
      companySegment: 'B',
      title: 'First call',
      scriptSourceId: JTBD_EN,
      scriptName: template.name,
      interviewer: 'Me',
      status: 'planned',
      scheduledAt: '2026-03-05T10:00:00.000Z',
      conductedAt: null,
      plannedMinutes: 45,
      elapsedMs: 0,
      timerRunning: false,
      actualMinutes: 0,
      currentQuestionId: 'jtbd.warmup.q1',
      nps: null,
      csat: null,
      ces: null,
      csiRatings: {},
      notedQuestions: 0,
    })
    const detail = await call(t.app, 'interviews:get', { id: created.id })
    expect(detail.script).toEqual((await call(t.app, 'scripts:get', { id: JTBD_EN })).body)

    expect((await call(t.app, 'interviews:list', { studyId: study.id })).map((i) => i.id)).toEqual([
      created.id,
    ])
    expect((await call(t.app, 'interviews:list', { participantId: person.id })).map((i) => i.id)).toEqual([
      created.id,
    ])
    expect((await call(t.app, 'interviews:list', { companyId: company.id })).map((i) => i.id)).toEqual([
      created.id,
    ])
    expect(await call(t.app, 'interviews:list', { companyId: 'other' })).toEqual([])
  })

  it('snapshot isolation: editing the script afterwards never changes the interview', async () => {
    const { study } = await studyAndPerson()
    const copy = await call(t.app, 'scripts:duplicate', { id: JTBD_EN, name: 'Our JTBD' })
    const interview = await call(t.app, 'interviews:create', { studyId: study.id, scriptId: copy.id })
    expect(interview).toMatchObject({ scriptSourceId: copy.id, scriptName: 'Our JTBD' })
    const original = (await call(t.app, 'interviews:get', { id: interview.id })).script

    const newBody = {
      sections: [
        { id: 'new.s', title: 'Rewritten', questions: [{ id: 'new.q', text: 'Brand new?', probes: [] }] },
      ],
    }
    await call(t.app, 'scripts:update', { id: copy.id, name: 'Renamed', body: newBody })

    const after = await call(t.app, 'interviews:get', { id: interview.id })
    expect(after.script).toEqual(original)
    expect(after.script).toEqual(copy.body)
    expect(after.scriptName).toBe('Our JTBD')
    // Notes follow the snapshot, not the edited script.
    expect(
      (
        await fail(t.app, 'notes:save', {
          interviewId: interview.id,
          questionId: 'new.q',
          doc: doc('x'),
          plainText: 'x',
        })
      ).code,
    ).toBe('VALIDATION')
    expect(
      (
        await call(t.app, 'notes:save', {
          interviewId: interview.id,
          questionId: 'jtbd.warmup.q1',
          doc: doc('x'),
          plainText: 'x',
        })
      ).questionId,
    ).toBe('jtbd.warmup.q1')

    // Deleting the script leaves the interview whole as well.
    expect((await call(t.app, 'scripts:deleteImpact', { id: copy.id })).interviews).toBe(1)
    await call(t.app, 'scripts:delete', { id: copy.id })
    expect((await call(t.app, 'interviews:get', { id: interview.id })).script).toEqual(original)
  })

  it('timer: elapsed time accumulates across pause and resume and survives reopening the library', async () => {
    const { study } = await studyAndPerson()
    const created = await call(t.app, 'interviews:create', { studyId: study.id, scriptId: JTBD_EN })
    const timer = (action: 'start' | 'pause' | 'finish' | 'reopen') =>
      call(t.app, 'interviews:timer', { id: created.id, action })

    const started = await timer('start')
    expect(started).toMatchObject({
      status: 'in_progress',
      timerRunning: true,
      elapsedMs: 0,
      conductedAt: '2026-03-02T09:00:00.000Z',
    })
    t.clock.advance(10 * MINUTE)
    expect((await call(t.app, 'interviews:get', { id: created.id })).elapsedMs).toBe(10 * MINUTE)
    // Starting a running clock again does not reset it.
    expect((await timer('start')).elapsedMs).toBe(10 * MINUTE)

    expect(await timer('pause')).toMatchObject({
      elapsedMs: 10 * MINUTE,
      timerRunning: false,
      status: 'in_progress',
    })
    t.clock.advance(30 * MINUTE) // paused time does not count
    expect((await call(t.app, 'interviews:get', { id: created.id })).elapsedMs).toBe(10 * MINUTE)

    await timer('start')
    t.clock.advance(2 * MINUTE)
    expect((await call(t.app, 'interviews:get', { id: created.id })).elapsedMs).toBe(12 * MINUTE)

    // Quit and start again while the clock runs: the start time is in the file, so time keeps counting.
    const app = await t.reopen()
    expect((await call(app, 'library:current'))?.path).toBe(t.libraryPath)
    t.clock.advance(3 * MINUTE)
    const resumed = await call(app, 'interviews:get', { id: created.id })
    expect(resumed).toMatchObject({ elapsedMs: 15 * MINUTE, timerRunning: true, actualMinutes: 15 })

    const finished = await call(app, 'interviews:timer', { id: created.id, action: 'finish' })
    expect(finished).toMatchObject({
      status: 'done',
      timerRunning: false,
      elapsedMs: 15 * MINUTE,
      actualMinutes: 15,
      conductedAt: '2026-03-02T09:00:00.000Z',
    })
    t.clock.advance(60 * MINUTE)
    expect((await call(app, 'interviews:get', { id: created.id })).elapsedMs).toBe(15 * MINUTE)
    expect((await fail(app, 'interviews:timer', { id: created.id, action: 'start' })).code).toBe('CONFLICT')

    expect(await call(app, 'interviews:timer', { id: created.id, action: 'reopen' })).toMatchObject({
      status: 'in_progress',
      timerRunning: false,
      elapsedMs: 15 * MINUTE,
    })
    await call(app, 'interviews:timer', { id: created.id, action: 'start' })
    t.clock.advance(MINUTE)
    expect((await call(app, 'interviews:timer', { id: created.id, action: 'pause' })).elapsedMs).toBe(
      16 * MINUTE,
    )
  })

  it('ratings update, and study and company metrics', async () => {
    const { study, company, person } = await studyAndPerson()
    const other = await call(t.app, 'participants:create', { name: 'Bo' }) // no company
    const mk = (participantId: string) =>
      call(t.app, 'interviews:create', { studyId: study.id, participantId, scriptId: JTBD_EN })
    const a = await mk(person.id)
    const b = await mk(person.id)
    const c = await mk(other.id)
    await mk(other.id) // no ratings at all

    const rated = await call(t.app, 'interviews:update', {
      id: a.id,
      nps: 9,
      npsReason: 'Fast',
      csat: 5,
      ces: 2,
      csiRatings: { ease_of_use: 5, price_value: 3 },
    })
    expect(rated).toMatchObject({
      nps: 9,
      npsReason: 'Fast',
      csat: 5,
      ces: 2,
      csiRatings: { ease_of_use: 5, price_value: 3 },
    })
    // CSI ratings merge per driver; null clears one.
    const merged = await call(t.app, 'interviews:update', {
      id: a.id,
      csiRatings: { support_quality: 4, price_value: null },
    })
    expect(merged.csiRatings).toEqual({ ease_of_use: 5, price_value: null, support_quality: 4 })
    expect(merged).toMatchObject({ nps: 9, csat: 5, ces: 2 })
    await call(t.app, 'interviews:update', { id: b.id, nps: 10, csat: 4, ces: 4 })
    await call(t.app, 'interviews:update', { id: c.id, nps: 6, csat: 3, csiRatings: { ease_of_setup: 3 } })

    const studyMetrics = (await call(t.app, 'studies:get', { id: study.id })).metrics
    expect(studyMetrics.interviews).toBe(4)
    expect(studyMetrics.nps).toMatchObject({ respondents: 3, promoters: 2, passives: 0, detractors: 1 })
    expect(studyMetrics.nps?.value).toBeCloseTo(33.333_333, 5)
    // CSAT sum-ratio: (5 + 4 + 3) / (3 × 5) = 80 %; top-2-box 2 of 3.
    expect(studyMetrics.csat?.value).toBeCloseTo(80, 10)
    expect(studyMetrics.csat?.top2box).toBeCloseTo(66.666_667, 5)
    expect(studyMetrics.csat?.respondents).toBe(3)
    expect(studyMetrics.ces).toEqual({ value: 3, respondents: 2 })
    // CSI pools every rating: 5, 4, 3 → mean 4, 80 %.
    expect(studyMetrics.csi).toEqual({ value: 4, percent: 80, rated: 3 })

    const companyMetrics = (await call(t.app, 'companies:get', { id: company.id })).metrics
    expect(companyMetrics.interviews).toBe(2)
    expect(companyMetrics.nps).toMatchObject({ value: 100, respondents: 2, promoters: 2, detractors: 0 })
    expect(companyMetrics.csat?.value).toBeCloseTo(90, 10)
    expect(companyMetrics.ces).toEqual({ value: 3, respondents: 2 })
    expect(companyMetrics.csi).toEqual({ value: 4.5, percent: 90, rated: 2 })

    // Clearing a rating removes it from the metrics.
    await call(t.app, 'interviews:update', { id: c.id, nps: null })
    expect((await call(t.app, 'studies:get', { id: study.id })).metrics.nps).toMatchObject({
      value: 100,
      respondents: 2,
    })
  })

  it('update changes only the fields sent', async () => {
    const { study, person } = await studyAndPerson()
    const created = await call(t.app, 'interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: JTBD_EN,
      title: 'T',
      plannedMinutes: 30,
    })
    t.clock.advance(MINUTE)
    const updated = await call(t.app, 'interviews:update', {
      id: created.id,
      currentQuestionId: 'jtbd.job.q1',
      interviewer: 'Kim',
    })
    expect(updated).toEqual({
      ...created,
      currentQuestionId: 'jtbd.job.q1',
      interviewer: 'Kim',
      updatedAt: '2026-03-02T09:01:00.000Z',
    })
    const unlinked = await call(t.app, 'interviews:update', { id: created.id, participantId: null })
    expect(unlinked).toMatchObject({
      participantId: null,
      participantName: null,
      companyId: null,
      title: 'T',
    })
  })

  it('deleteImpact counts notes, and delete cascades to them', async () => {
    const { study } = await studyAndPerson()
    const i = await call(t.app, 'interviews:create', {
      studyId: study.id,
      scriptId: JTBD_EN,
      title: 'Doomed call',
    })
    const keep = await call(t.app, 'interviews:create', { studyId: study.id, scriptId: JTBD_EN })
    for (const q of ['jtbd.warmup.q1', 'jtbd.warmup.q2'])
      await call(t.app, 'notes:save', { interviewId: i.id, questionId: q, doc: doc('n'), plainText: 'n' })
    await call(t.app, 'notes:save', {
      interviewId: keep.id,
      questionId: 'jtbd.warmup.q1',
      doc: doc('k'),
      plainText: 'k',
    })

    expect(await call(t.app, 'interviews:deleteImpact', { id: i.id })).toEqual({
      name: 'Doomed call',
      interviews: 1,
      participants: 0,
      notes: 2,
    })
    await call(t.app, 'interviews:delete', { id: i.id })
    expect(rowCounts(sqliteOf(t.app))).toMatchObject({ interviews: 1, interview_notes: 1 })
    expect((await fail(t.app, 'interviews:get', { id: i.id })).code).toBe('NOT_FOUND')
  })
})

describe('domain rules', () => {
  let seed: Seed
  beforeEach(async () => {
    seed = await seedBasics(t.app)
  })

  it('ratings out of range: NPS 11, CSAT 0, CES 8', async () => {
    expect(await expectRefused(t.app, 'interviews:update', { id: seed.interview.id, nps: 11 })).toBe(
      'nps: NPS is 0–10',
    )
    expect(await expectRefused(t.app, 'interviews:update', { id: seed.interview.id, csat: 0 })).toBe(
      'csat: CSAT is 1–5',
    )
    expect(await expectRefused(t.app, 'interviews:update', { id: seed.interview.id, ces: 8 })).toBe(
      'ces: CES is 1–7',
    )
    // A refused rating in a call with valid ones saves none of them.
    await expectRefused(t.app, 'interviews:update', { id: seed.interview.id, nps: 9, ces: 8 })
    expect((await call(t.app, 'interviews:get', { id: seed.interview.id })).nps).toBeNull()
  })
})
