import type Database from 'better-sqlite3'
import { progressOf } from '../../db/job-progress'

/** How far the running import is, from memory: answered while the import holds the library. */
export function importProgress(sqlite: Database.Database) {
  return progressOf(sqlite)
}
