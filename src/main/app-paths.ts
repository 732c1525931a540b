import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where the SQL migrations are: next to the built main bundle in development and tests (resources/drizzle
 * of the project), or in the packaged app's resources folder.
 */
export function findMigrationsFolder(candidates: string[]): string {
  for (const c of candidates) if (existsSync(join(c, 'meta', '_journal.json'))) return c
  throw new Error(`Fieldnote's database migrations were not found (looked in ${candidates.join(', ')})`)
}
