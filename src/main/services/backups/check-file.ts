import Database from 'better-sqlite3'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** full: PRAGMA integrity_check (indexes against their tables too); quick: quick_check (structure only). */
export type CheckLevel = 'full' | 'quick'

/**
 * The check itself, as plain JavaScript so the same text runs in a worker thread (where no bundler reaches)
 * and, as a fallback, in this thread. A read-only connection; problems are SQLite's own sentences.
 */
const CHECK_SOURCE = `
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const pragma = level === 'full' ? 'integrity_check(20)' : 'quick_check(20)'
    const problems = db.pragma(pragma).map((r) => String(Object.values(r)[0])).filter((m) => m !== 'ok')
    const broken = db.pragma('foreign_key_check').length
    if (broken > 0) problems.push(broken + ' broken reference(s) (foreign_key_check)')
    return problems
  } finally {
    db.close()
  }
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
  try {
    const check = new Function('Database', 'path', 'level', workerData.source)
    parentPort.postMessage({ problems: check(Database, workerData.path, workerData.level) })
  } catch (err) {
    parentPort.postMessage({ failed: String(err && err.message) })
  }
`

type Check = (db: typeof Database, path: string, level: CheckLevel) => string[]
const checkHere = new Function('Database', 'path', 'level', CHECK_SOURCE) as Check

let driverPath: string | null | undefined
function driver(): string | null {
  if (driverPath === undefined)
    try {
      driverPath = createRequire(import.meta.url).resolve('better-sqlite3')
    } catch {
      driverPath = null
    }
  return driverPath
}

type WorkerAnswer = { problems: string[] } | { failed: string } | { unavailable: string }

function inWorker(path: string, level: CheckLevel, driverFile: string): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(`(() => {${WORKER_SOURCE}})()`, {
      eval: true,
      workerData: { driver: driverFile, source: CHECK_SOURCE, path, level },
    })
    let answered = false
    worker.once('message', (m: WorkerAnswer) => {
      answered = true
      resolve(m)
      void worker.terminate()
    })
    worker.once('error', (err) => !answered && resolve({ unavailable: err.message }))
    worker.once('exit', () => !answered && resolve({ unavailable: 'the worker stopped' }))
  })
}

/**
 * Checks a SQLite file on a read-only connection: integrity_check (or quick_check) and foreign_key_check.
 * Returns SQLite's problems, none when the file is sound; throws when the file cannot be read as a database.
 * On a 430 MB library integrity_check takes seconds, so it runs in a worker thread and the app's own
 * connection keeps answering; where no worker can load the driver, it runs here.
 */
export async function checkDatabaseFile(path: string, level: CheckLevel): Promise<string[]> {
  const driverFile = driver()
  const answer = driverFile ? await inWorker(path, level, driverFile) : null
  if (answer && 'problems' in answer) return answer.problems
  if (answer && 'failed' in answer) throw new Error(answer.failed)
  return checkHere(Database, path, level)
}
