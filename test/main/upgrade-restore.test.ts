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

/** Today's migrations plus one that leaves a dangling reference, as a buggy future migration might. */
function migrationsWithBrokenStep(): string {
  const folder = join(dir, 'migrations-broken')
  cpSync(MIGRATIONS, folder, { recursive: true })
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal
  const last = journal.entries[journal.entries.length - 1]!
  const tag = `${String(journal.entries.length).padStart(4, '0')}_dangling_note`
  writeFileSync(
    join(folder, `${tag}.sql`),
    "INSERT INTO `interview_notes` (`id`, `interview_id`, `question_id`, `doc`) VALUES ('n-dangling', 'no-such-interview', 'q', '{}');",
  )
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

describe('an upgrade that would leave broken references', () => {
  it('is undone from the safety copy, so the library holds what it held before and still opens', async () => {
    const path = join(dir, 'Lib.fieldnote')
    const today = new LibraryManager({ dataDir: join(dir, 'a'), migrationsFolder: MIGRATIONS })
    await today.create(path)
    today
      .context()
      .sqlite.prepare("insert into studies (id, name, method) values ('s1', 'Kept', 'exit')")
      .run()
    const applied = today.context().sqlite.prepare('select count(*) as n from __drizzle_migrations').get()
    today.close()

    const next = new LibraryManager({ dataDir: join(dir, 'b'), migrationsFolder: migrationsWithBrokenStep() })
    await expect(next.open(path)).rejects.toMatchObject({ code: 'LIBRARY_DAMAGED' })
    next.close()
    expect(existsSync(`${path}-wal`)).toBe(false)

    const again = new LibraryManager({ dataDir: join(dir, 'c'), migrationsFolder: MIGRATIONS })
    await again.open(path)
    const sqlite = again.context().sqlite
    expect(sqlite.prepare('select name from studies').all()).toEqual([{ name: 'Kept' }])
    expect(sqlite.prepare('select count(*) as n from __drizzle_migrations').get()).toEqual(applied)
    expect(sqlite.prepare("select count(*) as n from interview_notes where id = 'n-dangling'").get()).toEqual(
      { n: 0 },
    )
    again.close()
  })
})
