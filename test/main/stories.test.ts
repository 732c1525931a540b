import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, fail, setupApp, sqliteOf, type TestApp } from './helpers'
import { seedReasonTags, seedSwitchStudy } from './rollup-fixture'

let t: TestApp
let db: Database.Database

beforeEach(async () => {
  t = await setupApp()
  db = sqliteOf(t.app)
  seedReasonTags(db)
})
afterEach(() => t.cleanup())

describe('job stories', () => {
  it('job stories: create, list per interview and per study, update, delete', async () => {
    const s = await seedSwitchStudy(t.app, db)
    const js = await call(t.app, 'stories:create', {
      interviewId: s.i1.id,
      situation: 'month-end close',
      motivation: 'reconcile fast',
      outcome: 'go home on time',
    })
    await call(t.app, 'stories:create', {
      interviewId: s.i2.id,
      situation: 's',
      motivation: 'm',
      outcome: 'o',
    })
    expect((await call(t.app, 'stories:list', { interviewId: s.i1.id })).map((x) => x.situation)).toEqual([
      'month-end close',
    ])
    expect(await call(t.app, 'stories:list', { studyId: s.study.id })).toHaveLength(2)
    expect((await call(t.app, 'stories:update', { id: js.id, outcome: 'leave at five' })).outcome).toBe(
      'leave at five',
    )
    await call(t.app, 'stories:delete', { id: js.id })
    expect(await call(t.app, 'stories:list', { interviewId: s.i1.id })).toEqual([])
    expect(
      (
        await fail(t.app, 'stories:create', {
          interviewId: 'nope',
          situation: 's',
          motivation: 'm',
          outcome: 'o',
        })
      ).code,
    ).toBe('NOT_FOUND')
    expect((await fail(t.app, 'stories:list', {})).code).toBe('VALIDATION')
  })
})
