import { AlignmentType, type FileChild, ImageRun, Paragraph, TextRun } from 'docx'
import { strToU8 } from 'fflate'
import { confidenceLine } from '../../../../shared/reports/cells'
import type { ReportLabels } from '../../../../shared/reports/labels'
import type { ReportBlock, ReportDocument, TextRun as ModelRun } from '../../../../shared/reports/model'
import { docxTable } from './docx-table'
import { PICTURE_BOX, quoteBorder, RED, STYLE } from './docx-styles'
import { rasterize } from './raster'
import { textLines, xmlText } from './xml-text'

/**
 * The report's blocks as Word paragraphs and tables, in the order and wording of the HTML and Markdown writers
 * (shared/reports/html.ts, markdown.ts), so every format says the same. User text becomes text runs only (docx
 * escapes it); a line break in it becomes Word's, not a new paragraph.
 */

export type DocxChild = FileChild

/** One model run as Word runs: marks kept, each line after the first behind a line break. */
function runsOf(r: ModelRun, extra: { italics?: boolean } = {}): TextRun[] {
  return textLines(r.text).map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(r.bold ? { bold: true } : {}),
        ...(r.italic || extra.italics ? { italics: true } : {}),
        ...(i > 0 ? { break: 1 } : {}),
      }),
  )
}

const runs = (rs: readonly ModelRun[]): TextRun[] => rs.flatMap((r) => runsOf(r))

const oneLine = (text: string): string => textLines(text).join(' ').trim()

/** A customer's words in the Quote style, "— who, where" under them; an insight's quote says for or against. */
function quote(text: string, attribution: string, stance?: { label: string; against: boolean }): Paragraph[] {
  const mark = stance
    ? [
        new TextRun({
          text: `${stance.label}: `,
          bold: true,
          italics: false,
          ...(stance.against ? { color: RED } : {}),
        }),
      ]
    : []
  const out = [
    new Paragraph({
      style: STYLE.quote,
      ...(stance?.against ? { border: quoteBorder(RED) } : {}),
      ...(attribution ? {} : { keepNext: false }),
      children: [...mark, ...runsOf({ text })],
    }),
  ]
  if (attribution)
    out.push(
      new Paragraph({ style: STYLE.attribution, children: [new TextRun(`— ${oneLine(attribution)}`)] }),
    )
  return out
}

/**
 * A picture of ours (a chart, the journey board): the SVG, with a PNG from resvg for Word versions and
 * viewers that draw no SVG; as wide as the text at most, its proportions kept; its text alternative for
 * screen readers, its caption under it.
 */
function picture(svg: string, width: number, height: number, alt: string, caption: string): Paragraph[] {
  const scale = Math.min(1, PICTURE_BOX.width / width, PICTURE_BOX.height / height)
  const size = { width: Math.round(width * scale), height: Math.round(height * scale) }
  const image = new ImageRun({
    type: 'svg',
    data: strToU8(svg),
    fallback: { type: 'png', data: rasterize(svg, width) },
    transformation: size,
    altText: { name: oneLine(caption), title: oneLine(caption), description: oneLine(alt) },
  })
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 200 },
      children: [image],
    }),
    new Paragraph({
      style: STYLE.caption,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(oneLine(caption))],
    }),
  ]
}

const bullet = (children: TextRun[]) => new Paragraph({ bullet: { level: 0 }, children })

export function docxBlock(b: ReportBlock, doc: ReportDocument, labels: ReportLabels): DocxChild[] {
  switch (b.kind) {
    case 'paragraph':
      return [new Paragraph({ children: runs(b.runs) })]
    case 'bullets':
      return b.items.map((item) => bullet(runs(item)))
    case 'quote':
      return quote(b.text, b.attribution)
    case 'chart':
      return picture(
        b.chart.svg,
        b.chart.width,
        b.chart.height,
        `${b.chart.title} (${b.chart.unit})`,
        b.chart.title,
      )
    case 'figure':
      return picture(b.svg, b.width, b.height, b.alt, b.caption)
    case 'table':
      return docxTable(b, doc.language)
    case 'insight':
      return [
        new Paragraph({ style: STYLE.statement, children: runs(b.statement) }),
        new Paragraph({
          style: STYLE.confidence,
          children: [new TextRun(xmlText(confidenceLine(b, labels)))],
        }),
        ...b.confidence.reasons.map((r) => bullet([new TextRun(oneLine(r))])),
        ...b.quotes.flatMap((q) =>
          quote(q.text, q.attribution, {
            label: q.stance === 'against' ? labels.insights.against : labels.formats.for,
            against: q.stance === 'against',
          }),
        ),
      ]
  }
}
