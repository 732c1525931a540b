import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryManager } from '../../src/main/library/library-manager'
import { MIGRATIONS, makeTempDir, removeTempDir } from './helpers'

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[]
}

let dir: string
beforeEach(() => {
  dir = makeTempDir()
})
afterEach(() => removeTempDir(dir))

/** Today's migrations plus one more step, as a buggy future migration might be. */
function migrationsWithStep(name: string, sql: string): string {
  const folder = join(dir, `migrations-${name}`)
  cpSync(MIGRATIONS, folder, { recursive: true })
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal
  const last = journal.entries[journal.entries.length - 1]!
  const tag = `${String(journal.entries.length).padStart(4, '0')}_${name}`
  writeFileSync(join(folder, `${tag}.sql`), sql)
  journal.entries.push({
    idx: journal.entries.length,
    version: last.version,
    when: last.when + 86_400_000,
    tag,
    breakpoints: true,
  })
  writeFileSync(journalPath, JSON.stringify(journal))
  return folder
}

const danglingNote = async () =>
  migrationsWithStep(
    'dangling_note',
    "INSERT INTO `interview_notes` (`id`, `interview_id`, `question_id`, `doc`) VALUES ('n-dangling', 'no-such-interview', 'q', '{}');",
  )

/**
 * drizzle-kit's table rebuild (new table, copy, drop, rename) of interview_notes, with the table's own
 * definition: the old table's triggers (notes_fts_*) go with it.
 */
async function rebuiltNotesTable(): Promise<string> {
  const probe = new LibraryManager({ dataDir: join(dir, 'probe'), migrationsFolder: MIGRATIONS })
  await probe.create(join(dir, 'probe.fieldnote'))
  const { sql } = probe
    .context()
    .sqlite.prepare("select sql from sqlite_master where type = 'table' and name = 'interview_notes'")
    .get() as { sql: string }
  probe.close()
  return migrationsWithStep(
    'rebuild_notes',
    [
      `${sql.replace('interview_notes', '__new_interview_notes')};`,
      'INSERT INTO `__new_interview_notes` SELECT * FROM `interview_notes`;',
      'DROP TABLE `interview_notes`;',
      'ALTER TABLE `__new_interview_notes` RENAME TO `interview_notes`;',
    ].join('\n--> statement-breakpoint\n'),
  )
}

describe('an upgrade that would leave the library inconsistent', () => {
  it.each([
    ['leaves a broken reference', danglingNote, /broken reference/],
    ['drops the triggers that keep search and counts exact', rebuiltNotesTable, /notes_fts_ai/],
  ])(
    '%s: is undone from the safety copy, so the library holds what it held before and still opens',
    async (_, migrations, message) => {
      const path = join(dir, 'Lib.fieldnote')
      const today = new LibraryManager({ dataDir: join(dir, 'a'), migrationsFolder: MIGRATIONS })
      await today.create(path)
      today
        .context()
        .sqlite.prepare("insert into studies (id, name, method) values ('s1', 'Kept', 'exit')")
        .run()
      const applied = today.context().sqlite.prepare('select count(*) as n from __drizzle_migrations').get()
      today.close()

      const next = new LibraryManager({ dataDir: join(dir, 'b'), migrationsFolder: await migrations() })
      await expect(next.open(path)).rejects.toMatchObject({ code: 'LIBRARY_DAMAGED', message })
      next.close()
      expect(existsSync(`${path}-wal`)).toBe(false)

      const again = new LibraryManager({ dataDir: join(dir, 'c'), migrationsFolder: MIGRATIONS })
      await again.open(path)
      const sqlite = again.context().sqlite
      expect(sqlite.prepare('select name from studies').all()).toEqual([{ name: 'Kept' }])
      expect(sqlite.prepare('select count(*) as n from __drizzle_migrations').get()).toEqual(applied)
      expect(
        sqlite.prepare("select count(*) as n from interview_notes where id = 'n-dangling'").get(),
      ).toEqual({ n: 0 })
      expect(
        sqlite.prepare("select count(*) as n from sqlite_master where name = 'notes_fts_ai'").get(),
      ).toEqual({ n: 1 })
      again.close()
    },
  )
})
