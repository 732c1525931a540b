import type { Board, BoardCard, BoardInsights, BoardLane, LaneKind } from '../domain/board'
import { curveGeometry, curveLegendItems, curveSvgParts, legend } from './emotion-curve'
import {
  backingText,
  boardView,
  cardMeta,
  churnLines,
  evidenceText,
  formatEmotion,
  metricLines,
  type BoardExportOptions,
  type BoardView,
} from './export-model'
import { linesHeight, n, svgDocument, textLines, type TextStyle } from './svg'
import { wrap } from './wrap'

/**
 * The whole board as one SVG: stages across, lanes down, each cell's cards with their text wrapped, the emotion
 * lane as the curve, the computed lanes (evidence, ratings, churn) filled from the insights. The PNG export is
 * this SVG rasterised by the renderer, and the PDF wraps that picture, so all three look the same.
 */
const MARGIN = 16
const LANE_W = 168
const COL_W = 216
const PAD = 8
const GAP = 6
const CARD_PAD = 7
const CARD_W = COL_W - 2 * PAD
const INNER_W = CARD_W - 2 * CARD_PAD
const EMOTION_BAND = 120
/** Bold text runs about a tenth wider than the estimate for regular text. */
const BOLD = 1.1

const TEXT: TextStyle = { size: 12, lineHeight: 15 }
const SMALL: TextStyle = { size: 10, lineHeight: 13, fill: '#4b5563' }
const QUOTE: TextStyle = { size: 10.5, lineHeight: 13, fill: '#374151', italic: true }

const CARD_FILL: Partial<Record<LaneKind, string>> = {
  text: '#ffffff',
  touchpoints: '#eff6ff',
  metrics: '#f5f3ff',
  opportunities: '#ecfdf5',
}

/** Something drawn in a cell: its height is known before it is placed, so rows can be sized first. */
interface Block {
  height: number
  draw: (x: number, y: number) => string
}

function cardBlock(view: BoardView, card: BoardCard, kind: LaneKind): Block {
  const text = card.text.trim() ? wrap(card.text, INNER_W, TEXT.size, 10) : []
  const metaText = cardMeta(card, view.labels)
  const meta = metaText ? wrap(metaText, INNER_W, SMALL.size, 2) : []
  const backing = backingText(view, card)
  const assumption = backing === view.labels.assumption
  const textH = linesHeight(text.length, TEXT)
  const metaH = meta.length ? 3 + linesHeight(meta.length, SMALL) : 0
  const backingH = backing ? 3 + linesHeight(1, SMALL) : 0
  const height = CARD_PAD * 2 + textH + metaH + backingH
  return {
    height,
    draw: (x, y) =>
      `<rect x="${n(x)}" y="${n(y)}" width="${CARD_W}" height="${n(height)}" rx="6" ` +
      `fill="${CARD_FILL[kind] ?? '#ffffff'}" stroke="${assumption ? '#9ca3af' : '#94a3b8'}" stroke-width="1"` +
      `${assumption ? ' stroke-dasharray="4 3"' : ''}/>` +
      textLines(x + CARD_PAD, y + CARD_PAD, text, TEXT) +
      textLines(x + CARD_PAD, y + CARD_PAD + textH + 3, meta, SMALL) +
      textLines(x + CARD_PAD, y + CARD_PAD + textH + metaH + 3, backing ? [backing] : [], {
        ...SMALL,
        fill: assumption ? '#9ca3af' : '#1d4ed8',
        italic: assumption,
      }),
  }
}

function linesBlock(lines: string[], style: TextStyle): Block {
  return { height: linesHeight(lines.length, style), draw: (x, y) => textLines(x, y, lines, style) }
}

