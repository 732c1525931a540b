import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, setupApp, sqliteOf, type TestApp } from './helpers'
import { highlight, seedReasonTags, seedSwitchStudy, tag } from './rollup-fixture'

let t: TestApp
let db: Database.Database

beforeEach(async () => {
  t = await setupApp()
  db = sqliteOf(t.app)
  seedReasonTags(db)
})
afterEach(() => t.cleanup())

describe('matrices', () => {
  it('co-occurrence and segment matrices count companies', async () => {
    const s = await seedSwitchStudy(t.app, db)
    const co = await call(t.app, 'matrix:cooccurrence', { tags: { kind: 'jtbd_force' }, studyId: s.study.id })
    expect(co.tags.map((x) => x.name)).toEqual(['Push', 'Pull', 'Habit'])
    expect(co.counts).toEqual([
      [1, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ])
    const seg = await call(t.app, 'matrix:segments', { tags: { kind: 'jtbd_force' } })
    expect(seg.segments).toEqual(['A', 'B', 'C', 'D', 'unsegmented'])
    expect(seg.counts).toEqual([
      [1, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
    ])
    const kids = await call(t.app, 'matrix:cooccurrence', { tags: { parentId: 'push' } })
    const slow = { id: 'push-slow', name: 'Too slow', code: null }
    expect(kids).toEqual({ tags: [slow], columns: [slow], counts: [[1]] })
  })

  it('a kind whose top level is one root tag (as the starter codebooks are) stands for the root’s children', async () => {
    const s = await seedSwitchStudy(t.app, db)
    tag(db, 'emo', { kind: 'emotion', name: 'Emotions' })
    tag(db, 'emo-neg', { kind: 'emotion', parent: 'emo', name: 'Frustrated' })
    tag(db, 'emo-pos', { kind: 'emotion', parent: 'emo', name: 'Relieved', position: 1 })
    highlight(db, s.i1.id, 'Finally', ['emo-pos'])
    const m = await call(t.app, 'matrix:cooccurrence', {
      tags: { kind: 'emotion' },
      columns: { kind: 'jtbd_force' },
    })
    expect(m.tags.map((x) => x.name)).toEqual(['Frustrated', 'Relieved'])
    expect(m.counts).toEqual([
      [0, 0, 0],
      [1, 1, 0],
    ])
  })

  it('crosses two different tag kinds: forces × switch phases, counted per company', async () => {
    const s = await seedSwitchStudy(t.app, db)
    const m = await call(t.app, 'matrix:cooccurrence', {
      tags: { kind: 'jtbd_force' },
      columns: { kind: 'jtbd_phase' },
      studyId: s.study.id,
    })
    expect(m.tags.map((x) => x.name)).toEqual(['Push', 'Pull', 'Habit'])
    expect(m.columns.map((x) => x.name)).toEqual(['First thought', 'Deciding'])
    // Acme has push (via "Too slow"), pull, first thought and deciding; Beta only habit and no phase.
    expect(m.counts).toEqual([
      [1, 1],
      [1, 1],
      [0, 0],
    ])
  })
})
