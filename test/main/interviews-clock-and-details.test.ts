import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, JTBD_EN, setupApp, type TestApp } from './helpers'

let t: TestApp
let interviewId: string

beforeEach(async () => {
  t = await setupApp()
  const study = await call(t.app, 'studies:create', { name: 'Exit', method: 'exit', targetInterviews: 8 })
  interviewId = (await call(t.app, 'interviews:create', { studyId: study.id, scriptId: JTBD_EN })).id
})
afterEach(() => t.cleanup())

describe('interview details and the clock', () => {
  it('marking an interview done in its details stops a running clock, as Finish does', async () => {
    await call(t.app, 'interviews:timer', { id: interviewId, action: 'start' })
    t.clock.advance(10 * 60_000)
    const done = await call(t.app, 'interviews:update', { id: interviewId, status: 'done' })
    expect(done.timerRunning).toBe(false)
    expect(done.elapsedMs).toBe(10 * 60_000)
    t.clock.advance(30 * 60_000)
    const later = await call(t.app, 'interviews:get', { id: interviewId })
    expect(later.elapsedMs).toBe(10 * 60_000)
    expect(later.actualMinutes).toBe(10)
  })

  it('records the conducted time and duration of an interview run without the clock', async () => {
    const iv = await call(t.app, 'interviews:update', {
      id: interviewId,
      status: 'done',
      conductedAt: '2026-02-10T14:00:00.000Z',
      actualMinutes: 52,
    })
    expect(iv.conductedAt).toBe('2026-02-10T14:00:00.000Z')
    expect(iv.actualMinutes).toBe(52)
    expect(iv.elapsedMs).toBe(52 * 60_000)
    expect(iv.timerRunning).toBe(false)
  })
})
