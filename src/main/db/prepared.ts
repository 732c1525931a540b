import type Database from 'better-sqlite3'
import { getTableColumns } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'

/** Prepared statements per connection: preparing costs as much as running the small queries that use this. */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db)
  if (!cache) statementCache.set(db, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)))
  return stmt
}

/**
 * The `column = @field` list of a partial UPDATE: one entry per field of `changes` that is set (undefined
 * is left out, keys that are not columns of the table are ignored), its column name taken from schema.ts.
 * Only the given columns are named because triggers such as ratings_fts_au fire on every column an UPDATE
 * names, changed or not. Booleans are bound as 1/0, which is how drizzle's boolean columns are stored.
 */
export function setClause(
  table: SQLiteTable,
  changes: Record<string, unknown>,
): { sql: string; params: Record<string, unknown> } {
  const columns = getTableColumns(table) as Record<string, { name: string } | undefined>
  const set: string[] = []
  const params: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(changes)) {
    const column = columns[field]
    if (value === undefined || !column) continue
    set.push(`${column.name} = @${field}`)
    params[field] = typeof value === 'boolean' ? Number(value) : value
  }
  return { sql: set.join(', '), params }
}
