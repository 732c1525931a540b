import type PptxGenJS from 'pptxgenjs'
import type { BoardCard, BoardLane } from '../domain/board'
import { backingText, cardMeta, churnLines, evidenceText, metricLines, type BoardView } from './export-model'
import { addCurve, addLegend, FONT_FACE } from './pptx-curve'
import { wrap } from './wrap'

/**
 * The board slide(s) of the PPTX: the grid as native, editable shapes. Stages across, lanes down, each card a
 * rounded rectangle holding its text, the emotion curve as line shapes with markers. The font shrinks from
 * 9 pt to 7 pt until the lanes fit one 16:9 slide; a bigger board runs on over further slides, a few lanes
 * each under the same stage headers, so text stays readable. A cell taller than a whole slide shows what fits
 * and "+n more" (the stage slides list every card in full).
 */
export const SLIDE = { w: 13.333, h: 7.5 }
const M = 0.3
const LANE_W = 1.25
const GRID_TOP = 0.85
const GRID_BOTTOM = SLIDE.h - 0.4
const EMOTION_H = 1.15
const GAP = 0.04
const CELL_PAD = 0.04
/** One line of text in inches per point of font size (the renderers' line height is about 1.2 em). */
const LINE = 1.2 / 72
const FONTS = [9, 8, 7]
const MIN_FONT = 7

const FILL: Record<string, string> = {
  text: 'FFFFFF',
  touchpoints: 'EFF6FF',
  metrics: 'F5F3FF',
  opportunities: 'ECFDF5',
}

type Slide = PptxGenJS.Slide

interface Sizing {
  font: number
  colW: number
  /** Height of the stage header row, and what is left below it for the lanes. */
  headH: number
  room: number
}

/** Stage names (bold, one point larger) and each stage's evidence line, as tall as the tallest needs. */
function sizing(view: BoardView, font: number, colW: number): Sizing {
  const width = colW * 72 - 6
  const headH = Math.max(
    0.5,
    ...view.stages.map(
      (st) =>
        0.1 +
        wrap(st.name, width, (font + 1) * 1.1).length * (font + 1) * LINE +
        wrap(evidenceText(view, st.id), width, font - 2).length * (font - 2) * LINE,
    ),
  )
  return { font, colW, headH, room: GRID_BOTTOM - GRID_TOP - headH }
}

/** The text when it fits in maxLines (its own line breaks kept), else the lines that fit, ending in "…". */
function clipped(text: string, widthPt: number, size: number, maxLines: number): string {
  const lines = wrap(text, widthPt, size, maxLines)
  return lines[lines.length - 1]?.endsWith('…') ? lines.join(' ') : text
}

/** What a card shows here: its text (at most 4 lines), its meta line (at most 2) and its backing. */
function cardParts(view: BoardView, card: BoardCard, s: Sizing) {
  const width = (s.colW - 2 * CELL_PAD - 0.08) * 72
  const meta = cardMeta(card, view.labels)
  const backing = backingText(view, card)
  const small = s.font - 1.5
  const height =
    0.08 +
    (card.text.trim() ? wrap(card.text, width, s.font, 4).length : 0) * s.font * LINE +
    ((meta ? wrap(meta, width, small, 2).length : 0) + (backing ? 1 : 0)) * small * LINE
  return {
    text: clipped(card.text, width, s.font, 4),
    meta: meta ? clipped(meta, width, small, 2) : '',
    backing,
    height,
  }
}

/** Lines a computed lane writes at a stage before any cards. */
function computedLines(view: BoardView, lane: BoardLane, stageId: string): string[] {
  if (lane.kind === 'evidence') return [evidenceText(view, stageId)]
  if (lane.kind === 'churn') return churnLines(view, stageId)
  if (lane.kind === 'metrics') return metricLines(view, stageId)
  return []
}

