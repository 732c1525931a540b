import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { reportXlsx } from '../../src/main/services/reports/formats/xlsx'
import type { ReportDocument } from '../../src/shared/reports/model'
import { withTempDir } from '../shared/boards-export-tools'
import { HOSTILE, reportFixture } from '../shared/report-fixture'
import { office, officePdf, run, zipParts } from './reports-office'

const doc = reportFixture()
const bytes = await reportXlsx(doc)

async function read(b: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  // exceljs types its input as an ArrayBuffer, and reads it as bytes.
  await wb.xlsx.load(b.slice().buffer)
  return wb
}
const book = await read(bytes)
const churn = book.getWorksheet('Churn reasons')!
const companies = book.getWorksheet('Companies')!
const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1)

describe('report XLSX', () => {
  it('has one sheet per table, named as the CSV files are, each with its header row', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['Churn reasons', 'Companies'])
    expect(rowValues(churn, 1)).toEqual([
      'Code',
      'Reason',
      'Companies',
      'Share',
      'Lost MRR (USD)',
      'Prevention',
    ])
    expect(rowValues(companies, 1)).toEqual(['Company', 'MRR (EUR)', 'Seats', 'NPS', 'Customer since'])
    expect(churn.rowCount).toBe(6)
    expect(companies.rowCount).toBe(4)
    expect(book.creator).toBe('Fieldnote')
    expect(book.created.toISOString()).toBe('2026-11-30T00:00:00.000Z')
    expect(book.title).toBe(doc.title)
  })

  it('freezes and filters the bold header row, and sizes the columns from their content', () => {
    for (const sheet of [churn, companies]) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
      expect(sheet.autoFilter).toBeTruthy()
    }
    const widths = churn.columns.map((c) => c.width ?? 0)
    // "Клиент сравнивает цены перед продлением" is the longest reason; codes are short.
    expect(widths[1]).toBeGreaterThan(40)
    expect(widths[0]).toBeLessThan(12)
    for (const w of widths) expect(w).toBeLessThanOrEqual(60)
  })

  it('keeps numbers as numbers: integers, percents as fractions, money in major units, dates as dates', () => {
    expect(rowValues(churn, 2).slice(0, 5)).toEqual(['PRC-01', 'Price too high', 9, 0.45, 12345.67])
    expect(rowValues(churn, 5).slice(2, 5)).toEqual([3, 0.15, 0])
    expect(churn.getCell('E6').value).toBeNull()
    expect(churn.getCell('D2').numFmt).toBe('0.0%')
    expect(churn.getCell('C2').numFmt).toBe('#,##0')
    expect(churn.getCell('E2').numFmt).toBe('"$"#,##0.00')
    expect(churn.getCell('E4').value).toBe(0.99)
    expect(churn.getCell('B3').value).toBe('Onboarding, "slow"\nand manual')
    const acme = rowValues(companies, 2)
    expect(acme.slice(0, 4)).toEqual(['Acme & Co', 4500, 42, 7.5])
    expect(companies.getCell('B2').numFmt).toBe('"€"#,##0.00')
    expect(companies.getCell('D3').value).toBe(-2.25)
    const since = companies.getCell('E3')
    expect(since.value).toBeInstanceOf(Date)
    expect((since.value as Date).toISOString()).toBe('2025-12-31T00:00:00.000Z')
    expect(since.numFmt).toBe('yyyy-mm-dd')
    expect(companies.getCell('E4').value).toBeNull()
    expect(companies.getCell('A3').value).toBe('ООО «Ромашка»')
  })

  it('neutralizes text a spreadsheet would run as a formula, and holds no formula at all', () => {
    const prevention = [2, 3, 4, 5].map((r) => churn.getCell(r, 6))
    expect(prevention.map((c) => c.value)).toEqual([
      `'${HOSTILE.hyperlink}`,
      `'${HOSTILE.plus}`,
      `'${HOSTILE.minus}`,
      `'${HOSTILE.at}`,
    ])
    for (const c of prevention) {
      expect(c.type).toBe(ExcelJS.ValueType.String)
      expect(c.formula).toBeUndefined()
    }
    expect(companies.getCell('A4').value).toBe(`'${HOSTILE.at}`)
    expect(churn.getCell('B5').value).toBe(HOSTILE.script)
    const { xml } = zipParts(bytes)
    for (const [path, part] of xml) {
      expect(part, path).not.toMatch(/<f>|<f [^>]*>/)
      expect(part, path).not.toContain('<script')
    }
    expect(xml.get('xl/sharedStrings.xml')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('writes the currency where the language puts it, drops characters XML cannot hold', async () => {
    const ru = await read(await reportXlsx({ ...doc, language: 'ru' }))
    expect(ru.getWorksheet('Companies')!.getCell('B2').numFmt).toBe('#,##0.00 "€"')
    const odd: ReportDocument = {
      ...doc,
      sections: [
        {
          id: 'people',
          title: 'People',
          blocks: [
            {
              kind: 'table',
              caption: 'Odd',
              sheetName: 'Odd',
              columns: [
                { header: '=Name\u0001', type: 'text' },
                { header: 'Since', type: 'date' },
                { header: 'Count', type: 'integer' },
              ],
              rows: [['bell\u0007 and\u000b tab', 'not a date', Number.NaN]],
            },
          ],
        },
      ],
    }
    const sheet = (await read(await reportXlsx(odd))).getWorksheet('Odd')!
    expect(rowValues(sheet, 1)).toEqual(["'=Name", 'Since', 'Count'])
    expect(sheet.getCell('A2').value).toBe('bell and tab')
    expect(sheet.getCell('B2').value).toBe('not a date')
    expect(sheet.getCell('C2').value).toBeNull()
  })

  it('says so on its one sheet when the report has no table', async () => {
    const none = { ...doc, sections: doc.sections.filter((s) => s.id === 'summary') }
    const en = await read(await reportXlsx(none))
    expect(en.worksheets.map((s) => s.name)).toEqual(['Report'])
    expect(rowValues(en.worksheets[0]!, 2)).toEqual(['This report has no tables.'])
    const ru = await read(await reportXlsx({ ...none, language: 'ru', title: '=1+1' }))
    expect(ru.worksheets.map((s) => s.name)).toEqual(['Отчёт'])
    expect(rowValues(ru.worksheets[0]!, 1)).toEqual(["'=1+1"])
    expect(rowValues(ru.worksheets[0]!, 2)).toEqual(['В этом отчёте нет таблиц.'])
  })
})

describe.skipIf(!office)('report XLSX in LibreOffice', () => {
  it('opens in Calc with every sheet’s header and values', { timeout: 180_000 }, () =>
    withTempDir((dir) => {
      // Calc wraps a long cell over lines: the words are compared with their spacing evened out.
      const words = run('pdftotext', [officePdf(dir, 'report.xlsx', bytes), '-']).replace(/\s+/g, ' ')
      for (const t of ['Lost MRR (USD)', 'Customer since', 'PRC-01', HOSTILE.cyrillic, '2025-12-31', '45.0%'])
        expect(words).toContain(t)
      expect(words).toContain(`'${HOSTILE.at}`)
      expect(words).toMatch(/\$12,345\.67/)
    }),
  )
})
