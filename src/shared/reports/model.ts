/**
 * The report model: what a report says, independent of the format it is written in. The report service
 * (src/main/services/reports) builds it from the library — already filtered and, when asked, anonymized —
 * and every format (HTML, Markdown, CSV, DOCX, PPTX, XLSX; PDF is the HTML printed) is a pure function of
 * it. So a number, a quote or a redaction is decided once, and no format can show something another omits.
 *
 * Every string in the model is the user's plain text. Renderers escape it for their format; none of it is
 * ever markup. The only markup in the model is `svg` on charts, drawn by our own code (src/shared/reports/
 * charts.ts) from numbers, with every text inside it escaped there.
 */

/** A run of text inside a paragraph; marks are the few a statement or summary may carry. */
export interface TextRun {
  text: string
  bold?: boolean
  italic?: boolean
}

export type ReportBlock =
  | { kind: 'paragraph'; runs: TextRun[] }
  | { kind: 'bullets'; items: TextRun[][] }
  /** A customer's words, with who said them and where ("Ann, Acme · Exit interview, Q3"). */
  | { kind: 'quote'; text: string; attribution: string }
  | {
      kind: 'table'
      caption: string
      columns: ReportColumn[]
      rows: ReportCell[][]
      /** Short name for a sheet or CSV file: letters, digits, spaces; at most 31 characters. */
      sheetName: string
    }
  | { kind: 'chart'; chart: ReportChart }
  /** A picture drawn by our own code (the journey board), with a text alternative. */
  | { kind: 'figure'; caption: string; svg: string; width: number; height: number; alt: string }
  /** A key insight: statement, confidence and its reasons, then its best quotes. */
  | {
      kind: 'insight'
      statement: TextRun[]
      status: string
      confidence: { score: number; label: string; reasons: string[] }
      quotes: { text: string; attribution: string; stance: 'for' | 'against' }[]
    }

export interface ReportColumn {
  header: string
  /** How a value is written: numbers stay numbers in XLSX and CSV, formatted in documents. */
  type: 'text' | 'integer' | 'decimal' | 'percent' | 'money' | 'date'
  /** For money: ISO 4217 code; values are in minor units (cents). */
  currency?: string
}

export type ReportCell = string | number | null

/** A bar chart (Pareto, distributions, forces): the numbers, and the SVG our code drew from them. */
export interface ReportChart {
  title: string
  /** What a value counts ("companies", "lost MRR (USD)"). */
  unit: string
  bars: { label: string; value: number; cumulativeShare?: number }[]
  svg: string
  width: number
  height: number
}

export interface ReportSection {
  /** Stable key of the section kind, e.g. 'summary', 'churn', 'appendix'. */
  id: ReportSectionId
  title: string
  blocks: ReportBlock[]
  /** Sub-sections, one heading level down (the appendix's tags, the churn reasons' quotes). */
  children?: { title: string; blocks: ReportBlock[] }[]
}

export const REPORT_SECTION_IDS = [
  'summary',
  'method',
  'insights',
  'churn',
  'forces',
  'journey',
  'metrics',
  'people',
  'appendix',
] as const
export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number]

export interface ReportDocument {
  title: string
  /** One line under the title: studies, filters, date of the report. */
  subtitle: string
  language: 'en' | 'ru'
  /** ISO date the report was made (the library's clock). */
  createdOn: string
  anonymized: boolean
  sections: ReportSection[]
  /**
   * Tables only spreadsheets carry (XLSX sheets, CSV files), before the sections' tables: every quote in the
   * report's scope with its tag paths and who said it — too long for a document, what an analyst filters.
   */
  dataTables?: Extract<ReportBlock, { kind: 'table' }>[]
}
