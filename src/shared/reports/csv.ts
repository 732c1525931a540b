import { csvCell } from '../csv/cell'
import type { ReportDocument } from './model'
import { reportTables, sheetHeader, sheetValue } from './tables'

/**
 * One CSV file per table of the report, for spreadsheets and scripts: RFC 4180 (CRLF, quoted fields where
 * needed), UTF-8 with a byte-order mark so Excel reads Cyrillic right, formula-looking text neutralized by
 * shared/csv csvCell. Numbers are written plainly (a dot for decimals, no grouping) so they read back as numbers.
 */
export interface CsvFile {
  /** File name: the table's sheet name and .csv. */
  name: string
  csv: string
}

export function reportCsvFiles(doc: ReportDocument): CsvFile[] {
  return reportTables(doc).map(({ name, table }) => {
    const rows = table.rows.map((r) =>
      table.columns.map((c, i) => {
        const v = sheetValue(r[i] ?? null, c)
        return v === null ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : csvCell(v)
      }),
    )
    const header = table.columns.map((c) => csvCell(sheetHeader(c)))
    return { name: `${name}.csv`, csv: `\uFEFF${[header, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n` }
  })
}
