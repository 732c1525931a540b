import { existsSync, statSync } from 'node:fs'
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path'
import { AppError } from '../../shared/ipc/errors'
import type { BackupKind, BackupsStatus } from '../../shared/ipc/contracts/backups'
import type { ServiceContext } from '../db/context'
import { listBackups } from '../services/backups/names'
import { writeBackup, type WrittenBackup } from '../services/backups/write-backup'
import type { SettingsStore } from './settings-store'

const DAY_MS = 86_400_000

export interface BackupSchedulerOptions {
  settings: SettingsStore
  now: () => Date
  /** The open library, or null. */
  open: () => { path: string; ctx: ServiceContext } | null
  /** Automatic backups (the app and browser mode; off in tests, which take theirs by hand). */
  auto: boolean
  /** How long after opening a library the automatic backup starts: the first screens load first. */
  firstDelayMs?: number
  /** How often an open library is looked at for its daily backup. */
  checkEveryMs?: number
}

/** Backups sit in a folder beside the library unless the person chose another (docs/decisions.md). */
export function defaultBackupFolder(libraryPath: string): string {
  return join(dirname(libraryPath), 'Backups')
}

const nameOf = (path: string) => basename(path, extname(path))

/**
 * When backups happen and where they go, per library: Back up now, one on opening a library whose last backup
 * is over a day old, and one a day while it stays open. One backup runs at a time; closing the library stops
 * a running one (its partial file is removed). The copying itself is services/backups.
 */
export class BackupScheduler {
  private running: Promise<WrittenBackup> | null = null
  private abort: AbortController | null = null
  private timers: NodeJS.Timeout[] = []
  private watchedSince = 0
  private lastError: string | null = null

  constructor(private readonly opts: BackupSchedulerOptions) {}

  /** The library the backups are of: the open one, else the last one opened (it may be the damaged one). */
  private subject(): { path: string; open: boolean } | null {
    const open = this.opts.open()
    if (open) return { path: open.path, open: true }
    const last = this.opts.settings.get().lastLibrary
    return last ? { path: last, open: false } : null
  }

  folderFor(libraryPath: string): string {
    return this.opts.settings.backupsOf(libraryPath).folder ?? defaultBackupFolder(libraryPath)
  }

  status(): BackupsStatus {
    const lib = this.subject()
    if (!lib)
      return {
        library: null,
        folder: null,
        defaultFolder: null,
        lastBackupAt: null,
        lastError: null,
        running: false,
        backups: [],
      }
    const folder = this.folderFor(lib.path)
    return {
      library: { ...lib, name: nameOf(lib.path) },
      folder,
      defaultFolder: defaultBackupFolder(lib.path),
      lastBackupAt: this.opts.settings.backupsOf(lib.path).lastAt,
      lastError: lib.open ? this.lastError : null,
      running: this.running !== null,
      backups: listBackups(folder),
    }
  }

  /** Backs up the open library now, after any backup already running. */
  async run(kind: BackupKind): Promise<WrittenBackup> {
    while (this.running) await this.running.catch(() => undefined)
    const lib = this.opts.open()
    if (!lib) throw new AppError('NO_LIBRARY', 'No library is open. Open one to back it up.')
    const abort = new AbortController()
    this.abort = abort
    const job = writeBackup(lib.ctx, {
      libraryPath: lib.path,
      folder: this.folderFor(lib.path),
      kind,
      signal: abort.signal,
    })
    this.running = job
    try {
      const written = await job
      this.opts.settings.rememberBackups(lib.path, { lastAt: written.takenAt })
      this.lastError = null
      return written
    } catch (err) {
      if (kind === 'auto' && !abort.signal.aborted) this.lastError = (err as Error).message
      throw err
    } finally {
      this.running = null
      if (this.abort === abort) this.abort = null
    }
  }

  /**
   * Sets the open library's backup folder (null: the default beside it). A folder that another library of
   * the same name already backs up into is refused: rotation tells libraries apart by name only.
   */
  setFolder(folder: string | null): BackupsStatus {
    const lib = this.opts.open()
    if (!lib)
      throw new AppError('NO_LIBRARY', 'No library is open. Open one to choose where it is backed up.')
    if (folder !== null) {
      if (!isAbsolute(folder))
        throw new AppError(
          'VALIDATION',
          `Use a full path (starting with / or a drive letter), not "${folder}".`,
        )
      if (existsSync(folder) && !statSync(folder).isDirectory())
        throw new AppError('VALIDATION', `"${folder}" is a file, not a folder.`)
      const target = resolve(folder)
      const clash = Object.keys(this.opts.settings.get().backups).find(
        (other) =>
          other !== lib.path &&
          nameOf(other) === nameOf(lib.path) &&
          resolve(this.folderFor(other)) === target,
      )
      if (clash)
        throw new AppError(
          'CONFLICT',
          `"${clash}" has the same name and is already backed up into "${target}"; choose another folder, so neither library's rotation removes the other's backups.`,
        )
      folder = target
    }
    this.opts.settings.rememberBackups(lib.path, {
      folder: folder === defaultBackupFolder(lib.path) ? null : folder,
    })
    return this.status()
  }

  private due(libraryPath: string): boolean {
    const last = this.opts.settings.backupsOf(libraryPath).lastAt
    const since = last ? Date.parse(last) : this.watchedSince
    return this.opts.now().getTime() - since >= DAY_MS
  }

  private runAutomatic(): void {
    this.run('auto').catch((err: unknown) =>
      console.error(`[fieldnote] automatic backup failed: ${(err as Error).message}`),
    )
  }

  /** A library became the open one: its daily backup is watched for (from now, for a library never backed up). */
  watch(): void {
    this.stop()
    this.lastError = null
    this.watchedSince = this.opts.now().getTime()
    if (!this.opts.auto) return
    const every = setInterval(() => {
      const lib = this.opts.open()
      if (lib && !this.running && this.due(lib.path)) this.runAutomatic()
    }, this.opts.checkEveryMs ?? 3_600_000)
    every.unref()
    this.timers.push(every)
  }

  /** An existing library was opened: back it up soon when its last backup is over a day old (or there is none). */
  openedExisting(libraryPath: string): void {
    if (!this.opts.auto) return
    const last = this.opts.settings.backupsOf(libraryPath).lastAt
    if (last && !this.due(libraryPath)) return
    const first = setTimeout(() => this.runAutomatic(), this.opts.firstDelayMs ?? 10_000)
    first.unref()
    this.timers.push(first)
  }

  /** The library is closing: no more timers, and a running backup stops (its partial file is removed). */
  stop(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers = []
    this.abort?.abort()
  }
}
