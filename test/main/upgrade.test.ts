import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryManager } from '../../src/main/library/library-manager'
import type { AppContext } from '../../src/main/ipc/app-context'
import {
  call,
  fail,
  JTBD_EN,
  makeTempDir,
  MIGRATIONS,
  removeTempDir,
  rowCounts,
  TestClock,
  sequentialIds,
} from './helpers'

/**
 * drizzle-orm #5782: a table-rebuild migration says PRAGMA foreign_keys=OFF inside drizzle's transaction, where
 * SQLite ignores it, so DROP TABLE fires ON DELETE actions on child tables. These tests upgrade a seeded
 * library through such a migration and prove nothing was lost.
 */

interface Journal {
  version: string
  dialect: string
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[]
}

const REBUILD_PARTICIPANTS = [
  'PRAGMA foreign_keys=OFF;',
  `CREATE TABLE \`__new_participants\` (
\t\`id\` text PRIMARY KEY NOT NULL,
\t\`name\` text NOT NULL,
\t\`role\` text DEFAULT '' NOT NULL,
\t\`company_id\` text,
\t\`email\` text DEFAULT '' NOT NULL,
\t\`phone\` text DEFAULT '' NOT NULL,
\t\`consent_to_record\` integer DEFAULT false NOT NULL,
\t\`linkedin\` text DEFAULT '' NOT NULL,
\t\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
\t\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
\tFOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
);
`,
  'INSERT INTO `__new_participants`("id", "name", "role", "company_id", "email", "phone", "consent_to_record", "created_at", "updated_at") SELECT "id", "name", "role", "company_id", "email", "phone", "consent_to_record", "created_at", "updated_at" FROM `participants`;',
  'DROP TABLE `participants`;',
  'ALTER TABLE `__new_participants` RENAME TO `participants`;',
  'PRAGMA foreign_keys=ON;',
  'CREATE INDEX `participants_company_idx` ON `participants` (`company_id`);',
].join('--> statement-breakpoint\n')

let dir: string
let clock: TestClock
let firstOnly: string
let twoMigrations: string
const managers: LibraryManager[] = []

function appFor(migrationsFolder: string, dataDir: string): AppContext {
  const libraries = new LibraryManager({
    dataDir,
    migrationsFolder,
    now: clock.now,
    newId: sequentialIds('seed'),
  })
  managers.push(libraries)
  return { libraries, shell: { kind: 'web', version: 'test' } }
}

function readJournal(folder: string): Journal {
  return JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal
}

/**
 * "v1" is today's migrations (resources/drizzle); "v2" is the same plus a synthetic next migration that
 * rebuilds the participants table the way drizzle-kit does, as the next real schema change might.
 */
function buildMigrationFolders(): void {
  firstOnly = join(dir, 'migrations-v1')
  cpSync(MIGRATIONS, firstOnly, { recursive: true })
  const journal = readJournal(firstOnly)
  const last = journal.entries[journal.entries.length - 1]!
  const next = journal.entries.length
  const tag = `${String(next).padStart(4, '0')}_rebuild_participants`

  twoMigrations = join(dir, 'migrations-v2')
  cpSync(firstOnly, twoMigrations, { recursive: true })
  writeFileSync(join(twoMigrations, `${tag}.sql`), REBUILD_PARTICIPANTS)
  journal.entries.push({
    idx: next,
    version: last.version,
    when: last.when + 86_400_000,
    tag,
    breakpoints: true,
  })
  writeFileSync(join(twoMigrations, 'meta', '_journal.json'), JSON.stringify(journal, null, 2))
}

/** Seeds every table through the real services, with interviews that point at participants. */
async function seedLibrary(path: string): Promise<void> {
  const app = appFor(firstOnly, join(dir, 'seed-data'))
  await call(app, 'library:create', { path })
  const study = await call(app, 'studies:create', { name: 'Churn', method: 'exit', targetInterviews: 5 })
  const study2 = await call(app, 'studies:create', {
    name: 'Switch',
    method: 'jtbd_switch',
    targetInterviews: 5,
  })
  const acme = await call(app, 'companies:create', { name: 'Acme', segment: 'A', mrrMinor: 100_000 })
  await call(app, 'companies:create', { name: 'Beta', segment: 'B', mrrMinor: 20_000 })
  const p1 = await call(app, 'participants:create', {
    name: 'Ann',
    companyId: acme.id,
    email: 'ann@acme.test',
  })
  const p2 = await call(app, 'participants:create', { name: 'Bob', companyId: acme.id })
  const p3 = await call(app, 'participants:create', { name: 'Cy' })
  const script = await call(app, 'scripts:duplicate', { id: JTBD_EN, name: 'Ours' })
  const i1 = await call(app, 'interviews:create', {
    studyId: study.id,
    participantId: p1.id,
    scriptId: JTBD_EN,
  })
  const i2 = await call(app, 'interviews:create', {
    studyId: study.id,
    participantId: p2.id,
    scriptId: script.id,
  })
  await call(app, 'interviews:create', { studyId: study2.id, participantId: p3.id, scriptId: JTBD_EN })
  await call(app, 'interviews:create', { studyId: study2.id, scriptId: JTBD_EN })
  await call(app, 'interviews:update', { id: i1.id, nps: 9, csat: 4 })
  for (const [interviewId, questionId] of [
    [i1.id, 'jtbd.warmup.q1'],
    [i1.id, 'jtbd.warmup.q2'],
    [i2.id, 'jtbd.warmup.q1'],
  ] as const)
    await call(app, 'notes:save', {
      interviewId,
      questionId,
      doc: { type: 'doc' },
      plainText: `note ${questionId}`,
      elapsedMs: 1000,
    })
  app.libraries.close()
}

