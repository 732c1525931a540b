import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path'
import { AppError } from '../../shared/ipc/errors'
import type { LibraryInfo } from '../../shared/ipc/contracts'
import { openLibrary, type Library } from '../db/open-library'
import { withRestoreOffer } from './restore-offer'
import type { ServiceContext } from '../db/context'
import { BackupScheduler } from './backup-scheduler'
import { SettingsStore } from './settings-store'

export const LIBRARY_EXTENSION = '.fieldnote'
export const DEFAULT_LIBRARY_NAME = `Fieldnote Library${LIBRARY_EXTENSION}`

export interface LibraryManagerOptions {
  dataDir: string
  migrationsFolder: string
  now?: () => Date
  newId?: () => string
  /**
   * Automatic backups (on opening, then daily); the app and browser mode turn them on, tests do not (or set
   * the delays to see them happen).
   */
  autoBackup?: boolean | { firstDelayMs: number; checkEveryMs: number }
}

/** Holds the one open library; switching closes the previous one only after the new one opened. */
export class LibraryManager {
  private library: Library | null = null
  /** The open library's file as the system knows it: a file now at its path with another id is not it. */
  private fileId: { dev: number; ino: number } | null = null
  /** Set when the open library went away, until another library opens: the refusal every call gets. */
  private lost: AppError | null = null
  /**
   * Why no library is open, for the library screen to explain: the one asked for at startup could not be
   * opened, or the open one went away (its drive disconnected, its folder moved or deleted).
   */
  startupError: { code: string; message: string; params?: Record<string, string> } | null = null
  private readonly settings: SettingsStore
  readonly now: () => Date
  readonly newId: () => string
  readonly backups: BackupScheduler

  constructor(private readonly opts: LibraryManagerOptions) {
    this.settings = new SettingsStore(opts.dataDir)
    this.now = opts.now ?? (() => new Date())
    this.newId = opts.newId ?? randomUUID
    this.backups = new BackupScheduler({
      settings: this.settings,
      now: this.now,
      auto: Boolean(opts.autoBackup),
      ...(typeof opts.autoBackup === 'object' ? opts.autoBackup : {}),
      open: () =>
        this.library && this.stillThere() ? { path: this.library.path, ctx: this.context() } : null,
    })
  }

  get defaultLibraryPath(): string {
    return join(this.opts.dataDir, DEFAULT_LIBRARY_NAME)
  }

  /** The migrations this app knows: a backup written after the newest of them is from a newer Fieldnote. */
  get migrationsFolder(): string {
    return this.opts.migrationsFolder
  }

  /**
   * Opens the library asked for on the command line (never created: a typo must not make a new file), else
   * the last library, else creates the default one on first run. Errors leave no library open and are kept
   * for the library screen to explain.
   */
  async openAtStartup(requested?: string): Promise<LibraryInfo | null> {
    try {
      if (requested !== undefined) return await this.open(requested)
      const last = this.settings.get().lastLibrary
      // A last library whose folder is missing is on a drive not connected now: said so, not replaced by
      // the default library, where the person would carry on without their data.
      if (last && (existsSync(last) || !existsSync(dirname(last)))) return await this.open(last)
      if (existsSync(this.defaultLibraryPath)) return await this.open(this.defaultLibraryPath)
      return await this.create(this.defaultLibraryPath)
    } catch (err) {
      const e = err as { code?: string; message: string; params?: Record<string, string> }
      this.startupError = {
        code: e.code ?? 'INTERNAL',
        message: e.message,
        ...(e.params ? { params: e.params } : {}),
      }
      return null
    }
  }

  current(): LibraryInfo | null {
    return this.library && this.stillThere() ? this.info(this.library) : null
  }

  recent(): { path: string; exists: boolean }[] {
    return this.settings.get().recentLibraries.map((path) => ({ path, exists: existsSync(path) }))
  }

  async open(path: string): Promise<LibraryInfo> {
    const target = normalise(path)
    let opened: Library
    try {
      opened = await openLibrary(target, {
        migrationsFolder: this.opts.migrationsFolder,
        now: this.now,
        unchangedSinceCleanClose: this.unchangedSinceCleanClose(target),
      })
    } catch (err) {
      throw withRestoreOffer(err, target, this.offerPlaces(target))
    }
    const info = this.swap(opened)
    this.backups.openedExisting(info.path)
    return info
  }

  private offerPlaces(path: string) {
    return {
      backupFolder: this.backups.folderFor(path),
      migrationsFolder: this.opts.migrationsFolder,
      fallbackFolder: this.opts.dataDir,
    }
  }

  /**
   * Whether the open library's file is still the one opened. SQLite keeps writing to a file that was deleted
   * or moved (its handle stays valid), so every call looks first: a library whose file went away is closed,
   * and the call is refused (LIBRARY_GONE) before anything is written where no one will find it.
   */
  private stillThere(): boolean {
    const lib = this.library
    if (!lib) return false
    try {
      const st = statSync(lib.path)
      if (this.fileId && st.dev === this.fileId.dev && st.ino === this.fileId.ino) return true
    } catch {
      // ENOENT (deleted, folder gone, drive unmounted) or EIO (drive pulled): gone either way.
    }
    this.backups.stop()
    try {
      lib.close()
    } catch {
      // The connection of a file that is gone may fail to close cleanly; it is dropped all the same.
    }
    this.library = null
    this.fileId = null
    this.lost = withRestoreOffer(
      new AppError(
        'LIBRARY_GONE',
        `"${lib.path}" is no longer there: its drive was disconnected, or it or its folder was moved or deleted while it was open. Fieldnote closed it; the last change was not saved, and nothing was written anywhere else. Connect the drive (or open the library where it is now) and open it again.`,
        undefined,
        { path: lib.path, folder: dirname(lib.path) },
      ),
      lib.path,
      this.offerPlaces(lib.path),
    )
    this.startupError = { code: this.lost.code, message: this.lost.message, params: this.lost.params ?? {} }
    return false
  }

