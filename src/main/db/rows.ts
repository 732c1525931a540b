import { AppError } from '../../shared/ipc/errors'

export function mustExist<T>(row: T | undefined | null, what: string, id: string): T {
  if (!row) throw new AppError('NOT_FOUND', `${what} ${id} was not found. It may have been deleted.`)
  return row
}

/** LIKE pattern for a user's search text, with LIKE's wildcards taken literally. */
export function likePattern(search: string | undefined): string | null {
  const s = search?.trim()
  if (!s) return null
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Drops keys whose value is undefined, so a partial update never writes them. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
