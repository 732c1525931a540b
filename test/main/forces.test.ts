import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, setupApp, sqliteOf, type TestApp } from './helpers'
import { seedReasonTags, seedSwitchStudy } from './rollup-fixture'

let t: TestApp
let db: Database.Database

beforeEach(async () => {
  t = await setupApp()
  db = sqliteOf(t.app)
  seedReasonTags(db)
})
afterEach(() => t.cleanup())

describe('JTBD forces and the switch timeline', () => {
  it('four quadrants with per-participant counts and quotes', async () => {
    const s = await seedSwitchStudy(t.app, db)
    const f = await call(t.app, 'forces:summary', { studyId: s.study.id })
    expect(f.map((x) => [x.force, x.participants, x.highlights])).toEqual([
      ['push', 1, 2],
      ['pull', 1, 1],
      ['anxiety', 0, 0],
      ['habit', 1, 1],
    ])
    expect(f[0]!.quotes.map((q) => [q.quote, q.tagName, q.participantName])).toEqual([
      ['Excel was slow', 'Too slow', 'Ann'],
      ['So slow', 'Push', 'Ann'],
    ])
  })

  it('the switch timeline orders by phase, not by elapsed time', async () => {
    const s = await seedSwitchStudy(t.app, db)
    const tl = await call(t.app, 'forces:timeline', { interviewId: s.i1.id })
    expect(tl.map((x) => [x.phaseName, x.quote, x.elapsedMs])).toEqual([
      ['First thought', 'Excel was slow', 60_000],
      ['Deciding', 'We bought it', 1_000],
    ])
  })
})