/** What a computed lane shows at a stage before any cards placed there by hand. */
function computedBlocks(view: BoardView, lane: BoardLane, stageId: string): Block[] {
  if (lane.kind === 'evidence') {
    const blocks = [linesBlock(wrap(evidenceText(view, stageId), CARD_W, SMALL.size, 2), SMALL)]
    for (const q of view.insight(stageId)?.evidence.quotes.slice(0, 2) ?? []) {
      const who = [q.participantName, q.companyName].filter(Boolean).join(', ')
      blocks.push(linesBlock(wrap(`“${q.quote}”${who ? ` — ${who}` : ''}`, CARD_W, QUOTE.size, 5), QUOTE))
    }
    return blocks
  }
  if (lane.kind === 'churn')
    return churnLines(view, stageId).map((l) =>
      linesBlock(wrap(l, CARD_W, TEXT.size, 4), { ...TEXT, fill: '#991b1b' }),
    )
  if (lane.kind === 'metrics') {
    const lines = metricLines(view, stageId)
    return lines.length ? [linesBlock(lines, { ...TEXT, weight: 'bold', fill: '#5b21b6' })] : []
  }
  return []
}

function cellBlocks(view: BoardView, lane: BoardLane, stageId: string): Block[] {
  return [
    ...computedBlocks(view, lane, stageId),
    ...view.cardsAt(lane.id, stageId).map((c) => cardBlock(view, c, lane.kind)),
  ]
}

const stackHeight = (blocks: readonly Block[]): number =>
  blocks.reduce((a, b) => a + b.height, 0) + GAP * Math.max(0, blocks.length - 1)

function emotionNotes(view: BoardView): string[][] {
  return view.stages.map((s) => (s.emotionNote ? wrap(s.emotionNote, CARD_W, SMALL.size, 4) : []))
}

