import { z } from 'zod'
import { IsoDateSchema, IsoDateTimeSchema } from '../../../shared/domain/common'
import { DERIVED_TABLES, TABLES, type ColumnInfo, type TableInfo } from './library-json-tables'

/**
 * The zod schema of a library JSON file's `tables`, built from the same column list the export writes and
 * docs/library-json.schema.json describes: every column present, typed as SQLite stores it, nothing else. Its
 * messages say what was expected, so a refusal reads "tables.interviews[3].scheduled_at: expected a date and
 * time".
 */

export type Row = Record<string, string | number | null>

const missingOr =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'missing' : expected

function jsonText(kind: 'object' | 'array') {
  return z.string({ error: missingOr(`expected JSON text of an ${kind}`) }).check((ctx) => {
    let value: unknown
    try {
      value = JSON.parse(ctx.value)
    } catch {
      value = undefined
    }
    const ok =
      kind === 'array'
        ? Array.isArray(value)
        : typeof value === 'object' && value !== null && !Array.isArray(value)
    if (!ok)
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `expected JSON text of an ${kind}` })
  })
}

/** A text value that must also pass one of the app's own schemas (dates as the services accept them). */
const checked = (schema: z.ZodType, expected: string) =>
  z.string({ error: missingOr(expected) }).refine((v) => schema.safeParse(v).success, expected)

function valueSchema(c: ColumnInfo): z.ZodType {
  if (c.type === 'integer') return z.int({ error: missingOr('expected a whole number') })
  if (c.type === 'real') return z.number({ error: missingOr('expected a number') })
  if (c.type === 'boolean') return z.literal([0, 1], { error: missingOr('expected 0 or 1') })
  if (c.enumValues)
    return z.enum(c.enumValues as [string, ...string[]], {
      error: missingOr(`expected one of ${c.enumValues.join(', ')}`),
    })
  if (c.json) return jsonText(c.json)
  if (c.date === 'date') return checked(IsoDateSchema, 'expected a date (YYYY-MM-DD)')
  if (c.date === 'datetime') return checked(IsoDateTimeSchema, 'expected a date and time (ISO 8601)')
  return z.string({ error: missingOr('expected text') })
}

function rowSchema(t: TableInfo): z.ZodType<Row> {
  const shape: Record<string, z.ZodType> = {}
  for (const c of t.columns) {
    const value = valueSchema(c)
    shape[c.name] = c.notNull ? value : value.nullable()
  }
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `not a column of ${t.name}: ${issue.keys.join(', ')}`
        : 'expected a row (an object)',
  }) as unknown as z.ZodType<Row>
}

const tableShape: Record<string, z.ZodType> = {}
for (const t of TABLES)
  tableShape[t.name] = z.array(rowSchema(t), { error: missingOr('expected a list of rows') })
// A derived table in the file is left out with its reason (the import report says so); any shape will do.
for (const name of Object.keys(DERIVED_TABLES)) tableShape[name] = z.unknown().optional()

export const TablesSchema = z.strictObject(tableShape, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `not a table of Fieldnote's library: ${issue.keys.join(', ')}`
      : 'expected an object of tables',
}) as unknown as z.ZodType<Record<string, Row[] | unknown>>
