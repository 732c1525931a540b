import type { ReportLabels } from './labels'
import type { ReportBlock, ReportColumn, ReportCell, ReportDocument, TextRun } from './model'

/**
 * How a table cell or a number reads in a document (HTML, Markdown, DOCX, PPTX), in the report's language.
 * Spreadsheets (XLSX, CSV) keep the raw value instead, so a number stays a number there; both read the
 * conventions from here: money is in minor units, a percent is a fraction (0.25 is 25 %), a date is ISO.
 */

const LOCALE: Record<ReportDocument['language'], string> = { en: 'en-US', ru: 'ru-RU' }

/** Decimal places of a currency (2 for USD, 0 for JPY), from the platform's ISO 4217 data; 2 when unknown. */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    )
  } catch {
    return 2
  }
}

/** A money value in minor units (cents) as major units (dollars), the unit people read and sum. */
export const moneyMajor = (minor: number, currency = 'USD'): number => minor / 10 ** currencyDigits(currency)

/** The ISO date (YYYY-MM-DD, or a full timestamp) as a Date at UTC midnight; null when it is not one. */
export function isoDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return Number.isNaN(d.getTime()) ? null : d
}

export function formatNumber(value: number, language: ReportDocument['language'], digits = 0): string {
  return new Intl.NumberFormat(LOCALE[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value)
}

/** A cell as the text a reader sees; an empty cell is an empty string. */
export function cellText(
  value: ReportCell,
  column: ReportColumn,
  language: ReportDocument['language'],
): string {
  if (value === null || value === '') return ''
  if (typeof value === 'string') {
    if (column.type === 'date') return isoDate(value) ? value.slice(0, 10) : value
    return value
  }
  if (!Number.isFinite(value)) return ''
  const locale = LOCALE[language]
  switch (column.type) {
    case 'integer':
      return formatNumber(Math.round(value), language)
    case 'decimal':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
    case 'money': {
      const currency = column.currency ?? 'USD'
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
          moneyMajor(value, currency),
        )
      } catch {
        return `${formatNumber(moneyMajor(value), language, 2)} ${currency}`
      }
    }
    case 'date':
      return new Date(value).toISOString().slice(0, 10)
    default:
      return String(value)
  }
}

/** Numbers read right-aligned in every document table. */
export const isNumeric = (column: ReportColumn): boolean => column.type !== 'text' && column.type !== 'date'

/** The runs' text without marks: for alt texts, slide titles and other places with no formatting. */
export const plainText = (runs: readonly TextRun[]): string => runs.map((r) => r.text).join('')

/** "Confidence: High (78%) · Status: validated", the same line in every document format; the score is
 * a share of 1. */
export function confidenceLine(b: Extract<ReportBlock, { kind: 'insight' }>, labels: ReportLabels): string {
  const c = b.confidence
  const status = b.status ? ` · ${labels.formats.status}: ${b.status}` : ''
  return `${labels.insights.confidence}: ${c.label} (${Math.round(c.score * 100)}%)${status}`
}
