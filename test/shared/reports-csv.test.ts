import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvCell, neutralizeFormula } from '../../src/shared/csv/cell'
import { looksLikeFormula } from '../../src/shared/csv/parse'
import { reportCsvFiles } from '../../src/shared/reports/csv'
import { reportTables } from '../../src/shared/reports/tables'
import { HOSTILE, reportFixture } from './report-fixture'

const doc = reportFixture()
const files = reportCsvFiles(doc)
const parse = (csv: string) =>
  Papa.parse<unknown[]>(csv.replace(/^\uFEFF/, ''), { dynamicTyping: true, skipEmptyLines: true }).data

describe('report CSV', () => {
  it('writes one RFC 4180 file per table block, named by its sheet name', () => {
    expect(files.map((f) => f.name)).toEqual(['Churn reasons.csv', 'Companies.csv'])
    for (const f of files) {
      expect(f.csv.startsWith('\uFEFF')).toBe(true)
      expect(f.csv.endsWith('\r\n')).toBe(true)
      // Only the line break inside the quoted "Onboarding" field is a lone \n.
      expect(f.csv.replace(/"[^"]*(?:""[^"]*)*"/g, '')).not.toMatch(/[^\r]\n/)
    }
  })

  it('reads back with papaparse to the model values: money in major units, percents as fractions', () => {
    const table = reportTables(doc)[0]!.table
    const [header, ...rows] = parse(files[0]!.csv)
    expect(header).toEqual(['Code', 'Reason', 'Companies', 'Share', 'Lost MRR (USD)', 'Prevention'])
    expect(rows).toHaveLength(table.rows.length)
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['PRC-01', 'Price too high', 9, 0.45, 12345.67],
      ['ONB-02', 'Onboarding, "slow"\nand manual', 5, 0.25, 2500],
      ['INT-04', HOSTILE.cyrillic, 2, 0.1, 0.99],
      ['XSS', HOSTILE.script, 3, 0.15, 0],
      ['OTH', 'Other', 1, 0.05, null],
    ])
    const [, ...companies] = parse(files[1]!.csv)
    expect(companies[1]).toEqual(['ООО «Ромашка»', 120.5, 3, -2.25, '2025-12-31'])
  })

  it('neutralizes every formula-looking text with a leading apostrophe, and leaves numbers alone', () => {
    const prevention = parse(files[0]!.csv)
      .slice(1)
      .map((r) => r[5])
    expect(prevention).toEqual([
      `'${HOSTILE.hyperlink}`,
      `'${HOSTILE.plus}`,
      `'${HOSTILE.minus}`,
      `'${HOSTILE.at}`,
      null,
    ])
    expect(parse(files[1]!.csv)[3]![0]).toBe(`'${HOSTILE.at}`)
    for (const f of files)
      for (const r of Papa.parse<string[]>(f.csv.replace(/^\uFEFF/, '')).data)
        for (const cell of r) expect(looksLikeFormula(cell), cell).toBe(false)
    expect(neutralizeFormula('\t=1')).toBe("'\t=1")
    expect(neutralizeFormula('\r=1')).toBe("'\r=1")
    expect(neutralizeFormula('-5')).toBe('-5')
    expect(csvCell('=1,2')).toBe(`"'=1,2"`)
  })

  it('gives two tables with the same sheet name distinct names', () => {
    const twice = { ...doc, sections: [...doc.sections, doc.sections[2]!] }
    expect(reportCsvFiles(twice).map((f) => f.name)).toEqual([
      'Churn reasons.csv',
      'Companies.csv',
      'Churn reasons 2.csv',
    ])
  })
})