function textHeight(lines: readonly string[], s: Sizing): number {
  const width = (s.colW - 2 * CELL_PAD) * 72
  const count = lines.reduce((a, l) => a + wrap(l, width, s.font - 1).length, 0)
  return count ? count * (s.font - 1) * LINE + 0.06 : 0
}

function laneNeed(view: BoardView, lane: BoardLane, s: Sizing): number {
  if (lane.kind === 'emotion') return EMOTION_H
  const cells = view.stages.map(
    (st) =>
      textHeight(computedLines(view, lane, st.id), s) +
      view.cardsAt(lane.id, st.id).reduce((a, c) => a + cardParts(view, c, s).height + GAP, 0),
  )
  return Math.min(s.room, Math.max(0.32, ...cells) + 2 * CELL_PAD)
}

/** The largest font that fits the board on one slide, else the smallest with the lanes spread over slides. */
function paginate(view: BoardView, colW: number): { s: Sizing; pages: { lane: BoardLane; h: number }[][] } {
  for (const font of FONTS) {
    const s = sizing(view, font, colW)
    const rows = view.lanes.map((lane) => ({ lane, h: laneNeed(view, lane, s) }))
    if (rows.reduce((a, r) => a + r.h, 0) <= s.room) return { s, pages: [rows] }
  }
  const s = sizing(view, MIN_FONT, colW)
  const pages: { lane: BoardLane; h: number }[][] = [[]]
  let used = 0
  for (const lane of view.lanes) {
    const h = laneNeed(view, lane, s)
    if (used + h > s.room && pages[pages.length - 1]!.length) {
      pages.push([])
      used = 0
    }
    pages[pages.length - 1]!.push({ lane, h })
    used += h
  }
  return { s, pages }
}

export function addBoardSlides(pptx: PptxGenJS, view: BoardView): void {
  const colW = (SLIDE.w - 2 * M - LANE_W) / Math.max(1, view.stages.length)
  const { s, pages } = paginate(view, colW)
  pages.forEach((rows, page) => {
    const slide = pptx.addSlide()
    const title = pages.length > 1 ? `${view.board.name} (${page + 1}/${pages.length})` : view.board.name
    slide.addText(title, {
      x: M,
      y: 0.2,
      w: SLIDE.w - 2 * M,
      h: 0.5,
      fontFace: FONT_FACE,
      fontSize: 20,
      bold: true,
      color: '1F2937',
      margin: 0,
    })
    const bottom = addGrid(pptx, slide, view, rows, s)
    addLegend(pptx, slide, view, M, bottom + 0.08)
  })
}

function addGrid(
  pptx: PptxGenJS,
  slide: Slide,
  view: BoardView,
  rows: { lane: BoardLane; h: number }[],
  s: Sizing,
): number {
  const gridX = M + LANE_W
  const width = SLIDE.w - 2 * M
  slide.addShape('rect', {
    x: M,
    y: GRID_TOP,
    w: width,
    h: s.headH,
    fill: { color: 'F1F5F9' },
    line: { color: 'CBD5E1', width: 0.5 },
  })
  view.stages.forEach((st, i) =>
    slide.addText(
      [
        { text: st.name, options: { bold: true, fontSize: s.font + 1, color: '1F2937', breakLine: true } },
        { text: evidenceText(view, st.id), options: { fontSize: s.font - 2, color: '4B5563' } },
      ],
      {
        x: gridX + s.colW * i,
        y: GRID_TOP,
        w: s.colW,
        h: s.headH,
        fontFace: FONT_FACE,
        valign: 'top',
        margin: 3,
      },
    ),
  )
  let y = GRID_TOP + s.headH
  rows.forEach(({ lane, h }, row) => {
    slide.addShape('rect', {
      x: M,
      y,
      w: width,
      h,
      fill: { color: row % 2 ? 'FAFAFA' : 'FFFFFF' },
      line: { color: 'E2E8F0', width: 0.5 },
    })
    slide.addText(lane.name, {
      x: M,
      y,
      w: LANE_W,
      h,
      fontFace: FONT_FACE,
      fontSize: s.font + 1,
      bold: true,
      color: '1F2937',
      valign: 'top',
      margin: 3,
    })
    if (lane.kind === 'emotion')
      addCurve(
        pptx,
        slide,
        view,
        { left: gridX, columnWidth: s.colW, top: y + 0.12, height: h - 0.24 },
        s.font,
      )
    else
      view.stages.forEach((st, i) =>
        addCell(pptx, slide, view, lane, st.id, { x: gridX + s.colW * i, y, h }, s),
      )
    y += h
  })
  for (let i = 0; i <= view.stages.length; i++)
    slide.addShape('line', {
      x: gridX + s.colW * i,
      y: GRID_TOP,
      w: 0,
      h: y - GRID_TOP,
      line: { color: 'E2E8F0', width: 0.5 },
    })
  return y
}

