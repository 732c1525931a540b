import ExcelJS from 'exceljs'
import { cellText, currencyDigits, isNumeric, isoDate } from '../../../../shared/reports/cells'
import { neutralizeFormula } from '../../../../shared/csv/cell'
import { REPORT_LABELS } from '../../../../shared/reports/labels'
import type { ReportCell, ReportColumn, ReportDocument } from '../../../../shared/reports/model'
import { type ReportTable, reportTables, sheetHeader, sheetValue } from '../../../../shared/reports/tables'
import { xmlText } from './xml-text'

/**
 * The report's tables as one workbook, a sheet per table (shared/reports/tables.ts names them, as the CSV
 * files are named), for people who sort, filter and sum: every value typed — numbers as numbers, a percent as
 * its fraction shown as a percent, money in major units with its currency's format, a date as a date — and
 * every text neutralized, so a participant's "=HYPERLINK(…)" stays the words it was.
 */

type Language = ReportDocument['language']

/** Excel keeps no more in a cell; a longer text would make it repair the file. */
const MAX_TEXT = 32_767
const MIN_WIDTH = 8
const MAX_WIDTH = 60

const text = (value: string): string => neutralizeFormula(xmlText(value)).slice(0, MAX_TEXT)

/** The currency's symbol as the report's language writes it ("$", "€", "₽"), or its code when it has none. */
function currencySymbol(currency: string, language: Language): string {
  try {
    const parts = new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    }).formatToParts(1)
    return parts.find((p) => p.type === 'currency')?.value ?? currency
  } catch {
    return currency
  }
}

function moneyFormat(currency: string, language: Language): string {
  const digits = currencyDigits(currency)
  const number = digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0'
  const symbol = `"${currencySymbol(currency, language).replace(/"/g, '')}"`
  // Where the language puts the symbol: "$1,234.50", "1 234,50 ₽" (Excel groups and points per locale).
  return language === 'ru' ? `${number} ${symbol}` : `${symbol}${number}`
}

function numberFormat(c: ReportColumn, language: Language): string | undefined {
  switch (c.type) {
    case 'integer':
      return '#,##0'
    case 'decimal':
      return '#,##0.00'
    case 'percent':
      return '0.0%'
    case 'money':
      return moneyFormat(c.currency ?? 'USD', language)
    case 'date':
      return 'yyyy-mm-dd'
    default:
      return undefined
  }
}

/** A cell's value as Excel stores it; strings that are not what the column's type expects stay text. */
function value(cell: ReportCell, c: ReportColumn): string | number | Date | null {
  const v = sheetValue(cell, c)
  if (v === null || v === '') return null
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null
    return c.type === 'date' ? new Date(v) : v
  }
  if (c.type === 'date') return isoDate(v) ?? text(v)
  return text(v)
}

/** Characters the widest line of a column shows, as Excel sizes columns: in characters of its font. */
function widthOf(header: string, cells: ReportCell[], c: ReportColumn, language: Language): number {
  // What the cell holds: text as neutralized, a number or a date as its format shows it.
  const shown = cells.map((v) =>
    typeof v === 'string' && !(c.type === 'date' && isoDate(v)) ? text(v) : cellText(v, c, language),
  )
  const lines = [header, ...shown].flatMap((t) => t.split(/\r\n?|\n/))
  const longest = Math.max(0, ...lines.map((l) => l.length))
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2))
}

/** Excel's row height for one line of its default font (Calibri 11), in points. */
const LINE_HEIGHT = 15
const FONT = { name: 'Calibri', size: 11 }

/**
 * The lines the tallest cell of a row wraps to in its column. Neither Excel nor LibreOffice grows a row to
 * its wrapped text when it opens a file, so a row of several lines is given its height here.
 */
function rowLines(values: (string | number | Date | null)[], widths: number[]): number {
  return Math.max(
    1,
    ...values.map((v, i) =>
      typeof v === 'string'
        ? v
            .split(/\r\n?|\n/)
            .reduce(
              (n, line) => n + Math.max(1, Math.ceil(line.length / Math.max(1, (widths[i] ?? 1) - 2))),
              0,
            )
        : 1,
    ),
  )
}

function tableSheet(workbook: ExcelJS.Workbook, name: string, table: ReportTable, language: Language): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed, a table keeps its columns on one page across and its header on every page.
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      showGridLines: true,
    },
  })
  sheet.columns = table.columns.map((c, i) => {
    const format = numberFormat(c, language)
    const header = text(sheetHeader(c))
    const cells = table.rows.map((r) => r[i] ?? null)
    return {
      header,
      width: widthOf(header, cells, c, language),
      style: format ? { numFmt: format } : {},
    }
  })
  const widths = sheet.columns.map((c) => c.width ?? MIN_WIDTH)
  const head = sheet.getRow(1)
  // The whole font, not just bold: a font without its name is the application's default, not the sheet's.
  head.font = { ...FONT, bold: true }
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } }
  head.alignment = { vertical: 'top', wrapText: true }
  // A number column's header stands over its numbers, on the right.
  table.columns.forEach((c, i) => {
    if (isNumeric(c)) head.getCell(i + 1).alignment = { vertical: 'top', wrapText: true, horizontal: 'right' }
  })
  for (const r of table.rows) {
    const values = table.columns.map((c, i) => value(r[i] ?? null, c))
    const row = sheet.addRow(values)
    row.alignment = { vertical: 'top', wrapText: true }
    const lines = rowLines(values, widths)
    if (lines > 1) row.height = lines * LINE_HEIGHT
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
}

export async function reportXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const labels = REPORT_LABELS[doc.language]
  const workbook = new ExcelJS.Workbook()
  const created = isoDate(doc.createdOn) ?? new Date()
  workbook.creator = 'Fieldnote'
  workbook.lastModifiedBy = 'Fieldnote'
  workbook.created = created
  workbook.modified = created
  workbook.title = xmlText(doc.title)
  const tables = reportTables(doc)
  for (const { name, table } of tables) tableSheet(workbook, name, table, doc.language)
  if (!tables.length) {
    const sheet = workbook.addWorksheet(labels.formats.reportSheet)
    sheet.getColumn(1).width = MAX_WIDTH
    sheet.addRow([text(doc.title)]).font = { ...FONT, bold: true }
    sheet.addRow([labels.formats.noTables])
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
