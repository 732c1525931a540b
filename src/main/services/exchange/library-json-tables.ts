import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import journal from '../../../../resources/drizzle/meta/_journal.json'
import * as schema from '../../db/schema'

/**
 * What the library JSON format holds (docs/library-json.schema.json, docs/decisions.md): the primary tables
 * of schema.ts, in an order where every table comes after the tables it references, each row with every
 * column as SQLite stores it. Derived tables are never written: the import rebuilds them through the same
 * triggers that keep them in step in the app. test/main/exchange-json.test.ts fails when schema.ts has a
 * table that is in neither list.
 */

export const FORMAT_ID = 'fieldnote-library'
export const FORMAT_VERSION = 1
/** The latest migration this build knows: the schema the rows' columns and values belong to. */
export const SCHEMA_VERSION: string = journal.entries.at(-1)?.tag ?? 'none'

export const PRIMARY_TABLES = [
  schema.studies,
  schema.companies,
  schema.participants,
  schema.scripts,
  schema.tags,
  schema.tagAliases,
  schema.tagMerges,
  schema.interviews,
  schema.interviewNotes,
  schema.transcripts,
  schema.churnSurveyResponses,
  schema.highlights,
  schema.highlightTags,
  schema.jobStories,
  schema.detachedHighlights,
  schema.boards,
  schema.boardStages,
  schema.boardLanes,
  schema.boardCards,
  schema.boardCardEvidence,
  schema.insights,
  schema.insightEvidence,
  schema.insightTags,
] as const

/** Derived from the primary rows by triggers (resources/drizzle/0005, 0006); a file that has them is told so. */
export const DERIVED_TABLES: Record<string, string> = {
  [getTableConfig(schema.interviewTagCounts).name]: 'counted again from the highlight tags',
  [getTableConfig(schema.transcriptPassages).name]: 'cut again from the transcripts',
  notes_fts: 'search index, rebuilt from the notes',
  transcripts_fts: 'search index, rebuilt from the transcripts',
  highlights_fts: 'search index, rebuilt from the highlights',
  survey_fts: 'search index, rebuilt from the survey answers',
  ratings_fts: 'search index, rebuilt from the rating reasons',
}

/** Text columns that hold JSON: a value must parse, or triggers (passages) and screens would fail on it. */
const JSON_COLUMNS: Record<string, Record<string, 'object' | 'array'>> = {
  scripts: { body: 'object' },
  interviews: { script_snapshot: 'object', csi_ratings: 'object' },
  interview_notes: { doc: 'object' },
  transcripts: { doc: 'object' },
  tag_merges: { snapshot: 'object' },
  detached_highlights: { tag_ids: 'array' },
  board_cards: { teams: 'array', answers: 'array' },
  insights: { statement_json: 'object' },
}

/** Calendar dates as the user typed them (YYYY-MM-DD); every other *_at / *_on column is an instant. */
const DATE_COLUMNS = new Set(['customer_since', 'churned_on', 'responded_on'])

export interface ColumnInfo {
  name: string
  type: 'text' | 'integer' | 'real' | 'boolean'
  notNull: boolean
  enumValues: readonly string[] | null
  json: 'object' | 'array' | null
  date: 'date' | 'datetime' | null
}

export interface Reference {
  columns: string[]
  table: string
  foreignColumns: string[]
}

export interface TableInfo {
  name: string
  columns: ColumnInfo[]
  /** The columns that identify a row: `id`, or the composite key of a link table. */
  key: string[]
  references: Reference[]
}

const TYPES: Record<string, ColumnInfo['type']> = {
  SQLiteText: 'text',
  SQLiteInteger: 'integer',
  SQLiteReal: 'real',
  SQLiteBoolean: 'boolean',
}

function columnInfo(table: string, c: SQLiteColumn): ColumnInfo {
  const type = TYPES[c.columnType]
  if (!type)
    throw new Error(`library JSON: ${table}.${c.name} has a column type (${c.columnType}) the format lacks`)
  const enumValues = (c as { enumValues?: readonly string[] }).enumValues
  const date = DATE_COLUMNS.has(c.name) ? 'date' : /_at$/.test(c.name) ? 'datetime' : null
  return {
    name: c.name,
    type,
    notNull: c.notNull,
    enumValues: type === 'text' && enumValues?.length ? enumValues : null,
    json: JSON_COLUMNS[table]?.[c.name] ?? null,
    date,
  }
}

function tableInfo(table: SQLiteTable): TableInfo {
  const config = getTableConfig(table)
  const primary = config.primaryKeys[0]?.columns.map((c) => c.name)
  return {
    name: config.name,
    columns: config.columns.map((c) => columnInfo(config.name, c)),
    key: primary ?? config.columns.filter((c) => c.primary).map((c) => c.name),
    references: config.foreignKeys.map((fk) => {
      const r = fk.reference()
      return {
        columns: r.columns.map((c) => c.name),
        table: getTableConfig(r.foreignTable).name,
        foreignColumns: r.foreignColumns.map((c) => c.name),
      }
    }),
  }
}

export const TABLES: readonly TableInfo[] = PRIMARY_TABLES.map(tableInfo)
export const TABLE_NAMES: readonly string[] = TABLES.map((t) => t.name)
