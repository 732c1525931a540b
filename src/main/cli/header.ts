import {
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  suggestMapping,
  type ColumnMapping,
  type ImportKind,
} from '../../shared/csv/mapping'
import { CsvError, headerKey, parseCsv } from '../../shared/csv/parse'

/** The command's name for the kind, and where the app matches other column names by hand. */
const LABEL: Record<ImportKind, string> = { companies: 'companies', churnSurvey: 'churn-survey' }
const MAPPING_SCREEN: Record<ImportKind, string> = {
  companies: 'Churn reasons › Import companies CSV',
  churnSurvey: 'Churn reasons › Import churn survey CSV',
}

const quote = (s: string) => `"${s}"`

/**
 * The command line takes only the documented header: each column one of the kind's fields, in any order and
 * letter case (the app's headerKey: spaces and dashes count as underscores), each at most once, with every
 * required field present; optional fields may be left out. A column without a name is allowed only when it
 * is empty (a trailing comma). The app's own guess (suggestMapping: "Account Name" → name, "Tier" → segment)
 * is for its mapping screen, where the user sees and confirms it; here it only hints at a fix.
 *
 * Returns the explicit field → header mapping for the import, or a one-line problem naming the columns.
 */
export function standardHeaderMapping(
  kind: ImportKind,
  csv: string,
  file: string,
): { mapping: ColumnMapping } | { problem: string } {
  let headers: string[]
  let rows: string[][]
  try {
    ;({ headers, rows } = parseCsv(csv))
  } catch (err) {
    if (err instanceof CsvError) return { problem: `Not a readable CSV file: ${err.message}` }
    throw err
  }
  const fields = IMPORT_FIELDS[kind]
  const at = new Map<string, number>()
  const unknown: number[] = []
  const unnamed: number[] = []
  const twice = new Map<string, string[]>()
  headers.forEach((header, i) => {
    const key = headerKey(header)
    if (header === '') {
      if (rows.some((r) => (r[i] ?? '').trim() !== '')) unnamed.push(i + 1)
    } else if (!fields.includes(key)) unknown.push(i)
    else if (at.has(key)) twice.set(key, [...(twice.get(key) ?? [headers[at.get(key)!]!]), header])
    else at.set(key, i)
  })
  const missing = REQUIRED_FIELDS[kind].filter((f) => !at.has(f))

  if (!unknown.length && !unnamed.length && !twice.size && !missing.length)
    return {
      mapping: Object.fromEntries(
        fields.map((f) => [f, at.has(f) ? (headers[at.get(f)!] ?? null) : null] as const),
      ),
    }

  const guess = suggestMapping(kind, headers)
  const hint = (header: string) => {
    const field = fields.find((f) => !at.has(f) && guess[f] === header)
    return field ? ` (${field}?)` : ''
  }
  const problems: string[] = []
  if (unknown.length)
    problems.push(
      `unknown column(s) ${unknown.map((i) => `${quote(headers[i]!)}${hint(headers[i]!)}`).join(', ')}`,
    )
  if (unnamed.length)
    problems.push(
      unnamed.length === 1
        ? `a column without a name (column ${unnamed[0]})`
        : `columns without a name (columns ${unnamed.join(', ')})`,
    )
  for (const [field, names] of twice)
    problems.push(
      `column ${field} appears ${names.length === 2 ? 'twice' : `${names.length} times`} (${names.map(quote).join(', ')})`,
    )
  if (missing.length) problems.push(`missing column(s) ${missing.join(', ')}`)
  const required = REQUIRED_FIELDS[kind]
  return {
    problem:
      `${file} does not have the standard ${LABEL[kind]} header: ${problems.join('; ')}. ` +
      `Expected ${fields.join(',')} (any order and case; only ${required.join(', ')} ${required.length > 1 ? 'are' : 'is'} required). ` +
      `Rename the columns, or match them in the app: ${MAPPING_SCREEN[kind]}.`,
  }
}
