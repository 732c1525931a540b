import { z } from 'zod'
import { IsoDateTimeSchema } from '../../../shared/domain/common'
import { AppError } from '../../../shared/ipc/errors'
import journal from '../../../../resources/drizzle/meta/_journal.json'
import { TablesSchema, type Row } from './library-json-rows'
import { DERIVED_TABLES, FORMAT_ID, FORMAT_VERSION, SCHEMA_VERSION, TABLES } from './library-json-tables'

/** A library JSON file that passed every check, ready to be written into a new library. */
export interface LibraryJsonFile {
  schemaVersion: string
  exportedAt: string
  study: { id: string; name: string } | null
  /** Every primary table, in the format's order. */
  tables: Record<string, Row[]>
  /** What the file has that the import leaves out, and why (derived tables). */
  skipped: { what: string; reason: string }[]
}

/** How many problems a refusal lists: enough to fix a file by hand, not a wall of text. */
const MAX_ISSUES = 20

function refuse(issues: string[]): never {
  throw new AppError(
    'VALIDATION',
    issues[0] ?? 'The file is not a Fieldnote library JSON file.',
    issues.slice(0, MAX_ISSUES),
  )
}

/** tables.interviews[3].scheduled_at, as the user finds it in the file. */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}${out ? '.' : ''}${String(key)}`),
    '',
  )
}

const issuesOf = (err: z.ZodError, prefix: readonly PropertyKey[] = []): string[] =>
  err.issues.map((i) => {
    const at = pathText([...prefix, ...i.path])
    return at ? `${at}: ${i.message}` : i.message
  })

/** Refuses a file this build cannot read, by name: another format, or a newer version of this one. */
function checkVersions(doc: unknown): void {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    refuse([
      'The file is not a Fieldnote library JSON file: expected an object with "format", "version" and "tables".',
    ])
  const { format, version, schemaVersion } = doc as Record<string, unknown>
  const said = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v))
  if (format !== FORMAT_ID)
    refuse([
      `The file is not a Fieldnote library JSON file: "format" is ${said(format)}, expected "${FORMAT_ID}".`,
    ])
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    refuse([`version: expected a whole number from 1 (the file has ${said(version)})`])
  if (typeof schemaVersion !== 'string')
    refuse([
      `schemaVersion: expected the name of a schema, such as "${SCHEMA_VERSION}" (the file has ${said(schemaVersion)})`,
    ])
  const known = journal.entries.map((e) => e.tag)
  const newer = version > FORMAT_VERSION || !known.includes(schemaVersion)
  if (newer)
    throw new AppError(
      'LIBRARY_NEWER_VERSION',
      `The file was exported by a newer Fieldnote (format version ${version}, schema ${schemaVersion}); this Fieldnote reads format version ${FORMAT_VERSION}, schema ${SCHEMA_VERSION}. Update Fieldnote to import it.`,
    )
  if (schemaVersion !== SCHEMA_VERSION)
    refuse([
      `The file was exported by an older Fieldnote (schema ${schemaVersion}); this Fieldnote imports files of schema ${SCHEMA_VERSION} only. Open the backup in the Fieldnote that made it, or import it with a version of Fieldnote from schema ${schemaVersion}.`,
    ])
}

const FileSchema = z.strictObject(
  {
    format: z.literal(FORMAT_ID),
    version: z.literal(FORMAT_VERSION),
    schemaVersion: z.literal(SCHEMA_VERSION),
    exportedAt: z
      .string({ error: 'expected a date and time' })
      .refine((v) => IsoDateTimeSchema.safeParse(v).success, 'expected a date and time (ISO 8601)'),
    study: z
      .strictObject({ id: z.string({ error: 'expected text' }), name: z.string({ error: 'expected text' }) })
      .nullable(),
    tables: TablesSchema,
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `not part of the format: ${issue.keys.join(', ')}` : undefined,
  },
)

const keyOf = (row: Row, columns: readonly string[]): string =>
  columns.map((c) => String(row[c])).join('\u0000')

/**
 * What zod cannot see row by row: every row's key is unique in its table, and every reference names a row
 * the file has (a study export leaves out what points outside the study, so this holds for it too).
 */
function checkKeysAndReferences(tables: Record<string, Row[]>): string[] {
  const issues: string[] = []
  const keys = new Map<string, Set<string>>()
  for (const t of TABLES) {
    const seen = new Set<string>()
    for (const [i, row] of (tables[t.name] ?? []).entries()) {
      const key = keyOf(row, t.key)
      if (seen.has(key))
        issues.push(
          `tables.${t.name}[${i}]: a second row with ${t.key.map((c) => `${c} ${JSON.stringify(row[c])}`).join(' and ')}`,
        )
      seen.add(key)
    }
    keys.set(t.name, seen)
  }
  for (const t of TABLES)
    for (const ref of t.references) {
      const target = keys.get(ref.table)
      for (const [i, row] of (tables[t.name] ?? []).entries()) {
        if (ref.columns.some((c) => row[c] === null)) continue
        if (target?.has(keyOf(row, ref.columns))) continue
        issues.push(
          `tables.${t.name}[${i}].${ref.columns.join('+')}: ${JSON.stringify(row[ref.columns[0] ?? ''])} names no row of ${ref.table}`,
        )
        if (issues.length >= MAX_ISSUES) return issues
      }
    }
  return issues
}

/**
 * Reads and checks a whole library JSON file before anything is written: JSON, the format and its versions,
 * every value of every row, keys and references. Throws VALIDATION (or LIBRARY_NEWER_VERSION) with messages
 * naming the path of each bad value.
 */
export function readLibraryJson(text: string): LibraryJsonFile {
  let doc: unknown
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    refuse([`The file is not JSON: ${(err as Error).message}`])
  }
  checkVersions(doc)
  const parsed = FileSchema.safeParse(doc)
  if (!parsed.success) refuse(issuesOf(parsed.error))
  const all = parsed.data.tables as Record<string, unknown>
  const tables: Record<string, Row[]> = {}
  for (const t of TABLES) tables[t.name] = all[t.name] as Row[]
  const problems = checkKeysAndReferences(tables)
  if (problems.length) refuse(problems)
  return {
    schemaVersion: parsed.data.schemaVersion,
    exportedAt: parsed.data.exportedAt,
    study: parsed.data.study,
    tables,
    skipped: Object.keys(DERIVED_TABLES)
      .filter((name) => all[name] !== undefined)
      .map((name) => ({ what: `tables.${name}`, reason: `derived data: ${DERIVED_TABLES[name]} on import` })),
  }
}
