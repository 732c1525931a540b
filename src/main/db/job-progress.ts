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
 * Runs an import inside one IMMEDIATE transaction: what it reads to plan (companies, rows already there)
 * and what it writes belong to the same snapshot, even with another process on the file. All or nothing:
 * any failure rolls everything back. Only safe while the caller holds the library alone (dispatch runs
 * ownTransaction channels exclusively), or a call made between two batches would join this transaction.
 */
export async function inImportTransaction<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  sqlite.exec('BEGIN IMMEDIATE')
  try {
    const result = await work()
    sqlite.exec('COMMIT')
    return result
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    throw err
  } finally {
    setProgress(sqlite, null)
  }
}

/** Inside inImportTransaction: the writes in batches, the event loop free in between, progress reported. */
export async function writeInBatches(
  sqlite: Database.Database,
  writes: readonly (() => void)[],
  batch = SAVE_BATCH,
): Promise<void> {
  if (!sqlite.inTransaction) throw new Error('writeInBatches runs inside inImportTransaction')
  const total = writes.length
  setProgress(sqlite, { done: 0, total })
  for (let i = 0; i < total; i++) {
    writes[i]!()
    if ((i + 1) % batch === 0 && i + 1 < total) {
      setProgress(sqlite, { done: i + 1, total })
      await breathe()
    }
  }
}
