import type Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { BackupPreview } from '../../../shared/ipc/contracts/backups'
import { readMigrationJournal, tableExists } from '../../db/migrate'
import { checkDatabaseFile } from './check-file'
import { fileKind, withReadOnly } from './read-only'

/** Written by a newer Fieldnote: a migration applied that this app does not know (as open-library refuses). */
export function isNewerSchema(db: Database.Database, migrationsFolder: string): boolean {
  if (!tableExists(db, '__drizzle_migrations')) return false
  const { at } = db.prepare('select max(created_at) as at from __drizzle_migrations').get() as {
    at: number | null
  }
  const newest = Math.max(0, ...readMigrationJournal(migrationsFolder).map((m) => m.when))
  return at !== null && at > newest
}

function count(db: Database.Database, table: string): number | null {
  if (!tableExists(db, table)) return null
  return (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n
}

/** The newest created_at or updated_at of any table that has one: when the library last changed. */
function lastChange(db: Database.Database): string | null {
  const tables = db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\'",
    )
    .pluck()
    .all() as string[]
  let newest: string | null = null
  for (const table of tables) {
    const columns = new Set((db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name))
    for (const column of ['updated_at', 'created_at'].filter((c) => columns.has(c))) {
      const v = db.prepare(`select max("${column}") from "${table}"`).pluck().get() as unknown
      if (typeof v === 'string' && (newest === null || v > newest)) newest = v
    }
  }
  return newest
}

/**
 * What a backup holds, read on a read-only connection: its counts, the time of its last change, and a
 * quick_check with foreign_key_check (its full integrity_check ran when it was written). A backup from a newer
 * Fieldnote is said to be one and not read further: its tables may mean something else by now.
 */
export async function previewBackup(path: string, migrationsFolder: string): Promise<BackupPreview> {
  const base = { path, fileName: basename(path), bytes: statSync(path).size }
  const kind = fileKind(path)
  if (kind !== 'library')
    return { ...base, status: 'not_library', counts: null, lastChangeAt: null, problems: [] }
  try {
    const read = await withReadOnly(path, (db) =>
      isNewerSchema(db, migrationsFolder)
        ? null
        : {
            counts: {
              studies: count(db, 'studies') ?? 0,
              interviews: count(db, 'interviews') ?? 0,
              highlights: count(db, 'highlights') ?? 0,
            },
            lastChangeAt: lastChange(db),
          },
    )
    if (!read) return { ...base, status: 'newer', counts: null, lastChangeAt: null, problems: [] }
    const problems = await checkDatabaseFile(path, 'quick')
    return { ...base, status: problems.length ? 'damaged' : 'ok', ...read, problems }
  } catch (err) {
    return {
      ...base,
      status: 'damaged',
      counts: null,
      lastChangeAt: null,
      problems: [(err as Error).message],
    }
  }
}
