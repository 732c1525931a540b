import {
  IMPORT_FIELDS,
  resolveMapping,
  suggestMapping,
  type ColumnMapping,
  type ImportKind,
} from '../../../shared/csv/mapping'
import {
  CsvError,
  looksLikeFormula,
  parseCsv,
  parseCsvDate,
  parseMoneyMinor,
  type CsvTable,
} from '../../../shared/csv/parse'
import { AppError } from '../../../shared/ipc/errors'
import type { ImportReport } from '../../../shared/ipc/contracts/imports'

/**
 * What the companies and churn-survey imports share: reading the CSV and its column mapping, the report,
 * and the checks of one row's cells.
 *
 * Every import is all-or-nothing: the rows are validated first, and by default a single rejected row means
 * nothing is written (committed: false, the report lists every rejected row with its line and every problem
 * found in it, so one round of fixes is enough). With skipInvalid the valid rows are written, in the one
 * transaction inImportTransaction holds across the batches, and the rejected ones reported. Cells are stored
 * as text and never evaluated; cells that look like spreadsheet formulas (= + - @) are flagged in the report.
 */

export interface ImportOptions {
  csv: string
  mapping?: ColumnMapping | undefined
  skipInvalid: boolean
  dryRun: boolean
}

export function table(csv: string): CsvTable {
  try {
    return parseCsv(csv)
  } catch (err) {
    if (err instanceof CsvError) throw new AppError('VALIDATION', `Not a readable CSV file: ${err.message}`)
    throw err
  }
}

function columns(kind: ImportKind, t: CsvTable, mapping: ColumnMapping | undefined): Record<string, number> {
  try {
    return resolveMapping(kind, t.headers, mapping ?? suggestMapping(kind, t.headers))
  } catch (err) {
    const expected = IMPORT_FIELDS[kind].join(',')
    throw new AppError(
      'VALIDATION',
      `${(err as Error).message} Expected the header ${expected}, or map the columns first.`,
    )
  }
}

/** The problems found in one row: every cell is checked, so the report names all of them at once. */
export class RowProblems {
  readonly list: string[] = []
  add(message: string): void {
    this.list.push(message)
  }
  get any(): boolean {
    return this.list.length > 0
  }
  rejectTo(out: ImportReport, line: number): void {
    out.rejected.push({ line, message: this.list.join('; '), problems: [...this.list] })
  }
}

function report(kind: ImportKind, totalRows: number): ImportReport {
  return {
    kind,
    committed: false,
    totalRows,
    imported: 0,
    createdCompanies: [],
    updatedCompanies: [],
    unmapped: 0,
    alreadyImported: 0,
    rejected: [],
    formulaCells: [],
  }
}

function flagFormulas(
  out: ImportReport,
  t: CsvTable,
  row: string[],
  line: number,
  cols: Record<string, number>,
) {
  for (const [field, index] of Object.entries(cols)) {
    const value = row[index] ?? ''
    if (looksLikeFormula(value))
      out.formulaCells.push({ line, column: t.headers[index] ?? field, value: value.slice(0, 200) })
  }
}

const cellOf = (row: string[], cols: Record<string, number>) => (field: string) => {
  const i = cols[field]
  return i === undefined ? '' : (row[i] ?? '').trim()
}

export function date(value: string, what: string, problems: RowProblems): string | null {
  if (value === '') return null
  const d = parseCsvDate(value)
  if (!d) problems.add(`${what} "${value.slice(0, 40)}" is not a date in the form YYYY-MM-DD`)
  return d
}

export function money(value: string, problems: RowProblems): number | null {
  if (value === '') return null
  const m = parseMoneyMinor(value)
  if (m === null) problems.add(`MRR "${value.slice(0, 40)}" is not an amount such as 49.99`)
  return m
}

/** One CSV row as the import checks it: its line in the file, its cells by field, and its problems so far. */
export interface ImportRow {
  line: number
  cell: (field: string) => string
  problems: RowProblems
}

/**
 * Reads the CSV with its column mapping (or the suggested one) and an empty report; eachRow walks the rows,
 * flagging formula-looking cells in the report before the import checks the row.
 */
export function readImport(kind: ImportKind, input: ImportOptions) {
  const t = table(input.csv)
  const cols = columns(kind, t, input.mapping)
  const out = report(kind, t.rows.length)
  const eachRow = (visit: (row: ImportRow) => void) =>
    t.rows.forEach((row, i) => {
      const line = t.lines[i] ?? i + 2
      flagFormulas(out, t, row, line, cols)
      visit({ line, cell: cellOf(row, cols), problems: new RowProblems() })
    })
  return { out, eachRow }
}

/**
 * The report of an import that writes nothing: a dry run (which counts what it would import), or rejected
 * rows without skipInvalid. null when the import goes ahead.
 */
export function unwritten(out: ImportReport, input: ImportOptions): ImportReport | null {
  if (input.dryRun || (out.rejected.length && !input.skipInvalid))
    return { ...out, imported: input.dryRun ? out.imported : 0, committed: false }
  return null
}
