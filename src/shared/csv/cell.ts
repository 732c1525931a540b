import { looksLikeFormula } from './parse'

/**
 * Text bound for a spreadsheet (CSV, XLSX) with a leading apostrophe when a spreadsheet would run it as a
 * formula: the same cells the imports flag (looksLikeFormula: = + - @, a leading tab or CR; a signed number
 * like -5 stays a number). The one place every export neutralizes formulas, so they all agree.
 */
export const neutralizeFormula = (value: string): string => (looksLikeFormula(value) ? `'${value}` : value)

/** One RFC 4180 field: neutralized, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = neutralizeFormula(value)
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
