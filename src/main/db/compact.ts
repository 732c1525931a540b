import type Database from 'better-sqlite3'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * Leaves no trace of deleted rows in the library file (forgetting a participant). `secure_delete` zeroes
 * what is freed from now on, but a library also holds older leftovers: earlier versions of an edited note in
 * free space and on the freelist, and in every full-text index the tokens of replaced text, only marked
 * deleted in older segments until a merge (FTS5's own secure-delete option removes the newest entry and
 * leaves those). So every FTS5 index is merged into one segment ('optimize'), then VACUUM rewrites the file
 * from its live rows, with no free page left. Plain JavaScript, so the same text runs in a worker thread
 * (no bundler reaches it) and, as a fallback, here.
 */
const COMPACT_SOURCE = `
  db.pragma('busy_timeout = 5000')
  db.pragma('secure_delete = ON')
  const fts = db
    .prepare("select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%USING fts5%'")
    .pluck()
    .all()
  for (const name of fts) db.prepare('insert into "' + name + '"("' + name + '") values (\\'optimize\\')').run()
  db.exec('VACUUM')
  return fts.length
`

const WORKER_SOURCE = `
  const { parentPort, workerData } = require('node:worker_threads')
  let Database
  try {
    Database = require(workerData.driver)
  } catch (err) {
    parentPort.postMessage({ unavailable: String(err && err.message) })
    return
  }
  let db
  try {
    db = new Database(workerData.path, { fileMustExist: true })
    const compact = new Function('db', workerData.source)
    parentPort.postMessage({ indexes: compact(db) })
  } catch (err) {
    parentPort.postMessage({ failed: String(err && err.message) })
  } finally {
    if (db) db.close()
  }
`

type Answer = { indexes: number } | { failed: string } | { unavailable: string }

function driver(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3')
  } catch {
    return null
  }
}

function inWorker(path: string, driverFile: string): Promise<Answer> {
  return new Promise((resolve) => {
    const worker = new Worker(`(() => {${WORKER_SOURCE}})()`, {
      eval: true,
      workerData: { driver: driverFile, source: COMPACT_SOURCE, path },
    })
    let answered = false
    worker.once('message', (m: Answer) => {
      answered = true
      resolve(m)
      void worker.terminate()
    })
    worker.once('error', (err) => !answered && resolve({ unavailable: err.message }))
    worker.once('exit', () => !answered && resolve({ unavailable: 'the worker stopped' }))
  })
}

export type CompactResult = { ok: true } | { ok: false; problem: string }

/**
 * Compacts the open library on a second connection in a worker thread (VACUUM takes 11 s on the 430 MB
 * research library; on this thread it would hold every call), then folds the write-ahead log into the file
 * and truncates it, so the log keeps no page from before. The caller holds the library alone meanwhile: a
 * write on `sqlite` would wait for the VACUUM. A failure (a full disk: VACUUM needs room for a second copy)
 * is returned, not thrown: the rows are deleted either way.
 */
export async function compactLibrary(sqlite: Database.Database): Promise<CompactResult> {
  const driverFile = driver()
  let answer: Answer = driverFile
    ? await inWorker(sqlite.name, driverFile)
    : { unavailable: 'no driver for a worker' }
  if ('unavailable' in answer)
    try {
      const compact = new Function('db', COMPACT_SOURCE) as (db: Database.Database) => number
      answer = { indexes: compact(sqlite) }
    } catch (err) {
      answer = { failed: (err as Error).message }
    }
  const [log] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
  if ('failed' in answer) return { ok: false, problem: answer.failed }
  if (log && log.busy !== 0) return { ok: false, problem: 'the write-ahead log could not be emptied' }
  return { ok: true }
}
