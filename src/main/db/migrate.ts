import type Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { AppError } from '../../shared/ipc/errors'

export interface JournalEntry {
  idx: number
  when: number
  tag: string
}

export function readMigrationJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[]
  }
  return journal.entries
}

function appliedCount(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get()
  if (!table) return 0
  return (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n
}

/** Full-text indexes keyed by their source tables' rowids (resources/drizzle/0002_search_index.sql). */
const FTS_TABLES = ['notes_fts', 'transcripts_fts', 'highlights_fts', 'survey_fts']

/** A table-rebuild migration may renumber rowids, so every applied migration ends with fresh indexes. */
function rebuildSearchIndexes(sqlite: Database.Database): void {
  for (const name of FTS_TABLES) {
    const exists = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name)
    if (exists) sqlite.prepare(`insert into ${name}(${name}) values ('rebuild')`).run()
  }
}

interface MigrateOptions {
  migrationsFolder: string
  /** Folder for the safety copy, or null for a brand-new file. */
  backupTo: string | null
  libraryPath: string
  now: () => Date
}

/**
 * Applies pending migrations. Returns the path of the safety copy taken first, or null if none was needed.
 *
 * Foreign keys are switched off on the connection, outside any transaction, because drizzle's table-rebuild
 * migrations set the pragma inside their transaction where SQLite ignores it, and ON DELETE CASCADE would
 * then empty child tables (drizzle-orm #5782). foreign_key_check afterwards proves nothing was orphaned.
 */
export async function migrateLibrary(
  sqlite: Database.Database,
  opts: MigrateOptions,
): Promise<string | null> {
  const pending = readMigrationJournal(opts.migrationsFolder).length - appliedCount(sqlite)
  if (pending <= 0) return null

  let backupPath: string | null = null
  if (opts.backupTo && appliedCount(sqlite) > 0) {
    const stamp = opts.now().toISOString().replace(/[:.]/g, '-')
    backupPath = join(opts.backupTo, `${basename(opts.libraryPath)}.before-upgrade-${stamp}.bak`)
    await sqlite.backup(backupPath)
  }

  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(drizzle(sqlite), { migrationsFolder: opts.migrationsFolder })
    rebuildSearchIndexes(sqlite)
    const broken = sqlite.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0)
      throw new AppError(
        'LIBRARY_DAMAGED',
        `Upgrading the library left ${broken.length} broken reference(s), so the upgrade was undone from the safety copy ${backupPath ?? '(none)'}.`,
        undefined,
        backupPath ? { restoreFrom: backupPath } : undefined,
      )
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
  return backupPath
}
