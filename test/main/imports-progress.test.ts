import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SAVE_BATCH } from '../../src/main/db/job-progress'
import { call, fail, setupApp, sqliteOf, type TestApp } from './helpers'

/**
 * A large import saves in batches inside one transaction, reporting progress between batches. Meanwhile
 * the library is held: other calls wait and are never part of the import's transaction.
 */
let t: TestApp
let db: Database.Database
beforeEach(async () => {
  t = await setupApp()
  db = sqliteOf(t.app)
  db.prepare(
    "insert into tags (id, name, code, kind) values ('prc1', 'Too expensive', 'PRC-01', 'churn_reason')",
  ).run()
})
afterEach(() => t.cleanup())

const ROWS = 2 * SAVE_BATCH + 500
function surveyCsv(poison?: number): string {
  const lines = ['date,company,reason,comment']
  for (let i = 0; i < ROWS; i++)
    lines.push(`2025-04-01,Company ${i % 40},PRC-01,${i === poison ? 'boom' : `Comment ${i}`}`)
  return `${lines.join('\n')}\n`
}

/** Polls imports:progress until the import settles; returns the figures seen and the order calls ended in. */
async function watch(importing: Promise<unknown>, during: () => Promise<unknown>) {
  const ended: string[] = []
  let settled = false
  void importing.then(
    () => ((settled = true), ended.push('import')),
    () => ((settled = true), ended.push('import')),
  )
  const other = during().then(() => ended.push('other'))
  const seen: { done: number; total: number }[] = []
  while (!settled) {
    const p = await call(t.app, 'imports:progress')
    if (p) seen.push(p)
    await new Promise((resolve) => setImmediate(resolve))
  }
  await other
  return { seen, ended }
}

describe('a large import', () => {
  it('reports rows saved of total while it saves, and other calls wait for it', async () => {
    const importing = call(t.app, 'imports:churnSurvey', { csv: surveyCsv() })
    const { seen, ended } = await watch(importing, () =>
      call(t.app, 'studies:create', { name: 'Made during the import', method: 'exit', targetInterviews: 5 }),
    )
    const total = 40 + ROWS // 40 new companies, then the rows
    expect(seen.length).toBeGreaterThan(0)
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([total]))
    const done = seen.map((p) => p.done)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(done.at(-1)).toBe(2 * SAVE_BATCH)
    expect(ended).toEqual(['import', 'other'])
    expect(await importing).toMatchObject({ committed: true, imported: ROWS })
    expect(await call(t.app, 'imports:progress')).toBeNull()
    expect(db.prepare('select count(*) as n from churn_survey_responses').get()).toEqual({ n: ROWS })
  })

  it('that fails in its last batch leaves nothing behind, and a call made meanwhile is kept', async () => {
    db.exec(
      "create temp trigger fail_on_boom before insert on churn_survey_responses when new.comment = 'boom' begin select raise(abort, 'disk trouble'); end",
    )
    const importing = fail(t.app, 'imports:churnSurvey', { csv: surveyCsv(ROWS - 10) })
    const { seen } = await watch(importing, () =>
      call(t.app, 'studies:create', { name: 'Kept', method: 'exit', targetInterviews: 5 }),
    )
    expect(seen.some((p) => p.done >= SAVE_BATCH)).toBe(true)
    expect((await importing).code).toBe('INTERNAL')
    expect(db.prepare('select count(*) as n from churn_survey_responses').get()).toEqual({ n: 0 })
    expect(db.prepare('select count(*) as n from companies').get()).toEqual({ n: 0 })
    expect(db.prepare('select name from studies').all()).toEqual([{ name: 'Kept' }])
    expect(db.inTransaction).toBe(false)
  })
})
