import { describe, expect, it } from 'vitest'
import {
  CsvError,
  looksLikeFormula,
  parseCsv,
  parseCsvDate,
  parseMoneyMinor,
  parseSegment,
} from '../../src/shared/csv/parse'

describe('parseCsv', () => {
  it('BOM, CRLF, quoted commas, quotes and newlines, blank lines, line numbers', () => {
    const text =
      '\uFEFFdate,company,reason,comment\r\n2025-01-02,"Acme, Inc.",PRC-01,"said ""too much""\r\nand left"\r\n\r\n2025-01-03,Beta,SUP-01,\r\n'
    const t = parseCsv(text)
    expect(t.headers).toEqual(['date', 'company', 'reason', 'comment'])
    expect(t.rows).toEqual([
      ['2025-01-02', 'Acme, Inc.', 'PRC-01', 'said "too much"\r\nand left'],
      ['2025-01-03', 'Beta', 'SUP-01', ''],
    ])
    expect(t.lines).toEqual([2, 5])
  })
  it('pads short rows; refuses empty files, NUL bytes and unclosed quotes', () => {
    expect(parseCsv('a,b,c\n1\n').rows).toEqual([['1', '', '']])
    expect(() => parseCsv('')).toThrow(CsvError)
    expect(() => parseCsv('\uFEFF  \n')).toThrow(/empty/)
    expect(() => parseCsv('a,b\n1\u00002,3')).toThrow(/NUL/)
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/quote/i)
  })
})

describe('cells', () => {
  it('formula-looking cells, but not signed numbers', () => {
    for (const s of ['=SUM(A1)', '+cmd|x', '-2+3', '@SUM(1)', ' =1+1', '\t=1'])
      expect(looksLikeFormula(s), s).toBe(true)
    for (const s of ['-5', '+3.5', 'Acme', '', '2025-01-01', 'a=b'])
      expect(looksLikeFormula(s), s).toBe(false)
  })
  it('dates: YYYY-MM-DD, optional time; real calendar dates only', () => {
    expect(parseCsvDate('2024-02-29')).toBe('2024-02-29')
    expect(parseCsvDate(' 2025-03-01 12:30:00 ')).toBe('2025-03-01')
    expect(parseCsvDate('2025-03-01T12:30:00Z')).toBe('2025-03-01')
    for (const s of ['2025-02-29', '2025-13-01', '01/03/2025', '2025-3-1', 'yesterday', ''])
      expect(parseCsvDate(s), s).toBeNull()
  })
  it('money to minor units', () => {
    expect(parseMoneyMinor('49.99')).toBe(4999)
    expect(parseMoneyMinor('$1,200')).toBe(120000)
    expect(parseMoneyMinor('1200.5 USD')).toBe(120050)
    expect(parseMoneyMinor('0')).toBe(0)
    for (const s of ['-5', '1.234', 'abc', '1,2', '=1+1']) expect(parseMoneyMinor(s), s).toBeNull()
  })
  it('segments', () => {
    expect(parseSegment('b')).toBe('B')
    expect(parseSegment('Segment C')).toBe('C')
    expect(parseSegment('')).toBeNull()
    expect(parseSegment('E')).toBeUndefined()
    expect(parseSegment('Enterprise')).toBeUndefined()
  })
})
