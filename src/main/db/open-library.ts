import Database from 'better-sqlite3'
import { constants, accessSync, copyFileSync, existsSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../../shared/ipc/errors'
import { readLibraryHeader } from './library-header'
import { migrateLibrary, readMigrationJournal, tableExists } from './migrate'

/** "FNOT": marks a SQLite file as a Fieldnote library (PRAGMA application_id). */
export const FIELDNOTE_APPLICATION_ID = 0x464e4f54
/**
 * How long opening waits for a lock another process holds before saying so: long enough for another
 * Fieldnote's ordinary write to finish, short enough that the answer comes within the 2 s the person waits.
 */
const LOCK_WAIT_MS = 500

export interface Library {
  path: string
  sqlite: Database.Database
  /** Path of the safety copy taken before migrating, if one was needed. */
  backupPath: string | null
  close(): void
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL')
  // WAL defaults to NORMAL in this build; FULL so a power cut never loses a committed note.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // 64 MB page cache (the default is 2 MB): roll-ups and search revisit the same index pages.
  sqlite.pragma('cache_size = -65536')
}

const isBusy = (err: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code))

function locked(path: string): AppError {
  return new AppError(
    'LIBRARY_LOCKED',
    `"${path}" is in use by another program (or another Fieldnote) that holds it locked. Close it there, then open the library again; it was left untouched.`,
    undefined,
    { path },
  )
}

function damaged(path: string, problem: string): AppError {
  return new AppError(
    'LIBRARY_DAMAGED',
    `"${path}" is damaged and cannot be opened safely (${problem}). It was left untouched; restore it from a backup.`,
    undefined,
    { path, problem },
  )
}

/** A WAL file with frames in it: the main file alone is not the whole library until they are checkpointed. */
const hasWal = (path: string) => existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0

/**
 * Checks an existing file without writing to it. Every refusal leaves the file byte-for-byte as it was.
 */
function inspectExisting(path: string, migrationsFolder: string, skipIntegrityScan: boolean): void {
  const header = readLibraryHeader(path)
  if (header.size === 0)
    throw new AppError(
      'LIBRARY_EMPTY_FILE',
      `"${path}" is an empty file (0 bytes), not a Fieldnote library. It was left untouched.`,
      undefined,
      { path },
    )
  if (header.headerOverwritten)
    throw damaged(path, 'its first 100 bytes, the SQLite header, were overwritten')
  if (!header.magicOk)
    throw new AppError(
      'LIBRARY_NOT_SQLITE',
      `"${path}" is not a Fieldnote library (it is not a SQLite database). It was left untouched.`,
      undefined,
      { path },
    )
  if (header.applicationId !== FIELDNOTE_APPLICATION_ID)
    throw new AppError(
      'LIBRARY_FOREIGN',
      `"${path}" is a SQLite database from another program, not a Fieldnote library. It was left untouched.`,
      undefined,
      { path },
    )
  if (!canWrite(path) || !canWrite(dirname(path)))
    throw new AppError(
      'LIBRARY_READ_ONLY',
      `"${path}" is read-only (or its folder is). Copy it to a folder you can write to, then open the copy.`,
      undefined,
      { path },
    )
  // Cut short (a copy or sync that stopped half-way): the header still says how long the file should be.
  if (header.declaredBytes !== null && header.size < header.declaredBytes && !hasWal(path))
    throw damaged(
      path,
      `it is cut short: ${header.size} bytes of the ${header.declaredBytes} its header gives`,
    )

  // A read-only connection to a WAL-mode file still creates empty -wal and -shm files beside it; the ones
  // this check creates are removed again, so a refused file is left exactly as it was found.
  const sideFiles = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f))
  let ro: Database.Database | null = null
  try {
    ro = new Database(path, { readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS })
    if (!skipIntegrityScan) {
      const check = ro.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(String(check))
    }
    if (tableExists(ro, '__drizzle_migrations')) {
      const latest = ro.prepare('select max(created_at) as at from __drizzle_migrations').get() as {
        at: number | null
      }
      const known = readMigrationJournal(migrationsFolder)
      const newest = Math.max(0, ...known.map((m) => m.when))
      if (latest.at !== null && latest.at > newest)
        throw new AppError(
          'LIBRARY_NEWER_VERSION',
          `"${path}" was written by a newer version of Fieldnote. Update Fieldnote to open it; the file was left untouched.`,
          undefined,
          { path },
        )
    }
  } catch (err) {
    if (err instanceof AppError) throw err
    if (isBusy(err)) throw locked(path)
    throw damaged(path, (err as Error).message)
  } finally {
    ro?.close()
    for (const f of sideFiles)
      if (existsSync(f) && (!f.endsWith('-wal') || statSync(f).size === 0)) rmSync(f, { force: true })
  }
}

