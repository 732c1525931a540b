import type Database from 'better-sqlite3'

/** How far a long import is; polled by the renderer while the import call is pending. */
export interface JobProgress {
  /** Rows (or companies) saved so far, of total. */
  done: number
  total: number
}

const progress = new WeakMap<Database.Database, JobProgress>()

export function setProgress(sqlite: Database.Database, p: JobProgress | null): void {
  if (p) progress.set(sqlite, p)
  else progress.delete(sqlite)
}

export function progressOf(sqlite: Database.Database): JobProgress | null {
  return progress.get(sqlite) ?? null
}

/** Rows written between two looks at the event loop (a progress poll gets through in between). */
export const SAVE_BATCH = 1000

const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Runs the writes in one transaction, in batches with the event loop free in between, reporting progress.
 * All or nothing: any failure rolls every write back. Only safe while the caller holds the library alone
 * (dispatch runs ownTransaction channels exclusively), or another call would join this transaction.
 */
export async function writeInBatches(
  sqlite: Database.Database,
  writes: readonly (() => void)[],
  batch = SAVE_BATCH,
): Promise<void> {
  const total = writes.length
  setProgress(sqlite, { done: 0, total })
  sqlite.exec('BEGIN IMMEDIATE')
  try {
    for (let i = 0; i < total; i++) {
      writes[i]!()
      if ((i + 1) % batch === 0 && i + 1 < total) {
        setProgress(sqlite, { done: i + 1, total })
        await breathe()
      }
    }
    sqlite.exec('COMMIT')
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    throw err
  } finally {
    setProgress(sqlite, null)
  }
}
