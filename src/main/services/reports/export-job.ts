import type Database from 'better-sqlite3'
import { AppError } from '../../../shared/ipc/errors'

/**
 * The running export of a library, for its progress bar and its Cancel button. One at a time per library:
 * reports:render holds the library alone (asyncRead), so a second export waits its turn anyway.
 */
export type ExportStep = 'model' | 'writing' | 'printing'

export interface ExportProgress {
  step: ExportStep
  done: number
  total: number
}

interface Job extends ExportProgress {
  cancelled: boolean
}

const jobs = new WeakMap<Database.Database, Job>()

export const exportProgress = (sqlite: Database.Database): ExportProgress | null => {
  const job = jobs.get(sqlite)
  return job ? { step: job.step, done: job.done, total: job.total } : null
}

/** Asks the running export to stop at its next step; false when none is running. */
export function cancelExport(sqlite: Database.Database): boolean {
  const job = jobs.get(sqlite)
  if (!job) return false
  job.cancelled = true
  return true
}

const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Runs an export with a checkpoint the writers call between steps: it records how far they are, lets a
 * progress poll or a Cancel through (the event loop breathes), and stops the export when cancelled. The
 * file only leaves main when the whole export succeeded, so a cancelled one writes nothing anywhere.
 */
export async function runExport<T>(
  sqlite: Database.Database,
  work: (checkpoint: Checkpoint) => Promise<T>,
): Promise<T> {
  const job: Job = { step: 'model', done: 0, total: 1, cancelled: false }
  jobs.set(sqlite, job)
  const stopIfCancelled = () => {
    if (job.cancelled) throw new AppError('CANCELLED', 'Export cancelled; no file was written.')
  }
  try {
    const result = await work(async (step, done = 0, total = 1) => {
      Object.assign(job, { step, done, total })
      await breathe()
      stopIfCancelled()
    })
    // A Cancel during the last step (printing) still wins: the file is dropped, never handed over.
    stopIfCancelled()
    return result
  } finally {
    jobs.delete(sqlite)
  }
}

export type Checkpoint = (step: ExportStep, done?: number, total?: number) => Promise<void>
