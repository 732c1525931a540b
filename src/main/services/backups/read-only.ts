import Database from 'better-sqlite3'
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { FIELDNOTE_APPLICATION_ID } from '../../db/open-library'

const SQLITE_MAGIC = 'SQLite format 3\u0000'

/** What the first 100 bytes say: a SQLite file at all, and one of Fieldnote's (PRAGMA application_id). */
export function fileKind(path: string): 'library' | 'sqlite' | 'other' {
  if (statSync(path).size < 100) return 'other'
  const buf = Buffer.alloc(100)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, buf, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) return 'other'
  return buf.readUInt32BE(68) === FIELDNOTE_APPLICATION_ID ? 'library' : 'sqlite'
}

/**
 * Runs `fn` on a read-only connection to `path`. A WAL-mode file (a library copied by hand) makes even a
 * read-only connection create -wal and -shm beside it; the empty ones this created are removed again, so a
 * previewed file is left as it was found.
 */
export async function withReadOnly<T>(
  path: string,
  fn: (db: Database.Database) => T | Promise<T>,
): Promise<T> {
  const sideFiles = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f))
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return await fn(db)
  } finally {
    closeLeavingNoSideFiles(db, sideFiles)
  }
}

/** withReadOnly for a look that needs no waiting (a call refused on the spot names a backup). */
export function withReadOnlySync<T>(path: string, fn: (db: Database.Database) => T): T {
  const sideFiles = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f))
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return fn(db)
  } finally {
    closeLeavingNoSideFiles(db, sideFiles)
  }
}

function closeLeavingNoSideFiles(db: Database.Database, sideFiles: string[]): void {
  db.close()
  for (const f of sideFiles)
    if (existsSync(f) && (!f.endsWith('-wal') || statSync(f).size === 0)) rmSync(f, { force: true })
}
