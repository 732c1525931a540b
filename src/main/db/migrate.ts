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

export function tableExists(sqlite: Database.Database, name: string): boolean {
  return (
    sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined
  )
}

function appliedCount(sqlite: Database.Database): number {
  if (!tableExists(sqlite, '__drizzle_migrations')) return 0
  return (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n
}

/** Full-text indexes keyed by their source tables' rowids (resources/drizzle/0002_search_index.sql, 0008). */
const FTS_TABLES = ['notes_fts', 'transcripts_fts', 'highlights_fts', 'survey_fts', 'ratings_fts']

/** A table-rebuild migration may renumber rowids, so every applied migration ends with fresh indexes. */
function rebuildSearchIndexes(sqlite: Database.Database): void {
  for (const name of FTS_TABLES) {
    if (tableExists(sqlite, name)) sqlite.prepare(`insert into ${name}(${name}) values ('rebuild')`).run()
  }
}

/** Recounts interview_tag_counts from highlight_tags: migrations run with foreign keys (and so cascades) off. */
function rebuildInterviewTagCounts(sqlite: Database.Database): void {
  if (!tableExists(sqlite, 'interview_tag_counts')) return
  sqlite.prepare('delete from interview_tag_counts').run()
  sqlite
    .prepare(
      `insert into interview_tag_counts (interview_id, tag_id, highlights)
       select h.interview_id, ht.tag_id, count(*) from highlight_tags ht join highlights h on h.id = ht.highlight_id
       where h.interview_id is not null group by 1, 2`,
    )
    .run()
}

/**
 * Triggers keep the derived tables (search indexes, interview_tag_counts) exact. A table rebuild in a later
 * migration drops the rebuilt table's triggers without a word, so after an upgrade every trigger the
 * migrations create must still exist (or the upgrade is undone).
 */
function missingTriggers(sqlite: Database.Database, migrationsFolder: string): string[] {
  const created = new Set<string>()
  for (const e of readMigrationJournal(migrationsFolder)) {
    // In order: a later migration may drop a trigger on purpose (and create it again).
    const sql = readFileSync(join(migrationsFolder, `${e.tag}.sql`), 'utf8')
    for (const m of sql.matchAll(/(CREATE|DROP) TRIGGER (?:IF EXISTS )?`([^`]+)`/g))
      if (m[1] === 'CREATE') created.add(m[2] as string)
      else created.delete(m[2] as string)
  }
  for (const r of sqlite.prepare("select name from sqlite_master where type = 'trigger'").all() as {
    name: string
  }[])
    created.delete(r.name)
  return [...created]
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
    // One transaction: a crash half-way would leave empty derived tables that no later open rebuilds.
    sqlite.transaction(() => {
      rebuildSearchIndexes(sqlite)
      rebuildInterviewTagCounts(sqlite)
    })()
    const lost = missingTriggers(sqlite, opts.migrationsFolder)
    if (lost.length > 0)
      throw new AppError(
        'LIBRARY_DAMAGED',
        `Upgrading the library dropped the trigger(s) ${lost.join(', ')} that keep search and counts exact, so the upgrade was undone from the safety copy ${backupPath ?? '(none)'}.`,
        undefined,
        backupPath ? { restoreFrom: backupPath } : undefined,
      )
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
