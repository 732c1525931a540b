import type Database from 'better-sqlite3'

/** Prepared statements per connection: preparing costs as much as running the small queries that use this. */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db)
  if (!cache) statementCache.set(db, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)))
  return stmt
}
