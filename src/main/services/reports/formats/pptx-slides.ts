import type PptxGenJS from 'pptxgenjs'
import { confidenceLine, plainText } from '../../../../shared/reports/cells'
import type { ReportBlock, TextRun } from '../../../../shared/reports/model'
import {
  clip,
  COLOR,
  CONTENT,
  contentSlide,
  fitSize,
  heightOf,
  LINE,
  lineCount,
  M,
  numberSlide,
  runProps,
  SLIDE,
  text,
  type Deck,
} from './pptx-theme'

/** The title slide, the text slides (summary, bullets of any section) and one slide per insight. */

type Insight = Extract<ReportBlock, { kind: 'insight' }>

export function addTitleSlide(deck: Deck): void {
  const { doc, labels } = deck
  const slide = deck.pptx.addSlide()
  slide.addShape('rect', {
    x: 0,
    y: 0,
    w: 0.25,
    h: SLIDE.h,
    fill: { color: COLOR.accent },
    line: { width: 0 },
  })
  const w = SLIDE.w - 2 * M - 0.4
  const size = fitSize(doc.title, w, 1.9, [40, 36, 32, 28, 24])
  slide.addText(clip(doc.title, w, size, 4), {
    ...text(deck),
    x: M + 0.4,
    y: 0.9,
    w,
    h: 1.9,
    fontSize: size,
    bold: true,
    valign: 'bottom',
    fit: 'shrink',
  })
  // The report service writes the date into the subtitle; a hand-made subtitle may leave it out.
  const lines = [
    doc.subtitle,
    doc.subtitle.includes(doc.createdOn) ? '' : `${labels.madeOn} ${doc.createdOn}`,
  ].filter(Boolean)
  slide.addText(clip(lines.join('\n'), w, 18, 5), {
    ...text(deck),
    x: M + 0.4,
    y: 3.0,
    w,
    h: 1.6,
    fontSize: 18,
    color: COLOR.muted,
    paraSpaceAfter: 6,
  })
  if (doc.anonymized)
    slide.addText(labels.anonymized, {
      ...text(deck),
      x: M + 0.4,
      y: 5.2,
      w,
      h: 0.1 + heightOf(lineCount(labels.anonymized, w - 0.3, 14), 14) + 0.2,
      fontSize: 14,
      color: COLOR.note,
      fill: { color: COLOR.noteFill },
      line: { color: COLOR.line, width: 1 },
      margin: 8,
      valign: 'middle',
    })
}

/** One line of a text slide: a paragraph or a bullet, with its marks. */
export interface TextItem {
  runs: TextRun[]
  bullet: boolean
}

export function textItems(blocks: readonly ReportBlock[]): TextItem[] {
  return blocks.flatMap((b): TextItem[] => {
    if (b.kind === 'paragraph') return [{ runs: b.runs, bullet: false }]
    if (b.kind === 'bullets') return b.items.map((runs) => ({ runs, bullet: true }))
    return []
  })
}

const BULLET_INDENT = 0.3
const GAP = 6 / 72

/**
 * As many items as fit the box, at the largest size that holds them all (else the smallest), the rest
 * counted in "…and N more"; an item taller than a third of the box is cut to that.
 */
export function addTextBox(
  deck: Deck,
  slide: PptxGenJS.Slide,
  items: readonly TextItem[],
  box: { x: number; y: number; w: number; h: number },
  sizes: readonly number[] = [20, 18, 16, 14],
): void {
  if (!items.length) return
  const height = (item: TextItem, size: number) =>
    heightOf(lineCount(plainText(item.runs), box.w - (item.bullet ? BULLET_INDENT : 0), size), size) + GAP
  const size =
    sizes.find((s) => items.reduce((a, it) => a + height(it, s), 0) <= box.h) ?? sizes[sizes.length - 1]!
  const moreH = heightOf(1, size) + GAP
  const maxLines = Math.max(1, Math.floor(box.h / 3 / (size * LINE)))
  const props: PptxGenJS.TextProps[] = []
  let used = 0
  for (const [i, item] of items.entries()) {
    const room = box.h - used - (i === items.length - 1 ? 0 : moreH)
    const h = Math.min(height(item, size), heightOf(maxLines, size) + GAP)
    if (h > room + 0.001) {
      props.push({
        text: deck.labels.formats.more(items.length - i),
        options: { italic: true, color: COLOR.faint, breakLine: true },
      })
      break
    }
    const w = box.w - (item.bullet ? BULLET_INDENT : 0)
    const long = lineCount(plainText(item.runs), w, size) > maxLines
    // A cut item loses its marks: the runs cannot be cut mid-run and keep their words.
    const runs = long ? [{ text: clip(plainText(item.runs), w, size, maxLines) }] : item.runs
    const first = item.bullet ? { bullet: { indent: BULLET_INDENT * 72 } } : {}
    props.push(...runProps(runs, first))
    used += h
  }
  slide.addText(props, { ...text(deck), ...box, fontSize: size, paraSpaceAfter: 6 })
}

/** A slide of paragraphs and bullets (the summary, job stories, a section with nothing else). */
export function addTextSlide(deck: Deck, title: string, items: readonly TextItem[]): void {
  const slide = contentSlide(deck, title)
  addTextBox(deck, slide, items, { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: CONTENT.bottom - CONTENT.y })
}