  private unchangedSinceCleanClose(path: string): boolean {
    const stamp = this.settings.cleanCloseOf(path)
    if (!stamp || !existsSync(path)) return false
    const now = statSync(path)
    return now.size === stamp.size && now.mtimeMs === stamp.mtimeMs
  }

  async create(path: string): Promise<LibraryInfo> {
    return (await this.createFilled(path, () => undefined)).info
  }

  /**
   * Creates a new library and runs `fill` on it in one transaction before it becomes the open library (an
   * import of a JSON backup). If anything fails, the new file and any folder made for it are removed again
   * and the library that was open stays open.
   */
  async createFilled<R>(
    path: string,
    fill: (ctx: ServiceContext) => R,
  ): Promise<{ info: LibraryInfo; result: R }> {
    let target = normalise(path)
    // A folder typed as the new library's path means "in there", not "beside it, with .fieldnote added".
    if (isFolder(target)) throw folderIsNotALibrary(target)
    if (extname(target) === '') target += LIBRARY_EXTENSION
    if (isFolder(target)) throw folderIsNotALibrary(target)
    if (existsSync(target))
      throw new AppError(
        'LIBRARY_EXISTS',
        `"${target}" already exists. Open it, or choose another name; Fieldnote never overwrites a file.`,
        undefined,
        { path: target },
      )
    const folders: string[] = []
    for (let d = dirname(target); !existsSync(d) && dirname(d) !== d; d = dirname(d)) folders.push(d)
    try {
      mkdirSync(dirname(target), { recursive: true })
    } catch (err) {
      // E.g. a path through a file (ENOTDIR) or a folder we may not write to: say where, not "something went wrong".
      throw new AppError(
        'LIBRARY_READ_ONLY',
        `Cannot create a library in "${dirname(target)}": the folder cannot be created there (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
      )
    }
    let lib: Library | null = null
    let result: R
    try {
      lib = await openLibrary(target, {
        migrationsFolder: this.opts.migrationsFolder,
        create: true,
        now: this.now,
      })
      const ctx = { sqlite: lib.sqlite, now: this.now, newId: this.newId }
      result = lib.sqlite.transaction(() => fill(ctx))()
    } catch (err) {
      lib?.close()
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true })
      // Innermost first; rmdirSync refuses a folder that is not empty, so nothing else can go with them.
      for (const folder of folders)
        try {
          rmdirSync(folder)
        } catch {
          break
        }
      throw err
    }
    return { info: this.swap(lib), result }
  }

  /** The open library's connection, or null: for what answers beside a running job (its progress). */
  connection(): Database.Database | null {
    return this.library?.sqlite ?? null
  }

  /** The service context for the open library; NO_LIBRARY when none is open, LIBRARY_GONE when it went away. */
  context(): ServiceContext {
    if (!this.library || !this.stillThere())
      throw this.lost ?? new AppError('NO_LIBRARY', 'No library is open. Create or open one first.')
    return { sqlite: this.library.sqlite, now: this.now, newId: this.newId }
  }

  close(): void {
    this.backups.stop()
    if (this.library && this.stillThere()) this.closeCleanly(this.library)
    this.library = null
  }

  /** Closing folds the WAL into the file; its size and mtime then mark it as untouched since. */
  private closeCleanly(lib: Library): void {
    lib.close()
    if (existsSync(`${lib.path}-wal`)) return
    const { size, mtimeMs } = statSync(lib.path)
    this.settings.rememberCleanClose(lib.path, { size, mtimeMs })
  }

  private swap(next: Library): LibraryInfo {
    this.backups.stop()
    if (this.library && this.library.path !== next.path && this.stillThere()) this.closeCleanly(this.library)
    else this.library?.close()
    this.startupError = null
    this.lost = null
    const { dev, ino } = statSync(next.path)
    this.fileId = { dev, ino }
    this.library = next
    this.backups.watch()
    this.settings.rememberOpened(next.path)
    return this.info(next)
  }

  private info(lib: Library): LibraryInfo {
    return { path: lib.path, name: basename(lib.path, extname(lib.path)), backupPath: lib.backupPath }
  }
}

function normalise(path: string): string {
  if (!isAbsolute(path))
    throw new AppError('VALIDATION', `Use a full path (starting with / or a drive letter), not "${path}".`)
  return resolve(path)
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory()
}

function folderIsNotALibrary(path: string): AppError {
  const example = join(path, DEFAULT_LIBRARY_NAME)
  return new AppError(
    'LIBRARY_IS_FOLDER',
    `"${path}" is a folder. To create a library in it, add a file name, such as "${example}".`,
    undefined,
    { path, example },
  )
}
