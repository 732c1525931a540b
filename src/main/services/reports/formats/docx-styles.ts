import { AlignmentType, BorderStyle, type IStylesOptions, LineRuleType } from 'docx'
import type { ReportDocument } from '../../../../shared/reports/model'

/**
 * The Word report's page and styles. Everything is a named paragraph style rather than direct formatting, so a
 * reader can restyle the whole report from Word's Styles pane, and the built-in names (Title, Heading 1/2,
 * Quote, Caption, TOC Heading) are the ones Word's navigation pane, table of contents and themes know.
 */

/** A4 with the PDF's margins (shared/reports/html-style.ts), in twips (1/1440 inch). */
export const PAGE = { width: 11906, height: 16838, top: 1020, bottom: 1020, left: 907, right: 907 }
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right

const TWIPS_PER_PX = 1440 / 96
/** The room a picture may take, in the 96-to-the-inch pixels docx sizes pictures in: the text width, and
 * most of a page's height so its caption still fits under it. */
export const PICTURE_BOX = {
  width: Math.floor(TEXT_WIDTH / TWIPS_PER_PX),
  height: Math.floor(((PAGE.height - PAGE.top - PAGE.bottom) * 0.8) / TWIPS_PER_PX),
}

export const STYLE = {
  subtitle: 'Subtitle',
  note: 'Note',
  tocHeading: 'TOCHeading',
  quote: 'Quote',
  attribution: 'QuoteAttribution',
  statement: 'InsightStatement',
  confidence: 'InsightConfidence',
  caption: 'Caption',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  footer: 'Footer',
} as const

const FONT = 'Arial'
const TEXT = '1F2937'
const MUTED = '4B5563'
export const BLUE = '2563EB'
export const RED = 'DC2626'

const LANGUAGE: Record<ReportDocument['language'], string> = { en: 'en-US', ru: 'ru-RU' }

/** A quote's bar on the left, as in the HTML report; an insight's quote against it gets a red one. */
export const quoteBorder = (color: string) => ({
  left: { style: BorderStyle.SINGLE, size: 18, color, space: 8 },
})

export function reportStyles(language: ReportDocument['language']): IStylesOptions {
  const heading = { keepNext: true, keepLines: true }
  return {
    default: {
      document: {
        // Arial: in every Word, metric-compatible with LibreOffice's Liberation Sans, and Cyrillic in both.
        run: { font: FONT, size: 22, color: TEXT, language: { value: LANGUAGE[language] } },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { size: 48, bold: true, color: TEXT }, paragraph: { spacing: { after: 80 } } },
      heading1: {
        run: { size: 34, bold: true, color: TEXT },
        paragraph: {
          ...heading,
          spacing: { before: 480, after: 160 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'E5E7EB', space: 4 } },
        },
      },
      heading2: {
        run: { size: 26, bold: true, color: TEXT },
        paragraph: { ...heading, spacing: { before: 320, after: 100 } },
      },
      caption: {
        run: { size: 19, color: MUTED, bold: false, italics: false },
        paragraph: { spacing: { before: 60, after: 200 } },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: 24, color: MUTED },
      },
      {
        id: STYLE.note,
        name: 'Note',
        basedOn: 'Normal',
        run: { size: 20, color: '92400E' },
        paragraph: {
          shading: { fill: 'FFFBEB' },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'D97706', space: 8 } },
          indent: { left: 160 },
        },
      },
      {
        id: STYLE.tocHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 34, bold: true, color: TEXT },
        paragraph: { spacing: { before: 480, after: 160 }, keepNext: true },
      },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, color: TEXT },
        paragraph: {
          indent: { left: 400, right: 400 },
          spacing: { before: 160, after: 40 },
          shading: { fill: 'F8FAFC' },
          border: quoteBorder(BLUE),
          keepNext: true,
          keepLines: true,
        },
      },
      {
        id: STYLE.attribution,
        name: 'Quote Attribution',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 19, color: MUTED },
        paragraph: { indent: { left: 400, right: 400 }, spacing: { after: 200 }, keepLines: true },
      },
      {
        id: STYLE.statement,
        name: 'Insight Statement',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 26, bold: true },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true },
      },
      {
        id: STYLE.confidence,
        name: 'Insight Confidence',
        basedOn: 'Normal',
        next: 'Normal',
        run: { color: MUTED },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 19 },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.tableHeader,
        name: 'Table Header',
        basedOn: STYLE.tableText,
        run: { bold: true },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.footer,
        name: 'Footer',
        basedOn: 'Normal',
        run: { size: 16, color: '6B7280' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
    ],
  }
}