/**
 * The quotes an insight slide shows: at most three, those for it first. One against it keeps the last place
 * when there is one, so a slide never hides that the evidence is split (the confidence reasons say so too).
 */
export function slideQuotes(quotes: Insight['quotes']): Insight['quotes'] {
  const forIt = quotes.filter((q) => q.stance === 'for')
  const against = quotes.filter((q) => q.stance === 'against')
  const fors = forIt.slice(0, against.length ? 2 : 3)
  return [...fors, ...against.slice(0, 3 - fors.length)]
}

const STATEMENT_H = 1.5
const QUOTE_SIZE = 15
const ATTR_SIZE = 12

/** An insight: its statement as the title (shrunk to fit), confidence and reasons left, quotes right. */
export function addInsightSlide(deck: Deck, b: Insight): void {
  const { labels } = deck
  const slide = deck.pptx.addSlide()
  const statement = plainText(b.statement)
  const size = fitSize(statement, CONTENT.w, STATEMENT_H, [28, 26, 24, 22, 20, 18, 16])
  const fits = lineCount(statement, CONTENT.w, size) * size * LINE <= STATEMENT_H
  slide.addText(
    fits
      ? runProps(b.statement, {}, { bold: true })
      : [{ text: clip(statement, CONTENT.w, size, Math.floor(STATEMENT_H / (size * LINE))) }],
    {
      ...text(deck),
      x: M,
      y: 0.3,
      w: CONTENT.w,
      h: STATEMENT_H,
      fontSize: size,
      bold: true,
      valign: 'bottom',
      fit: 'shrink',
    },
  )
  slide.addShape('line', { x: M, y: 1.9, w: CONTENT.w, h: 0, line: { color: COLOR.rule, width: 1.5 } })
  slide.addText(confidenceLine(b, labels), {
    ...text(deck),
    x: M,
    y: 2.05,
    w: CONTENT.w,
    h: 0.35,
    fontSize: 16,
    color: COLOR.muted,
  })
  const top = 2.6
  const reasonsW = b.confidence.reasons.length ? 4 : 0
  if (reasonsW) {
    slide.addText(labels.formats.reasons, {
      ...text(deck),
      x: M,
      y: top,
      w: reasonsW,
      h: 0.3,
      fontSize: 14,
      bold: true,
      color: COLOR.muted,
    })
    addTextBox(
      deck,
      slide,
      b.confidence.reasons.map((r) => ({ runs: [{ text: r }], bullet: true })),
      { x: M, y: top + 0.4, w: reasonsW, h: CONTENT.bottom - top - 0.4 },
      [14, 13, 12],
    )
  }
  const qx = M + (reasonsW ? reasonsW + 0.4 : 0)
  addQuotes(deck, slide, slideQuotes(b.quotes), {
    x: qx,
    y: top,
    w: SLIDE.w - M - qx,
    h: CONTENT.bottom - top,
  })
  numberSlide(slide)
}

function addQuotes(
  deck: Deck,
  slide: PptxGenJS.Slide,
  quotes: Insight['quotes'],
  box: { x: number; y: number; w: number; h: number },
): void {
  if (!quotes.length) return
  const gap = 0.2
  const pad = 0.12
  const tw = box.w - 0.1 - 2 * pad
  const each = (box.h - gap * (quotes.length - 1)) / quotes.length
  let y = box.y
  for (const q of quotes) {
    const against = q.stance === 'against'
    const stance = against ? `${deck.labels.insights.against}: ` : ''
    const attr = q.attribution ? `— ${q.attribution}` : ''
    const attrLines = attr ? Math.min(2, lineCount(attr, tw, ATTR_SIZE)) : 0
    const room = each - 2 * pad - heightOf(attrLines, ATTR_SIZE)
    const maxLines = Math.max(1, Math.floor(room / (QUOTE_SIZE * LINE)))
    const body = clip(`${stance}${q.text}`, tw, QUOTE_SIZE, maxLines).slice(stance.length)
    const h =
      2 * pad +
      heightOf(Math.min(maxLines, lineCount(`${stance}${q.text}`, tw, QUOTE_SIZE)), QUOTE_SIZE) +
      heightOf(attrLines, ATTR_SIZE)
    const color = against ? COLOR.against : COLOR.accent
    slide.addShape('rect', { x: box.x, y, w: 0.07, h, fill: { color }, line: { color, width: 0 } })
    slide.addText(
      [
        ...(stance ? [{ text: stance, options: { bold: true, color: COLOR.against, italic: false } }] : []),
        { text: body, options: { italic: true, breakLine: Boolean(attr) } },
        ...(attr
          ? [{ text: clip(attr, tw, ATTR_SIZE, 2), options: { fontSize: ATTR_SIZE, color: COLOR.muted } }]
          : []),
      ],
      {
        ...text(deck),
        x: box.x + 0.1,
        y,
        w: box.w - 0.1,
        h,
        fontSize: QUOTE_SIZE,
        fill: { color: against ? COLOR.againstFill : COLOR.quoteFill },
        margin: pad * 72,
      },
    )
    y += h + gap
  }
}
