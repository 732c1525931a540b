import { Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TableOfContents, TextRun } from 'docx'
import { estimatePageNumbers } from 'docx/layout'
import { REPORT_LABELS } from '../../../../shared/reports/labels'
import type { ReportBlock, ReportDocument } from '../../../../shared/reports/model'
import { docxBlock, type DocxChild } from './docx-blocks'
import { PAGE, reportStyles, STYLE } from './docx-styles'
import { textLines } from './xml-text'

/**
 * The report as a Word document: the title and subtitle, a real table-of-contents field, each section a
 * Heading 1 and each sub-section a Heading 2 (so Word's navigation pane and the contents follow them), then the
 * blocks (docx-blocks.ts). The contents are written filled in from the headings, and Word is asked to update the
 * fields on opening. A report of a few dozen pages also gets the contents' page numbers from docx's own layout
 * of the pages (in Arial, which LibreOffice draws with the same widths), so a viewer that never updates fields
 * shows them too; past that the layout takes longer than the rest of the export many times over (half a minute
 * for a hundred pages), so the numbers are left to Word and the hint under the contents says how.
 */

/** Paragraphs, rows and pictures, roughly: what the page layout's time grows with. */
function layoutSize(doc: ReportDocument): number {
  const size = (b: ReportBlock): number => {
    switch (b.kind) {
      case 'bullets':
        return b.items.length
      case 'table':
        return b.rows.length + 2
      case 'insight':
        return 2 + b.confidence.reasons.length + 2 * b.quotes.length
      case 'paragraph':
        return 1
      default:
        return 2
    }
  }
  return doc.sections.reduce(
    (n, s) =>
      n +
      1 +
      s.blocks.reduce((m, b) => m + size(b), 0) +
      (s.children ?? []).reduce((m, c) => m + 1 + c.blocks.reduce((k, b) => k + size(b), 0), 0),
    0,
  )
}

/** About 3 s of layout on two cores (some 20 pages); a study's usual report is well under it. */
const LAYOUT_BUDGET = 400

const heading = (text: string, level: 1 | 2, pageBreakBefore = false): Paragraph =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [new TextRun(textLines(text).join(' '))],
  })

export async function reportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const labels = REPORT_LABELS[doc.language]
  const title = textLines(doc.title).join(' ')
  const body: DocxChild[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })]
  if (doc.subtitle)
    body.push(
      new Paragraph({ style: STYLE.subtitle, children: [new TextRun(textLines(doc.subtitle).join(' '))] }),
    )
  if (doc.anonymized)
    body.push(new Paragraph({ style: STYLE.note, children: [new TextRun(labels.anonymized)] }))
  if (doc.sections.length)
    body.push(
      new Paragraph({ style: STYLE.tocHeading, children: [new TextRun(labels.formats.contents)] }),
      new TableOfContents(labels.formats.contents, { hyperlink: true, headingStyleRange: '1-2' }),
    )
  const laidOut = layoutSize(doc) <= LAYOUT_BUDGET
  if (doc.sections.length && !laidOut)
    body.push(new Paragraph({ style: STYLE.caption, children: [new TextRun(labels.formats.contentsHint)] }))
  doc.sections.forEach((s, i) => {
    body.push(heading(s.title, 1, i === 0), ...s.blocks.flatMap((b) => docxBlock(b, doc, labels)))
    for (const c of s.children ?? [])
      body.push(heading(c.title, 2), ...c.blocks.flatMap((b) => docxBlock(b, doc, labels)))
  })
  const footer = new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  })
  const file = new Document({
    title,
    creator: 'Fieldnote',
    description: textLines(doc.subtitle).join(' '),
    features: { updateFields: true },
    ...(laidOut ? { pageNumbers: estimatePageNumbers } : {}),
    styles: reportStyles(doc.language),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: { default: footer },
        children: body,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(file))
}
