import type PptxGenJS from 'pptxgenjs'
import { SLIDE } from '../../../../shared/boards/pptx-board-slide'
import { FONT_FACE } from '../../../../shared/boards/pptx-curve'
import { wrap } from '../../../../shared/boards/wrap'
import type { ReportLabels } from '../../../../shared/reports/labels'
import type { ReportDocument, TextRun } from '../../../../shared/reports/model'

/**
 * The report deck's look and its measuring: the colours of the HTML report (html-style.ts), one font, a title
 * and a rule on top of every slide, the slide number at the bottom right. pptxgenjs cannot shrink text itself
 * (its `fit: 'shrink'` only acts once PowerPoint edits the box), so every box is measured here with the board
 * export's character-width estimate, which errs wide: a box sized from it holds its text in any renderer.
 */
export { SLIDE }
export const M = 0.6
export const CONTENT = { x: M, y: 1.45, w: SLIDE.w - 2 * M, bottom: SLIDE.h - 0.65 }
export const COLOR = {
  text: '1F2937',
  muted: '4B5563',
  faint: '6B7280',
  rule: 'E5E7EB',
  border: 'D1D5DB',
  head: 'F3F4F6',
  accent: '2563EB',
  line: 'D97706',
  against: 'DC2626',
  againstFill: 'FEF2F2',
  quoteFill: 'F8FAFC',
  note: '92400E',
  noteFill: 'FFFBEB',
} as const
/** One line in inches per point of font size: the renderers' line height is about 1.2 em. */
export const LINE = 1.2 / 72

export type Slide = PptxGenJS.Slide

/** What every slide writer needs: the deck, the report's words and its language. */
export interface Deck {
  pptx: PptxGenJS
  doc: ReportDocument
  labels: ReportLabels
  lang: string
}

export const deckLang = (doc: ReportDocument): string => (doc.language === 'ru' ? 'ru-RU' : 'en-US')

/** The base of every text box: the one font, the text colour, the deck's language for spelling. */
export const text = (deck: Deck) =>
  ({ fontFace: FONT_FACE, color: COLOR.text, margin: 0, lang: deck.lang, valign: 'top' }) as const

/** Lines a text takes in a box `width` inches wide at `size` pt. */
export const lineCount = (s: string, width: number, size: number): number => wrap(s, width * 72, size).length

export const heightOf = (lines: number, size: number): number => lines * size * LINE

/** The text cut to maxLines at this width, the last kept line ending in "…"; as it is when it fits. */
export function clip(s: string, width: number, size: number, maxLines: number): string {
  const lines = wrap(s, width * 72, size, maxLines)
  return lines[lines.length - 1]?.endsWith('…') ? lines.join(' ') : s
}

/** The largest of `sizes` at which the text fits the box, else the smallest (the caller clips). */
export function fitSize(s: string, w: number, h: number, sizes: readonly number[]): number {
  return sizes.find((size) => heightOf(lineCount(s, w, size), size) <= h) ?? sizes[sizes.length - 1]!
}

/** A content slide: its title (shrunk to fit two lines), the rule under it, the slide number. */
export function contentSlide(deck: Deck, title: string): Slide {
  const slide = deck.pptx.addSlide()
  const size = fitSize(title, CONTENT.w, 0.85, [28, 24, 20])
  slide.addText(clip(title, CONTENT.w, size, 2), {
    ...text(deck),
    x: M,
    y: 0.35,
    w: CONTENT.w,
    h: 0.85,
    fontSize: size,
    bold: true,
    valign: 'bottom',
    fit: 'shrink',
  })
  slide.addShape('line', { x: M, y: 1.25, w: CONTENT.w, h: 0, line: { color: COLOR.rule, width: 1.5 } })
  numberSlide(slide)
  return slide
}

/** The slide number at the bottom right, on every slide but the title slide. */
export function numberSlide(slide: Slide): void {
  slide.slideNumber = {
    x: SLIDE.w - M - 1,
    y: SLIDE.h - 0.5,
    w: 1,
    h: 0.3,
    fontFace: FONT_FACE,
    fontSize: 10,
    color: COLOR.faint,
    align: 'right',
  }
}

/** Text runs as pptxgenjs text props; the first of a paragraph may carry paragraph options. */
export function runProps(
  runs: readonly TextRun[],
  first: PptxGenJS.TextPropsOptions = {},
  every: PptxGenJS.TextPropsOptions = {},
): PptxGenJS.TextProps[] {
  const kept = runs.filter((r) => r.text)
  return kept.map((r, i) => ({
    text: r.text,
    options: {
      ...every,
      ...(i === 0 ? first : {}),
      ...(r.bold ? { bold: true } : {}),
      ...(r.italic ? { italic: true } : {}),
      ...(i === kept.length - 1 ? { breakLine: true } : {}),
    },
  }))
}

/**
 * pptxgenjs writes paragraph properties before every run, so a paragraph of several runs (a bold word in a
 * sentence) gets `<a:pPr>` between runs, which the schema forbids and PowerPoint offers to repair. Only the
 * first, opening the paragraph, is kept.
 */
export const fixParagraphs = (xml: string): string =>
  xml.replace(/<\/a:r><a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, '</a:r>')