export function boardSvg(board: Board, insights: BoardInsights, opts: BoardExportOptions): string {
  const view = boardView(board, insights, opts)
  const { stages, lanes, labels } = view
  const gridW = LANE_W + COL_W * stages.length
  const width = MARGIN * 2 + Math.max(gridW, 560)
  const out: string[] = []

  // Title: the board, its study and whom it is about.
  const title = wrap(board.name, width - 2 * MARGIN, 20 * BOLD, 2)
  const about = [
    board.studyName && `${labels.study}: ${board.studyName}`,
    board.segment && `${labels.segment} ${board.segment}`,
    board.persona && `${labels.persona}: ${board.persona}`,
  ].filter(Boolean) as string[]
  const sub = wrap(
    [about.join(' · '), board.description].filter(Boolean).join('\n'),
    width - 2 * MARGIN,
    12,
    4,
  )
  out.push(textLines(MARGIN, MARGIN, title, { size: 20, weight: 'bold', lineHeight: 24 }))
  let y = MARGIN + linesHeight(title.length, { size: 20, lineHeight: 24 }) + 4
  out.push(textLines(MARGIN, y, sub, { ...SMALL, size: 12, lineHeight: 15 }))
  y += linesHeight(sub.length, { size: 12, lineHeight: 15 }) + 12
  const gridTop = y

  // Stage headers, with each stage's evidence under its name.
  const names = stages.map((s) => wrap(s.name, COL_W - 2 * PAD, 13 * BOLD, 3))
  const counts = stages.map((s) => wrap(evidenceText(view, s.id), COL_W - 2 * PAD, SMALL.size, 2))
  const headH =
    PAD * 2 +
    Math.max(
      24,
      ...stages.map(
        (_, i) =>
          linesHeight(names[i]?.length ?? 0, { size: 13, lineHeight: 16 }) +
          2 +
          linesHeight(counts[i]?.length ?? 0, SMALL),
      ),
    )
  out.push(`<rect x="${MARGIN}" y="${n(y)}" width="${n(gridW)}" height="${n(headH)}" fill="#f1f5f9"/>`)
  stages.forEach((s, i) => {
    const x = MARGIN + LANE_W + COL_W * i + PAD
    const nameLines = names[i] ?? []
    out.push(textLines(x, y + PAD, nameLines, { size: 13, weight: 'bold', lineHeight: 16 }))
    out.push(
      textLines(
        x,
        y + PAD + linesHeight(nameLines.length, { size: 13, lineHeight: 16 }) + 2,
        counts[i] ?? [],
        SMALL,
      ),
    )
  })
  y += headH

  // Lanes: each row as tall as its fullest cell.
  const notes = emotionNotes(view)
  lanes.forEach((lane, row) => {
    const laneName = wrap(lane.name, LANE_W - 2 * PAD, 12 * BOLD, 4)
    // The kind says how a lane is filled; a lane already named after its kind needs no second line.
    const kindName = labels.kind[lane.kind]
    const kind =
      kindName.toLowerCase() === lane.name.toLowerCase()
        ? []
        : wrap(kindName, LANE_W - 2 * PAD, SMALL.size, 2)
    const headerH =
      linesHeight(laneName.length, { ...TEXT, weight: 'bold' }) + 2 + linesHeight(kind.length, SMALL)
    const cells = stages.map((s) => cellBlocks(view, lane, s.id))
    const notesH = Math.max(0, ...notes.map((l) => linesHeight(l.length, SMALL)))
    const contentH =
      lane.kind === 'emotion'
        ? 28 + EMOTION_BAND + (notesH ? 8 + notesH : 0)
        : Math.max(0, ...cells.map(stackHeight))
    const rowH = Math.max(44, headerH, contentH) + PAD * 2
    out.push(
      `<rect x="${MARGIN}" y="${n(y)}" width="${n(gridW)}" height="${n(rowH)}" fill="${row % 2 ? '#fafafa' : '#ffffff'}"/>`,
      textLines(MARGIN + PAD, y + PAD, laneName, { ...TEXT, weight: 'bold' }),
      textLines(MARGIN + PAD, y + PAD + linesHeight(laneName.length, TEXT) + 2, kind, SMALL),
    )
    if (lane.kind === 'emotion') {
      const box = {
        left: MARGIN + LANE_W,
        columnWidth: COL_W,
        top: y + PAD + 22,
        height: EMOTION_BAND,
        columns: stages.length,
      }
      const geo = curveGeometry(stages, view.insight, box)
      out.push(curveSvgParts(geo, box, labels))
      for (const v of [2, 0, -2])
        out.push(textLines(box.left - 6, geo.y(v) - 11, [formatEmotion(v)], { ...SMALL, anchor: 'end' }))
      notes.forEach((l, i) =>
        out.push(textLines(MARGIN + LANE_W + COL_W * i + PAD, box.top + EMOTION_BAND + 12, l, SMALL)),
      )
    }
    cells.forEach((blocks, i) => {
      let cy = y + PAD
      for (const b of lane.kind === 'emotion' ? [] : blocks) {
        out.push(b.draw(MARGIN + LANE_W + COL_W * i + PAD, cy))
        cy += b.height + GAP
      }
    })
    out.push(`<line x1="${MARGIN}" y1="${n(y)}" x2="${n(MARGIN + gridW)}" y2="${n(y)}" stroke="#e2e8f0"/>`)
    y += rowH
  })

  // Column rules over the whole grid, then the frame.
  for (let i = 0; i <= stages.length; i++) {
    const x = MARGIN + LANE_W + COL_W * i
    out.push(`<line x1="${n(x)}" y1="${n(gridTop)}" x2="${n(x)}" y2="${n(y)}" stroke="#e2e8f0"/>`)
  }
  out.push(
    `<rect x="${MARGIN}" y="${n(gridTop)}" width="${n(gridW)}" height="${n(y - gridTop)}" fill="none" stroke="#cbd5e1"/>`,
  )
  y += 14
  out.push(legend(MARGIN, y, [...curveLegendItems(labels), ['assumption', labels.assumption]]))
  return svgDocument(width, y + 14 + MARGIN, board.name, out.join(''))
}
