import { moneyMajor } from './cells'
import type { ReportBlock, ReportCell, ReportColumn, ReportDocument } from './model'

/**
 * The report's tables as spreadsheets see them (XLSX sheets, CSV files): every table block in document order,
 * each with a unique name, and cells as values, not display text: money in major units (the currency goes
 * into the header), a percent as its fraction, a date as its ISO text.
 */
export type ReportTable = Extract<ReportBlock, { kind: 'table' }>

export interface SheetTable {
  name: string
  table: ReportTable
}

/** Excel's limit on a sheet name; CSV file names follow it so both exports name a table the same. */
const MAX_NAME = 31

export function reportTables(doc: ReportDocument): SheetTable[] {
  const tables = [
    ...(doc.dataTables ?? []),
    ...doc.sections.flatMap((s) => [...s.blocks, ...(s.children ?? []).flatMap((c) => c.blocks)]),
  ]
  const used = new Set<string>()
  return tables
    .filter((b): b is ReportTable => b.kind === 'table')
    .map((table, i) => {
      // Characters Excel refuses in a sheet name (and a path separator) go, whatever the model let through.
      const base =
        table.sheetName
          .replace(/[\\/?*[\]:']|\p{Cc}/gu, ' ')
          .trim()
          .slice(0, MAX_NAME) || `Table ${i + 1}`
      let name = base
      for (let k = 2; used.has(name.toLowerCase()); k++)
        name = `${base.slice(0, MAX_NAME - String(k).length - 1)} ${k}`
      used.add(name.toLowerCase())
      return { name, table }
    })
}

/** The header a spreadsheet shows: a money column says its currency, as its values are plain numbers. */
export const sheetHeader = (c: ReportColumn): string =>
  c.type === 'money' ? `${c.header} (${c.currency ?? 'USD'})` : c.header

/** A cell's value for a spreadsheet; null is an empty cell. */
export function sheetValue(value: ReportCell, c: ReportColumn): string | number | null {
  if (value === null) return null
  if (typeof value === 'number' && c.type === 'money') return moneyMajor(value, c.currency)
  return value
}
