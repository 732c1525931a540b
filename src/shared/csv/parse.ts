import type { Segment } from '../domain/common'
import Papa from 'papaparse'

/**
 * CSV text → header + rows, for the companies and churn-survey imports. Handles what churn tools and
 * spreadsheets actually export: a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields holding commas,
 * quotes ("") and newlines, blank lines, and a trailing newline. Cells are returned as text, never evaluated.
 */
export interface CsvTable {
  headers: string[]
  /** Data rows; each row has exactly headers.length cells (short rows are padded with ''). */
  rows: string[][]
  /** 1-based line number in the file where each data row starts (a quoted newline makes rows span lines). */
  lines: number[]
}

export class CsvError extends Error {
  override name = 'CsvError'
}

/** Header text as a lookup key: trimmed, lower-case, spaces and dashes as underscores. */
export function headerKey(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

export function parseCsv(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') throw new CsvError('The file is empty.')
  if (body.includes('\u0000')) throw new CsvError('This is not a text CSV file (it contains NUL bytes).')
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy', delimiter: ',' })
  const fatal = result.errors.find((e) => e.type === 'Quotes')
  if (fatal)
    throw new CsvError(
      `Unclosed quote in the row starting at data row ${(fatal.row ?? 0) + 1}: ${fatal.message}.`,
    )
  const [head, ...data] = result.data
  if (!head) throw new CsvError('The file has no header row.')
  const headers = head.map((h) => h.trim())
  if (headers.every((h) => h === '')) throw new CsvError('The header row is empty.')
  // Line numbers: count newlines consumed by each record, so reports can say "line 7" as an editor shows it.
  const lines = lineStarts(body, result.data.length)
  const rows = data.map((r) => headers.map((_, i) => r[i] ?? ''))
  return { headers, rows, lines: lines.slice(1) }
}

/** The 1-based line on which each of the first n records starts (quote-aware; skips blank lines). */
function lineStarts(text: string, n: number): number[] {
  const out: number[] = []
  let line = 1
  let inQuotes = false
  let atRecordStart = true
  for (let i = 0; i < text.length && out.length <= n; i++) {
    const c = text[i]
    if (atRecordStart && c !== '\n' && c !== '\r') {
      out.push(line)
      atRecordStart = false
    }
    if (c === '"') inQuotes = !inQuotes
    else if (c === '\n') {
      line++
      if (!inQuotes) atRecordStart = true
    }
  }
  return out
}

/**
 * A cell a spreadsheet would run as a formula (CSV injection): starts with = + - @ (or a tab/CR that some
 * tools prepend). Plain signed numbers like -5 or +3.5 are not formulas.
 */
export function looksLikeFormula(cell: string): boolean {
  const s = cell.trimStart()
  if (!/^[=+\-@\t\r]/.test(cell) && !/^[=+\-@]/.test(s)) return false
  return !/^[+-]?\d+([.,]\d+)?$/.test(s.trim())
}

const DATE_PREFIX =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** 'YYYY-MM-DD', optionally followed by a time (exports often carry one): the calendar date, or null. */
export function parseCsvDate(cell: string): string | null {
  const m = DATE_PREFIX.exec(cell.trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(0)
  date.setUTCFullYear(y, mo - 1, d)
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return `${m[1]}-${m[2]}-${m[3]}`
}

/**
 * Money in major units as exported ("49.99", "$1,200", "1200.5 USD") → integer minor units (4999), so sums
 * stay exact. null for a value that is not a non-negative amount with at most 2 decimals.
 */
export function parseMoneyMinor(cell: string): number | null {
  let s = cell
    .trim()
    .replace(/^[$€£₽]\s*/, '')
    .replace(/\s*(?:[A-Za-z]{3}|[$€£₽])$/, '')
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '')
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s)
  if (!m) return null
  const minor = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(minor) && minor <= 1e13 ? minor : null
}

export type SegmentValue = Segment

/** 'a'…'d' (or "Segment B") → the segment; '' → null; anything else → undefined (unknown). */
export function parseSegment(cell: string): SegmentValue | null | undefined {
  const s = cell
    .trim()
    .toUpperCase()
    .replace(/^SEGMENT\s+/, '')
  if (s === '') return null
  return s === 'A' || s === 'B' || s === 'C' || s === 'D' ? s : undefined
}
