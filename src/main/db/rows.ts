import type Database from 'better-sqlite3'
import type { InferSelectModel } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { AppError } from '../../shared/ipc/errors'
import { prepared } from './prepared'
import type * as schema from './schema'

export function mustExist<T>(row: T | undefined | null, what: string, id: string): T {
  if (!row) throw new AppError('NOT_FOUND', `${what} ${id} was not found. It may have been deleted.`)
  return row
}

/** The tables whose ids calls name and check first, with the name a NOT_FOUND message gives their rows. */
const ROW_NAMES = {
  interviews: 'Interview',
  studies: 'Study',
  companies: 'Company',
  transcripts: 'Transcript',
} as const

/** NOT_FOUND unless the table has a row with this id. */
export function mustExistId(sqlite: Database.Database, table: keyof typeof ROW_NAMES, id: string): void {
  mustExist(prepared(sqlite, `select id from ${table} where id = ?`).get(id), ROW_NAMES[table], id)
}

/**
 * The `column = @to where column = @from` of an UPDATE that moves a tag reference from one tag to another,
 * for a tag merge and its undo; `onlyIds` limits it to those rows. Like setClause it only builds the
 * statement: the service that owns the table runs it, so that service stays the table's one writer.
 */
export function repointClause(
  column: string,
  fromTagId: string,
  toTagId: string,
  onlyIds?: readonly string[],
): { sql: string; params: Record<string, string> } {
  const only = onlyIds ? ' and id in (select value from json_each(@only))' : ''
  return {
    sql: `${column} = @to where ${column} = @from${only}`,
    params: { from: fromTagId, to: toTagId, ...(onlyIds && { only: JSON.stringify(onlyIds) }) },
  }
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

// ---- Table rows ----------------------------------------------------------------------------------------
// Rows as better-sqlite3 returns them from `select *`: SQL column names, booleans as 0/1. Derived from
// schema.ts, so a column added or renamed there changes these types and every query that reads them.

type Stored<V> = [V] extends [boolean] ? 0 | 1 : [V] extends [boolean | null] ? 0 | 1 | null : V

type Selected<T extends SQLiteTable> = InferSelectModel<T, { dbColumnNames: true }>

/** A table's row with its SQL column names and SQLite's values (0/1 for drizzle's boolean columns). */
export type RowOf<T extends SQLiteTable> = { [K in keyof Selected<T>]: Stored<Selected<T>[K]> }

export type StudyRow = RowOf<typeof schema.studies>
export type CompanyRow = RowOf<typeof schema.companies>
export type ParticipantRow = RowOf<typeof schema.participants>
export type ScriptRow = RowOf<typeof schema.scripts>
export type InterviewRow = RowOf<typeof schema.interviews>
export type InterviewNoteRow = RowOf<typeof schema.interviewNotes>
export type TranscriptRow = RowOf<typeof schema.transcripts>
export type TranscriptPassageRow = RowOf<typeof schema.transcriptPassages>
export type ChurnSurveyResponseRow = RowOf<typeof schema.churnSurveyResponses>
export type HighlightRow = RowOf<typeof schema.highlights>
export type HighlightTagRow = RowOf<typeof schema.highlightTags>
export type DetachedHighlightRow = RowOf<typeof schema.detachedHighlights>