export interface OpenOptions {
  migrationsFolder: string
  /** Create the file if it does not exist. Never overwrites an existing file. */
  create?: boolean
  /** Folder for pre-migration safety copies; defaults to the library's own folder. */
  backupDir?: string
  /**
   * The file is exactly as Fieldnote left it at a clean close (same size and mtime, no -wal left over):
   * the full-file integrity scan, which grows with the library, can be skipped. All other checks run.
   */
  unchangedSinceCleanClose?: boolean
  now?: () => Date
}

/**
 * What the path is, before anything reads it as a database: a folder or an unreadable file would otherwise
 * fail deep inside (EISDIR, EACCES) and reach the user as an unexplained internal error.
 */
function checkIsReadableFile(path: string): void {
  if (statSync(path).isDirectory())
    throw new AppError(
      'LIBRARY_IS_FOLDER',
      `"${path}" is a folder, not a Fieldnote library. Choose a .fieldnote file inside it.`,
      undefined,
      { path },
    )
  try {
    accessSync(path, constants.R_OK)
  } catch (err) {
    throw new AppError(
      'LIBRARY_UNREADABLE',
      `"${path}" cannot be read (${(err as NodeJS.ErrnoException).code ?? 'no permission'}). Check its permissions; it was left untouched.`,
      undefined,
      { path },
    )
  }
}

/** The folder the library was in is not there: a drive or share that is not connected, a moved folder. */
export function gone(path: string): AppError {
  return new AppError(
    'LIBRARY_GONE',
    `"${path}" cannot be reached: its folder "${dirname(path)}" is not there (a drive or network folder that is not connected, or a folder moved or deleted). Connect it and open the library again; nothing was created in its place.`,
    undefined,
    { path, folder: dirname(path) },
  )
}

/**
 * Another process holding the write lock (a write transaction left open, a tool that locks the file) would
 * make the first save wait and fail later; asking for the lock once, and letting it go at once, says so now.
 * BEGIN IMMEDIATE and ROLLBACK write nothing to the file.
 */
function probeWriteLock(sqlite: Database.Database, path: string): void {
  try {
    sqlite.exec('BEGIN IMMEDIATE')
    sqlite.exec('ROLLBACK')
  } catch (err) {
    throw isBusy(err) ? locked(path) : err
  }
}

export async function openLibrary(path: string, opts: OpenOptions): Promise<Library> {
  const exists = existsSync(path)
  if (!exists && !opts.create && !existsSync(dirname(path))) throw gone(path)
  if (!exists && !opts.create)
    throw new AppError('LIBRARY_NOT_FOUND', `No library at "${path}".`, undefined, { path })
  if (exists) {
    checkIsReadableFile(path)
    inspectExisting(
      path,
      opts.migrationsFolder,
      opts.unchangedSinceCleanClose === true && !existsSync(`${path}-wal`),
    )
  } else if (!canWrite(dirname(path)))
    throw new AppError(
      'LIBRARY_READ_ONLY',
      `Cannot create a library in "${dirname(path)}": the folder is read-only.`,
    )

  const sqlite = new Database(path, { timeout: LOCK_WAIT_MS })
  try {
    if (exists) probeWriteLock(sqlite, path)
    if (!exists) sqlite.pragma(`application_id = ${FIELDNOTE_APPLICATION_ID}`)
    applyPragmas(sqlite)
    const backupPath = await migrateLibrary(sqlite, {
      migrationsFolder: opts.migrationsFolder,
      backupTo: exists ? (opts.backupDir ?? dirname(path)) : null,
      libraryPath: path,
      now: opts.now ?? (() => new Date()),
    })
    return { path, sqlite, backupPath, close: () => sqlite.close() }
  } catch (err) {
    sqlite.close()
    // drizzle commits before we can check the references; a failed check puts the pre-upgrade copy back.
    const restoreFrom = err instanceof AppError ? err.params?.['restoreFrom'] : undefined
    if (restoreFrom) {
      copyFileSync(restoreFrom, path)
      for (const side of [`${path}-wal`, `${path}-shm`]) rmSync(side, { force: true })
    }
    throw isBusy(err) ? locked(path) : err
  }
}
