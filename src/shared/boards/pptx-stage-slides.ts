import type PptxGenJS from 'pptxgenjs'
import type { BoardStage } from '../domain/board'
import {
  backingText,
  cardMeta,
  churnLines,
  emotionText,
  evidenceText,
  metricLines,
  type BoardView,
} from './export-model'
import { SLIDE } from './pptx-board-slide'
import { FONT_FACE } from './pptx-curve'
import { wrap } from './wrap'

/**
 * A stage's slides in the PPTX: its name and emotion, what Fieldnote found there (evidence, ratings, churn
 * reasons) and every card of the visible lanes in a table. A long table goes on over further slides; the
 * pages are cut here, row by row, because pptxgenjs's own autoPage splits cell text into one run per word,
 * writes paragraph properties between runs (a file PowerPoint offers to repair) and can drop rows.
 */
const TEXT = { fontFace: FONT_FACE, color: '1F2937', margin: 0 } as const
const HEAD = { bold: true, color: 'FFFFFF', fill: { color: '334155' } } as const
const COLS = [1.6, 4.3, 2.2]
const FONT = 10
const SMALL = 9
const CELL_MARGIN = 0.05
const LINE = 1.2 / 72
const HEADER_H = 0.3
const TABLE_BOTTOM = SLIDE.h - 0.4

interface Row {
  cells: [string, string, string]
  h: number
}

/** The rows of the card table, each with the height it needs (text clipped so one row fits a page). */
function cardRows(view: BoardView, stage: BoardStage, maxH: number): Row[] {
  const width = (i: number) => ((COLS[i] ?? 1) - 2 * CELL_MARGIN) * 72
  const maxLines = Math.floor((maxH - 2 * CELL_MARGIN - 0.05) / (FONT * LINE))
  const rows: Row[] = []
  for (const lane of view.lanes)
    for (const card of view.cardsAt(lane.id, stage.id)) {
      const lines = wrap(card.text, width(1), FONT, maxLines)
      const text = lines[lines.length - 1]?.endsWith('…') ? lines.join(' ') : card.text
      const details = [cardMeta(card, view.labels), backingText(view, card)].filter(Boolean).join('\n')
      const h =
        2 * CELL_MARGIN +
        0.05 +
        Math.max(
          wrap(lane.name, width(0), FONT).length * FONT * LINE,
          lines.length * FONT * LINE,
          wrap(details, width(2), SMALL).length * SMALL * LINE,
        )
      rows.push({ cells: [lane.name, text, details], h })
    }
  return rows
}

function addCardTable(slide: PptxGenJS.Slide, view: BoardView, rows: Row[], y: number): void {
  const { labels } = view
  const header: PptxGenJS.TableRow = [labels.lane, labels.card, labels.details].map((text) => ({
    text,
    options: HEAD,
  }))
  slide.addTable(
    [
      header,
      ...rows.map(({ cells: [lane, card, details] }) => [
        { text: lane, options: { color: '4B5563' } },
        { text: card },
        { text: details, options: { color: '4B5563', fontSize: SMALL } },
      ]),
    ],
    {
      x: 0.5,
      y,
      w: COLS.reduce((a, b) => a + b, 0),
      colW: COLS,
      rowH: [HEADER_H, ...rows.map((r) => r.h)],
      fontFace: FONT_FACE,
      fontSize: FONT,
      color: '1F2937',
      border: { type: 'solid', pt: 0.5, color: 'CBD5E1' },
      valign: 'top',
      margin: CELL_MARGIN,
    },
  )
}

export function addStageSlides(pptx: PptxGenJS, view: BoardView, stage: BoardStage): void {
  const { labels } = view
  const slide = pptx.addSlide()
  slide.addText(stage.name, { ...TEXT, x: 0.5, y: 0.3, w: SLIDE.w - 1, h: 0.6, fontSize: 26, bold: true })
  slide.addText(emotionText(view, stage), {
    ...TEXT,
    x: 0.5,
    y: 0.9,
    w: SLIDE.w - 1,
    h: 0.35,
    fontSize: 13,
    color: '4B5563',
  })

  // Right: what Fieldnote found at this stage.
  const insight = view.insight(stage.id)
  const quotes = (insight?.evidence.quotes ?? []).slice(0, 3).map((q) => {
    const who = [q.participantName, q.companyName].filter(Boolean).join(', ')
    const text = q.quote.length > 220 ? `${q.quote.slice(0, 219)}…` : q.quote
    return `“${text}”${who ? ` — ${who}` : ''}`
  })
  const churn = churnLines(view, stage.id)
  const metrics = metricLines(view, stage.id)
  const side: PptxGenJS.TextProps[] = [
    { text: labels.kind.evidence, options: { bold: true, fontSize: 13, breakLine: true } },
    { text: evidenceText(view, stage.id), options: { fontSize: 11, breakLine: true } },
    ...quotes.map((q) => ({
      text: q,
      options: { fontSize: 10, italic: true, color: '374151', breakLine: true },
    })),
    ...(metrics.length
      ? [
          {
            text: labels.metrics,
            options: { bold: true, fontSize: 13, breakLine: true, paraSpaceBefore: 8 },
          },
          ...metrics.map((m) => ({ text: m, options: { fontSize: 11, color: '5B21B6', breakLine: true } })),
        ]
      : []),
    ...(churn.length
      ? [
          {
            text: labels.churnReasons,
            options: { bold: true, fontSize: 13, breakLine: true, paraSpaceBefore: 8 },
          },
          ...churn.map((c) => ({ text: c, options: { fontSize: 11, color: '991B1B', breakLine: true } })),
        ]
      : []),
  ]
  slide.addText(side, {
    ...TEXT,
    x: 8.9,
    y: 1.45,
    w: SLIDE.w - 8.9 - 0.5,
    h: SLIDE.h - 1.45 - 0.4,
    valign: 'top',
    fill: { color: 'F8FAFC' },
    margin: 8,
    paraSpaceAfter: 4,
    fit: 'shrink',
  })

  // Left: every card at this stage, lane by lane; a long table goes on over further slides.
  const firstY = 1.45
  const nextY = 1.1
  const rows = cardRows(view, stage, TABLE_BOTTOM - nextY - HEADER_H)
  if (!rows.length) {
    slide.addText(labels.noCards, {
      ...TEXT,
      x: 0.5,
      y: firstY,
      w: 8,
      h: 0.4,
      fontSize: 12,
      italic: true,
      color: '6B7280',
    })
    return
  }
  const pages: Row[][] = [[]]
  let used = firstY + HEADER_H
  for (const row of rows) {
    if (used + row.h > TABLE_BOTTOM && pages[pages.length - 1]!.length) {
      pages.push([])
      used = nextY + HEADER_H
    }
    pages[pages.length - 1]!.push(row)
    used += row.h
  }
  pages.forEach((page, i) => {
    if (i === 0) return addCardTable(slide, view, page, firstY)
    const more = pptx.addSlide()
    more.addText(`${stage.name} (${i + 1}/${pages.length})`, {
      ...TEXT,
      x: 0.5,
      y: 0.3,
      w: SLIDE.w - 1,
      h: 0.6,
      fontSize: 22,
      bold: true,
    })
    addCardTable(more, view, page, nextY)
  })
}
