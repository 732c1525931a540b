import {
  DERIVED_TABLES,
  FORMAT_ID,
  FORMAT_VERSION,
  SCHEMA_VERSION,
  TABLES,
  type ColumnInfo,
} from './library-json-tables'

/**
 * The JSON Schema of the library JSON format, from the same column list as the export and the import's zod
 * checks. docs/library-json.schema.json is this, written by `FIELDNOTE_WRITE_GENERATED=1 npx vitest run
 * --project main test/main/exchange-json.test.ts`; the test fails when the file is stale. What JSON Schema
 * cannot say (dates are real dates, JSON text parses, keys are unique, references resolve) the import checks.
 */

function valueOf(c: ColumnInfo): Record<string, unknown> {
  const v: Record<string, unknown> =
    c.type === 'integer'
      ? { type: 'integer' }
      : c.type === 'real'
        ? { type: 'number' }
        : c.type === 'boolean'
          ? { enum: [0, 1], description: 'A boolean as SQLite stores it.' }
          : c.enumValues
            ? { enum: [...c.enumValues] }
            : { type: 'string' }
  if (c.json) v['description'] = `JSON text of an ${c.json}, as stored.`
  if (c.date === 'date')
    Object.assign(v, { pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar date.' })
  if (c.date === 'datetime') v['description'] = 'An ISO 8601 date and time.'
  if (c.notNull) return v
  if (typeof v['type'] === 'string') return { ...v, type: [v['type'], 'null'] }
  return { ...v, enum: [...(v['enum'] as unknown[]), null] }
}

export function libraryJsonSchema(): Record<string, unknown> {
  const tables: Record<string, unknown> = {}
  for (const t of TABLES) {
    const references = t.references.map(
      (r) => `${r.columns.join(', ')} → ${r.table}.${r.foreignColumns.join(', ')}`,
    )
    tables[t.name] = {
      type: 'array',
      description: `Rows of ${t.name} in rowid order; key ${t.key.join(' + ')}${references.length ? `; references ${references.join('; ')}` : ''}.`,
      items: {
        type: 'object',
        additionalProperties: false,
        required: t.columns.map((c) => c.name),
        properties: Object.fromEntries(t.columns.map((c) => [c.name, valueOf(c)])),
      },
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://fieldnote.app/schemas/${FORMAT_ID}-${FORMAT_VERSION}.json`,
    title: 'Fieldnote library JSON',
    description: `A whole Fieldnote library, or one study of it, as SQLite stores it (schema ${SCHEMA_VERSION}). Derived tables (${Object.keys(DERIVED_TABLES).join(', ')}) are not part of it: an import rebuilds them.`,
    type: 'object',
    additionalProperties: false,
    required: ['format', 'version', 'schemaVersion', 'exportedAt', 'study', 'tables'],
    properties: {
      format: { const: FORMAT_ID },
      version: { const: FORMAT_VERSION },
      schemaVersion: {
        type: 'string',
        description: `The latest migration of the library that was exported; this build writes and reads ${SCHEMA_VERSION}.`,
      },
      exportedAt: { type: 'string', description: 'When the file was written, ISO 8601.' },
      study: {
        description: 'The study a one-study export holds, or null for the whole library.',
        oneOf: [
          { type: 'null' },
          {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'name'],
            properties: { id: { type: 'string' }, name: { type: 'string' } },
          },
        ],
      },
      tables: {
        type: 'object',
        additionalProperties: false,
        required: TABLES.map((t) => t.name),
        properties: tables,
      },
    },
  }
}

/** The schema file's text: two-space JSON with a final newline, as prettier leaves it. */
export const libraryJsonSchemaText = (): string => `${JSON.stringify(libraryJsonSchema(), null, 2)}\n`