function addCell(
  pptx: PptxGenJS,
  slide: Slide,
  view: BoardView,
  lane: BoardLane,
  stageId: string,
  cell: { x: number; y: number; h: number },
  s: Sizing,
): void {
  const x = cell.x + CELL_PAD
  const w = s.colW - 2 * CELL_PAD
  const bottom = cell.y + cell.h - CELL_PAD
  const small = { fontFace: FONT_FACE, fontSize: s.font - 1, margin: 1 }
  let y = cell.y + CELL_PAD
  const lines = computedLines(view, lane, stageId)
  if (lines.length) {
    const h = Math.min(textHeight(lines, s), bottom - y)
    const color = lane.kind === 'churn' ? '991B1B' : lane.kind === 'metrics' ? '5B21B6' : '4B5563'
    slide.addText(lines.join('\n'), { ...small, x, y, w, h, color, valign: 'top' })
    y += h + GAP
  }
  const cards = view.cardsAt(lane.id, stageId).map((c) => ({ card: c, ...cardParts(view, c, s) }))
  const moreH = (s.font - 1) * LINE + 0.04
  for (const [i, c] of cards.entries()) {
    const room = bottom - y - (i === cards.length - 1 ? 0 : moreH)
    if (c.height > room + 0.001) {
      slide.addText(view.labels.more(cards.length - i), {
        ...small,
        x,
        y,
        w,
        h: moreH,
        color: '6B7280',
        italic: true,
      })
      break
    }
    addCard(pptx, slide, c, lane, { x, y, w, h: c.height }, s, c.backing === view.labels.assumption)
    y += c.height + GAP
  }
}

function addCard(
  pptx: PptxGenJS,
  slide: Slide,
  card: ReturnType<typeof cardParts>,
  lane: BoardLane,
  box: { x: number; y: number; w: number; h: number },
  s: Sizing,
  assumption: boolean,
): void {
  const small = s.font - 1.5
  slide.addText(
    [
      ...(card.text.trim()
        ? [{ text: card.text, options: { fontSize: s.font, color: '1F2937', breakLine: true } }]
        : []),
      ...(card.meta
        ? [{ text: card.meta, options: { fontSize: small, color: '4B5563', breakLine: true } }]
        : []),
      ...(card.backing
        ? [
            {
              text: card.backing,
              options: { fontSize: small, color: assumption ? '9CA3AF' : '1D4ED8', italic: assumption },
            },
          ]
        : []),
    ],
    {
      ...box,
      shape: pptx.ShapeType.roundRect,
      rectRadius: 0.05,
      fill: { color: FILL[lane.kind] ?? 'FFFFFF' },
      line: { color: assumption ? '9CA3AF' : '94A3B8', width: 0.75, dashType: assumption ? 'dash' : 'solid' },
      fontFace: FONT_FACE,
      valign: 'top',
      margin: 2,
      paraSpaceAfter: 0,
    },
  )
}