function snapshot(path: string) {
  const db = new Database(path, { fileMustExist: true })
  try {
    return {
      counts: rowCounts(db),
      links: db.prepare('select id, participant_id as p from interviews order by id').all() as {
        id: string
        p: string | null
      }[],
      companies: db.prepare('select id, company_id as c from participants order by id').all() as {
        id: string
        c: string | null
      }[],
      notes: db
        .prepare('select id, interview_id as i, plain_text as t from interview_notes order by id')
        .all(),
    }
  } finally {
    db.close()
  }
}

const SEEDED = { studies: 2, companies: 2, participants: 3, scripts: 1, interviews: 4, interview_notes: 3 }

beforeEach(() => {
  dir = makeTempDir()
  clock = new TestClock()
  buildMigrationFolders()
})
afterEach(() => {
  for (const m of managers.splice(0)) m.close()
  removeTempDir(dir)
})

describe('upgrading a library through a table-rebuild migration (drizzle-orm #5782)', () => {
  it('keeps every row and every reference, takes a backup first, and leaves no broken foreign key', async () => {
    const path = join(dir, 'Old.fieldnote')
    await seedLibrary(path)
    const before = snapshot(path)
    expect(before.counts).toEqual(SEEDED)
    expect(before.links.filter((l) => l.p !== null)).toHaveLength(3)

    const app = appFor(twoMigrations, join(dir, 'data'))
    const info = await call(app, 'library:open', { path })
    const expectedBackup = join(dir, 'Old.fieldnote.before-upgrade-2026-03-02T09-00-00-000Z.bak')
    expect(info.backupPath).toBe(expectedBackup)
    const sqlite = app.libraries.context().sqlite

    // The migration really ran: the rebuilt table has its new column, and every migration is recorded.
    expect((sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(
      readJournal(twoMigrations).entries.length,
    )
    expect((sqlite.pragma('table_info(participants)') as { name: string }[]).map((c) => c.name)).toContain(
      'linkedin',
    )
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)

    expect(rowCounts(sqlite)).toEqual(SEEDED)
    expect(sqlite.prepare('select id, participant_id as p from interviews order by id').all()).toEqual(
      before.links,
    )
    expect(sqlite.prepare('select id, company_id as c from participants order by id').all()).toEqual(
      before.companies,
    )
    expect(
      sqlite.prepare('select id, interview_id as i, plain_text as t from interview_notes order by id').all(),
    ).toEqual(before.notes)

    // The services still work on the upgraded file, and the cascade rules survived the rebuild.
    const ann = (await call(app, 'participants:list', { search: 'Ann' }))[0]!
    expect(ann).toMatchObject({ companyName: 'Acme', interviewCount: 1 })
    await call(app, 'companies:delete', { id: ann.companyId! })
    expect((await call(app, 'participants:get', { id: ann.id })).companyId).toBeNull()
    await call(app, 'participants:delete', { id: ann.id })
    expect(rowCounts(sqlite)).toMatchObject({ participants: 2, interviews: 4, interview_notes: 3 })

    // The backup is a complete copy of the library as it was before the upgrade.
    expect(readdirSync(dir).filter((f) => /\.before-upgrade-.*\.bak$/.test(f))).toEqual([
      'Old.fieldnote.before-upgrade-2026-03-02T09-00-00-000Z.bak',
    ])
    const backup = snapshot(expectedBackup)
    expect(backup).toEqual(before)
    const bdb = new Database(expectedBackup, { readonly: true })
    expect((bdb.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(
      readJournal(firstOnly).entries.length,
    )
    bdb.close()
  })

  it('opening the upgraded library again takes no second backup', async () => {
    const path = join(dir, 'Old.fieldnote')
    await seedLibrary(path)
    const first = appFor(twoMigrations, join(dir, 'data'))
    expect((await call(first, 'library:open', { path })).backupPath).not.toBeNull()
    first.libraries.close()
    clock.advance(60_000)
    const again = appFor(twoMigrations, join(dir, 'data'))
    expect((await call(again, 'library:open', { path })).backupPath).toBeNull()
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1)
  })

  it('an app that only knows the first migration refuses the upgraded library as newer', async () => {
    const path = join(dir, 'Old.fieldnote')
    await seedLibrary(path)
    const upgraded = appFor(twoMigrations, join(dir, 'data'))
    await call(upgraded, 'library:open', { path })
    upgraded.libraries.close()
    const old = appFor(firstOnly, join(dir, 'data-old'))
    expect((await fail(old, 'library:open', { path })).code).toBe('LIBRARY_NEWER_VERSION')
  })

  it('control: the same migration run by drizzle with foreign keys on empties the references (the hazard is real)', async () => {
    const path = join(dir, 'Old.fieldnote')
    await seedLibrary(path)
    const copy = join(dir, 'Control.sqlite')
    copyFileSync(path, copy)
    const db = new Database(copy)
    db.pragma('foreign_keys = ON')
    migrate(drizzle(db), { migrationsFolder: twoMigrations })
    const linked = (
      db.prepare('select count(*) as n from interviews where participant_id is not null').get() as {
        n: number
      }
    ).n
    db.close()
    // Without the guard in migrateLibrary, all three interview → participant links are lost.
    expect(linked).toBe(0)
  })
})
