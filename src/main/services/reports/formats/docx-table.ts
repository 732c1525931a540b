import {
  AlignmentType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { cellText, isNumeric } from '../../../../shared/reports/cells'
import type { ReportColumn, ReportDocument } from '../../../../shared/reports/model'
import type { ReportTable } from '../../../../shared/reports/tables'
import { STYLE, TEXT_WIDTH } from './docx-styles'
import { textLines } from './xml-text'

/**
 * A report table as a real Word table: the caption above it, a header row Word repeats on every page the table
 * runs onto, rows that are not split across pages, numbers right-aligned as in every document format. Column
 * widths are fixed from the content, so a long quote column cannot push the table past the page's edge.
 */

/** Twips a character of 9.5 pt Arial takes on average (digits are as wide), and a cell's margins and border. */
const CHAR = 112
const PAD = 220
/** Past this many characters a text column wraps rather than take more of the page. */
const LONG_LINE = 60
/** A longer word (a URL, a formula) may break at the cell's edge, as Word breaks any word too long for it. */
const LONG_WORD = 20

const longest = (parts: string[]): number => Math.max(0, ...parts.map((p) => p.length))

/**
 * Each column gets at least what it cannot wrap (its longest word; a number, a date or a money value whole,
 * so "$12,345.67" never breaks), and the rest of the text width goes to the columns whose lines are longer
 * than that, in proportion to how much more they would like. Only when even the unbreakable minimums do not
 * fit are they shrunk, and then everything wraps a little.
 */
function columnWidths(table: ReportTable, texts: string[][]): number[] {
  const need: number[] = []
  const want: number[] = []
  table.columns.forEach((c, i) => {
    const cells = texts.map((r) => r[i] ?? '')
    const lines = cells.flatMap((t) => t.split('\n'))
    const whole = isNumeric(c) || c.type === 'date'
    const unbreakable = whole
      ? longest(lines)
      : Math.min(LONG_WORD, longest(lines.flatMap((l) => l.split(/\s+/))))
    // The header is bold: a little wider a character.
    const header = Math.ceil(longest(c.header.split(/\s+/)) * 1.1)
    need.push(Math.max(header, Math.min(LONG_LINE, unbreakable)) * CHAR + PAD)
    want.push(Math.max(need[i]!, Math.min(LONG_LINE, longest(lines)) * CHAR + PAD))
  })
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  let widths: number[]
  if (sum(need) >= TEXT_WIDTH) widths = need.map((n) => (n * TEXT_WIDTH) / sum(need))
  else {
    const extra = want.map((w, i) => w - need[i]!)
    const room = TEXT_WIDTH - sum(need)
    // All that is wanted fits: the room left over goes to the columns in proportion to their size.
    widths =
      sum(extra) <= room
        ? want.map((w) => (w * TEXT_WIDTH) / sum(want))
        : need.map((n, i) => n + (room * extra[i]!) / sum(extra))
  }
  const whole = widths.map(Math.floor)
  whole[whole.length - 1]! += TEXT_WIDTH - sum(whole)
  return whole
}

function cell(text: string, column: ReportColumn, width: number, header: boolean): TableCell {
  const runs = textLines(text).map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }))
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'F3F4F6', color: 'auto' } } : {}),
    children: [
      new Paragraph({
        style: header ? STYLE.tableHeader : STYLE.tableText,
        alignment: isNumeric(column) ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: runs,
      }),
    ],
  })
}

export function docxTable(table: ReportTable, language: ReportDocument['language']): (Paragraph | Table)[] {
  const texts = table.rows.map((r) => table.columns.map((c, i) => cellText(r[i] ?? null, c, language)))
  const widths = columnWidths(table, texts)
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => cell(c.header, c, widths[i]!, true)),
  })
  const rows = texts.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: table.columns.map((c, i) => cell(r[i] ?? '', c, widths[i]!, false)),
      }),
  )
  const caption = table.caption
    ? [
        new Paragraph({
          style: STYLE.caption,
          keepNext: true,
          spacing: { before: 200, after: 60 },
          children: [new TextRun(textLines(table.caption).join(' '))],
        }),
      ]
    : []
  return [
    ...caption,
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      rows: [header, ...rows],
    }),
    // Word needs a paragraph between two tables, or it merges them; it also gives the table room below.
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ]
}
