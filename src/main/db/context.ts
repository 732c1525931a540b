import type Database from 'better-sqlite3'
import type { Erasure } from '../../shared/domain/erasure'

/**
 * The open library's backups as the app keeps them (src/main/library/backup-scheduler.ts), for forgetting a
 * participant: where they are, the erasures recorded beside them, and a hold on new ones.
 */
export interface LibraryBackups {
  /** The folder this library's backups go to, and the library's name they carry. */
  folder: string
  library: string
  /** Erasures recorded for this library, oldest first. */
  erasures(): Erasure[]
  recordErasure(erasure: Erasure): void
  /** Runs `job` with no backup beside it: a running one is waited for, and none starts until the job ends. */
  holding<T>(job: () => Promise<T>): Promise<T>
}

/** What every service gets: the open library, a clock and an id source, so tests can fix both. */
export interface ServiceContext {
  sqlite: Database.Database
  now: () => Date
  newId: () => string
  /** Absent where no app keeps backups (a library a test or the CLI opened on its own). */
  backups?: LibraryBackups
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString()
}
