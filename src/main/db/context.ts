import type Database from 'better-sqlite3'
import type { Db } from '../db/open-library'

/** What every service gets: the open library, a clock and an id source, so tests can fix both. */
export interface ServiceContext {
  db: Db
  sqlite: Database.Database
  now: () => Date
  newId: () => string
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString()
}
