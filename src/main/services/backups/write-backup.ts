import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../shared/ipc/errors'
import type { BackupEntry, BackupKind } from '../../../shared/ipc/contracts/backups'
import type { ServiceContext } from '../../db/context'
import { checkDatabaseFile } from './check-file'
import { backupFileName, libraryNameOf, PARTIAL_SUFFIX, parseBackupName } from './names'
import { rotateBackups } from './rotation'

/**
 * Pages copied per step of the online backup (4 KB each): between steps the event loop runs, so a note save
 * waits for one step (a few milliseconds), never for the whole copy.
 */
const PAGES_PER_STEP = 200

export interface WriteBackupOptions {
  libraryPath: string
  folder: string
  kind: BackupKind
  /** Stops the copy between two steps (the library is being closed); the partial file is removed. */
  signal?: AbortSignal
}

export interface WrittenBackup extends BackupEntry {
  /** This library's older backups that rotation removed. */
  rotatedOut: string[]
}

/**
 * fsync a file or a folder, so the rename that follows cannot be replayed ahead of the data after a power cut.
 * On libuv's thread pool: syncing a freshly written 400 MB copy takes seconds that calls must not wait for.
 */
async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } catch {
    // Some file systems (and Windows, for folders) refuse fsync on a folder; the file itself was synced.
  } finally {
    await handle.close()
  }
}

/** Pages written between background syncs of the copy (64 MB of 4 KB pages). */
const SYNC_EVERY_PAGES = 16_384

/**
 * The backup's last step commits the copy, and that commit's fsync runs on this thread: with the whole
 * copy still unwritten in the OS cache it held every call for over 2 s on the research library. Syncing the
 * copy from the thread pool as it grows leaves the last commit little to flush.
 */
class BackgroundSync {
  private synced = 0
  private running: Promise<void> | null = null
  constructor(private readonly path: string) {}

  after(pagesCopied: number): void {
    if (this.running || pagesCopied - this.synced < SYNC_EVERY_PAGES) return
    this.synced = pagesCopied
    this.running = flush(this.path)
      .catch(() => undefined)
      .finally(() => (this.running = null))
  }

  async done(): Promise<void> {
    await this.running
  }
}

function removePartial(tmp: string): void {
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true })
}

/** Partial files a crash or a quit mid-copy left behind: never a backup, so never kept. */
function sweepPartials(folder: string, library: string): void {
  for (const name of readdirSync(folder)) {
    const base = name.replace(/(-journal|-wal|-shm)$/, '')
    if (!base.endsWith(PARTIAL_SUFFIX)) continue
    if (parseBackupName(base.slice(0, -PARTIAL_SUFFIX.length))?.library === library)
      rmSync(join(folder, name), { force: true })
  }
}

function failed(message: string, folder: string): AppError {
  return new AppError('BACKUP_FAILED', message, undefined, { folder })
}

/**
 * Backs up the open library with SQLite's online backup API on its own connection (writes made meanwhile on
 * that connection go into the copy, so the copy is one consistent state), into a .partial file in the backup
 * folder. The copy is switched to a single-file journal, checked on a read-only connection (integrity_check
 * and foreign_key_check, in a worker), synced, and only then renamed into place; then rotation runs. Any
 * failure removes the partial file: the folder never holds half a backup under a backup's name.
 */
export async function writeBackup(ctx: ServiceContext, opts: WriteBackupOptions): Promise<WrittenBackup> {
  const library = libraryNameOf(opts.libraryPath)
  try {
    mkdirSync(opts.folder, { recursive: true })
  } catch (err) {
    throw failed(
      `The backup folder "${opts.folder}" cannot be created (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
      opts.folder,
    )
  }
  sweepPartials(opts.folder, library)
  const takenAt = ctx.now()
  const fileName = backupFileName(library, takenAt, opts.kind)
  const path = join(opts.folder, fileName)
  if (existsSync(path))
    throw failed(`A backup named "${fileName}" exists already; try again in a second.`, opts.folder)
  const tmp = `${path}${PARTIAL_SUFFIX}`
  try {
    const syncing = new BackgroundSync(tmp)
    try {
      await ctx.sqlite.backup(tmp, {
        progress: ({ totalPages, remainingPages }) => {
          if (opts.signal?.aborted) throw new Error('the library was closed during the backup')
          syncing.after(totalPages - remainingPages)
          return PAGES_PER_STEP
        },
      })
    } finally {
      await syncing.done()
    }
    // The copy carries the library's WAL mode; a rollback journal makes it one self-contained file that opens
    // read-only even from a read-only folder (a WAL file needs its -shm beside it).
    const copy = new Database(tmp, { fileMustExist: true })
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    const problems = await checkDatabaseFile(tmp, 'full')
    if (problems.length > 0)
      throw failed(
        `The copy failed its check, so it was not kept: ${problems.slice(0, 3).join('; ')}. The library itself may be damaged.`,
        opts.folder,
      )
    if (opts.signal?.aborted) throw new Error('the library was closed during the backup')
    await flush(tmp)
    renameSync(tmp, path)
    await flush(opts.folder)
  } catch (err) {
    removePartial(tmp)
    if (err instanceof AppError) throw err
    throw failed(`The backup into "${opts.folder}" failed: ${(err as Error).message}.`, opts.folder)
  }
  const rotatedOut = rotateBackups(opts.folder, library, takenAt).map((b) => b.path)
  const named = parseBackupName(fileName) ?? { library, takenAt: takenAt.toISOString(), kind: opts.kind }
  return { path, fileName, ...named, bytes: statSync(path).size, rotatedOut }
}
