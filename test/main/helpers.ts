import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contracts'
import type { Envelope } from '../../src/shared/ipc/errors'
import type { AppContext } from '../../src/main/ipc/app-context'
import { dispatch } from '../../src/main/ipc/dispatch'
import { LibraryManager } from '../../src/main/library/library-manager'

export const ROOT = resolve(import.meta.dirname, '..', '..')
export const MIGRATIONS = join(ROOT, 'resources', 'drizzle')
export const TABLES = [
  'studies',
  'companies',
  'participants',
  'scripts',
  'interviews',
  'interview_notes',
] as const

/** A fresh directory under the OS temp folder; remove it with removeTempDir. */
export function makeTempDir(prefix = 'fieldnote-main-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** A clock the test moves by hand: time passes only when advance() is called. */
export class TestClock {
  constructor(public ms = Date.parse('2026-03-02T09:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.ms)
  advance(ms: number): void {
    this.ms += ms
  }
}

/** Deterministic ids: id-0001, id-0002, … */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}-${String(++n).padStart(4, '0')}`
}

export interface TestApp {
  app: AppContext
  dir: string
  dataDir: string
  libraryPath: string
  clock: TestClock
  /** A new LibraryManager on the same data dir and clock (the previous one is closed first). */
  reopen(): Promise<AppContext>
  cleanup(): void
}

export function makeApp(
  dataDir: string,
  clock: TestClock,
  newId: () => string = sequentialIds(),
): AppContext {
  return {
    libraries: new LibraryManager({ dataDir, migrationsFolder: MIGRATIONS, now: clock.now, newId }),
    shell: { kind: 'web', version: 'test' },
  }
}

/** An app with a freshly created library at <tmp>/data/Test.fieldnote, a fixed clock and sequential ids. */
export async function setupApp(opts: { create?: boolean } = {}): Promise<TestApp> {
  const dir = makeTempDir()
  const dataDir = join(dir, 'data')
  const libraryPath = join(dir, 'Test.fieldnote')
  const clock = new TestClock()
  const ids = sequentialIds()
  const t: TestApp = {
    app: makeApp(dataDir, clock, ids),
    dir,
    dataDir,
    libraryPath,
    clock,
    async reopen() {
      t.app.libraries.close()
      t.app = makeApp(dataDir, clock, ids)
      await t.app.libraries.openAtStartup()
      return t.app
    },
    cleanup() {
      t.app.libraries.close()
      removeTempDir(dir)
    },
  }
  if (opts.create !== false) await t.app.libraries.create(libraryPath)
  return t
}

/** Calls the one dispatch path every transport uses and returns the envelope. */
export function invoke(app: AppContext, channel: unknown, input?: unknown): Promise<Envelope<unknown>> {
  return dispatch(app, channel, input)
}

/** invoke() for a call that must succeed; throws with the error envelope otherwise. */
export async function call<C extends Channel>(
  app: AppContext,
  channel: C,
  input?: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const env = await dispatch(app, channel, input)
  if (!env.ok) throw new Error(`${channel} failed: ${env.error.code} ${env.error.message}`)
  return env.value as ChannelOutput<C>
}

/** call() for a call that must fail; returns the error. */
export async function fail(
  app: AppContext,
  channel: unknown,
  input?: unknown,
): Promise<{ code: string; message: string; issues?: string[] }> {
  const env = await dispatch(app, channel, input)
  if (env.ok)
    throw new Error(`${String(channel)} unexpectedly succeeded: ${JSON.stringify(env.value).slice(0, 300)}`)
  return env.error
}

export function sqliteOf(app: AppContext): Database.Database {
  return app.libraries.context().sqlite
}

export function rowCounts(sqlite: Database.Database): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((t) => [t, (sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]),
  )
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

export interface FileFingerprint {
  sha: string
  size: number
  mtimeMs: number
  wal: boolean
  shm: boolean
  journal: boolean
}

/** What a refused open must leave unchanged: the bytes, the mtime, and no SQLite side files. */
export function fingerprint(path: string): FileFingerprint {
  const st = statSync(path)
  return {
    sha: sha256(path),
    size: st.size,
    mtimeMs: st.mtimeMs,
    wal: existsSync(`${path}-wal`),
    shm: existsSync(`${path}-shm`),
    journal: existsSync(`${path}-journal`),
  }
}

export const JTBD_EN = 'builtin:jtbd-switch:en'

/** One of everything: a study, a company, a participant, a user script, an interview and a note. */
export async function seedBasics(app: AppContext) {
  const study = await call(app, 'studies:create', {
    name: 'Churn study',
    method: 'exit',
    targetInterviews: 10,
  })
  const company = await call(app, 'companies:create', {
    name: 'Acme',
    segment: 'A',
    mrrMinor: 50_000,
    customerSince: '2023-01-15',
  })
  const participant = await call(app, 'participants:create', {
    name: 'Ann Lee',
    companyId: company.id,
    email: 'ann@acme.test',
  })
  const script = await call(app, 'scripts:duplicate', { id: JTBD_EN, name: 'My JTBD' })
  const interview = await call(app, 'interviews:create', {
    studyId: study.id,
    participantId: participant.id,
    scriptId: JTBD_EN,
  })
  const questionId = interview.currentQuestionId ?? ''
  const note = await call(app, 'notes:save', {
    interviewId: interview.id,
    questionId,
    doc: { type: 'doc', content: [] },
    plainText: 'hello',
    elapsedMs: 0,
  })
  return { study, company, participant, script, interview, questionId, note }
}

export type Seed = Awaited<ReturnType<typeof seedBasics>>

/** Everything a call could have written: row counts, a digest of every row, and the connection's change counter. */
export function dbState(sqlite: Database.Database): {
  counts: Record<string, number>
  digest: string
  totalChanges: number
  dataVersion: number
} {
  const hash = createHash('sha256')
  for (const t of [...TABLES, '__drizzle_migrations'])
    hash.update(JSON.stringify(sqlite.prepare(`select * from ${t} order by rowid`).all()))
  return {
    counts: rowCounts(sqlite),
    digest: hash.digest('hex'),
    totalChanges: (sqlite.prepare('select total_changes() as n').get() as { n: number }).n,
    dataVersion: sqlite.pragma('data_version', { simple: true }) as number,
  }
}

/** fail() for a call that must be refused with `code` and change nothing in the library; returns the message. */
export async function expectRefused(
  app: AppContext,
  channel: string,
  input: unknown,
  code = 'VALIDATION',
): Promise<string> {
  const sqlite = sqliteOf(app)
  const before = dbState(sqlite)
  const err = await fail(app, channel, input)
  expect(err.code).toBe(code)
  expect(dbState(sqlite)).toEqual(before)
  return err.message
}

function dropTriggers(sqlite: Database.Database, like: string): void {
  for (const { name } of sqlite
    .prepare("select name from sqlite_master where type = 'trigger' and name like ?")
    .all(like) as { name: string }[])
    sqlite.exec(`drop trigger ${name}`)
}

/** What each later migration added, taken out again so the migration can run once more on reopen. */
const UNDO: Record<string, (sqlite: Database.Database) => void> = {
  '0005_interview_tag_counts': (sqlite) => {
    dropTriggers(sqlite, 'interview_tag_counts%')
    sqlite.exec('drop table interview_tag_counts')
  },
  '0006_transcript_passages': (sqlite) => {
    dropTriggers(sqlite, 'transcript%passages%')
    sqlite.exec('drop table transcripts_fts')
    sqlite.exec('drop table transcript_passages')
  },
  '0007_tag_merges': (sqlite) => sqlite.exec('drop table tag_merges'),
  '0008_rating_reasons_search': (sqlite) => {
    dropTriggers(sqlite, 'ratings_fts%')
    sqlite.exec('drop table ratings_fts')
  },
  '0009_boards': (sqlite) => {
    for (const table of ['board_card_evidence', 'board_cards', 'board_lanes', 'board_stages', 'boards'])
      sqlite.exec(`drop table ${table}`)
  },
  '0010_highlights_interview_covering': (sqlite) => {
    sqlite.exec('drop index highlights_interview_covering_idx')
    sqlite.exec('create index highlights_interview_id_idx on highlights (interview_id, id)')
  },
  '0011_report_aliases': (sqlite) => {
    for (const table of ['companies', 'participants']) {
      sqlite.exec(`drop index ${table}_alias_idx`)
      sqlite.exec(`alter table ${table} drop column alias_number`)
    }
  },
  '0012_insights': (sqlite) => {
    for (const table of ['insight_tags', 'insight_evidence', 'insights']) sqlite.exec(`drop table ${table}`)
  },
}

/**
 * Puts a library back to before migration `tag` (e.g. '0006_transcript_passages'), for upgrade tests: the
 * schema of that migration and of every later one is taken out (data in older tables stays) and they are
 * forgotten, so the next open applies them again as it would to an older library.
 */
export function rollBackTo(sqlite: Database.Database, tag: string): void {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[]
  }
  const from = journal.entries.find((e) => e.tag === tag)
  if (!from) throw new Error(`no migration ${tag}`)
  const later = journal.entries.filter((e) => e.when >= from.when).reverse()
  for (const e of later) {
    const undo = UNDO[e.tag]
    if (!undo) throw new Error(`rollBackTo does not know how to undo ${e.tag}; add it to UNDO`)
    undo(sqlite)
  }
  sqlite.prepare('delete from __drizzle_migrations where created_at >= ?').run(from.when)
}
