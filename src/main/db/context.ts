import type Database from 'better-sqlite3'

/** What every service gets: the open library, a clock and an id source, so tests can fix both. */
export interface ServiceContext {
  sqlite: Database.Database
  now: () => Date
  newId: () => string
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString()
}
