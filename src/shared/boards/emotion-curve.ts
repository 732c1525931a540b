import type { Board, BoardInsights, BoardStage } from '../domain/board'
import type { ExportLabels } from './export-labels'
import { boardView, formatEmotion, type BoardExportOptions, type StageInsight } from './export-model'
import { linesHeight, n, svgDocument, textLines } from './svg'
import { textWidth, wrap } from './wrap'

/**
 * The emotion curve's geometry, shared by the board SVG, the curve-only SVG and the PPTX: stages sit at the
 * centres of equal columns, −2 … +2 maps onto a band. The as-is line breaks at a stage with no evidence (a gap
 * is "nobody said", not a zero); the to-be line breaks where no hope was drawn.
 */
export interface CurvePoint {
  stageId: string
  x: number
  y: number
  value: number
  source: 'evidence' | 'override'
  n: number
  /** The computed mean's place when an override hides it, so the override is seen beside the evidence. */
  meanY: number | null
  /** The spread (mean ± sd, inside −2 … +2) as y coordinates, for evidence points. */
  spread: { top: number; bottom: number } | null
  /** The value's label goes under the point: the to-be marker (or the band's top) sits just above it. */
  labelBelow: boolean
}

export interface CurveGeometry {
  /** As-is segments: consecutive stages with a value; a single stage is a segment of one point. */
  asIs: CurvePoint[][]
  /** Stages with no value, where the as-is curve is broken. */
  gaps: { stageId: string; x: number }[]
  toBe: { stageId: string; x: number; y: number; value: number }[][]
  /** y of an emotion value. */
  y: (v: number) => number
}

export interface CurveBox {
  /** Left edge of the first stage column. */
  left: number
  columnWidth: number
  top: number
  height: number
}

const clamp = (v: number): number => Math.max(-2, Math.min(2, v))

export function curveGeometry(
  stages: readonly BoardStage[],
  insight: (stageId: string) => StageInsight | undefined,
  box: CurveBox,
): CurveGeometry {
  const y = (v: number): number => box.top + ((2 - clamp(v)) / 4) * box.height
  const geo: CurveGeometry = { asIs: [], gaps: [], toBe: [], y }
  let run: CurvePoint[] = []
  let hope: CurveGeometry['toBe'][number] = []
  stages.forEach((s, i) => {
    const x = box.left + box.columnWidth * (i + 0.5)
    const e = insight(s.id)?.emotion
    if (e && e.value !== null && e.source !== 'none') {
      run.push({
        stageId: s.id,
        x,
        y: y(e.value),
        value: e.value,
        source: e.source,
        n: e.n,
        meanY: e.source === 'override' && e.mean !== null ? y(e.mean) : null,
        spread:
          e.source === 'evidence' && e.mean !== null && e.sd !== null && e.sd > 0
            ? { top: y(e.mean + e.sd), bottom: y(e.mean - e.sd) }
            : null,
        labelBelow:
          y(e.value) - box.top < box.height * 0.15 ||
          (s.emotionToBe !== null &&
            s.emotionToBe >= e.value &&
            y(e.value) - y(s.emotionToBe) < box.height * 0.2),
      })
    } else {
      if (run.length) geo.asIs.push(run)
      run = []
      geo.gaps.push({ stageId: s.id, x })
    }
    if (s.emotionToBe !== null) hope.push({ stageId: s.id, x, y: y(s.emotionToBe), value: s.emotionToBe })
    else {
      if (hope.length) geo.toBe.push(hope)
      hope = []
    }
  })
  if (run.length) geo.asIs.push(run)
  if (hope.length) geo.toBe.push(hope)
  return geo
}

export const CURVE_COLORS = {
  asIs: '#2563eb',
  toBe: '#059669',
  override: '#d97706',
  spread: '#bfdbfe',
  grid: '#e5e7eb',
  zero: '#9ca3af',
  gap: '#9ca3af',
} as const

const points = (ps: readonly { x: number; y: number }[]): string =>
  ps.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')

/** The curve drawn into a box: grid, spread, to-be (dashed), as-is segments, markers, gap labels. */
export function curveSvgParts(
  geo: CurveGeometry,
  box: CurveBox & { columns: number },
  labels: ExportLabels,
): string {
  const right = box.left + box.columnWidth * box.columns
  const out: string[] = []
  for (const v of [2, 1, 0, -1, -2])
    out.push(
      `<line x1="${n(box.left)}" y1="${n(geo.y(v))}" x2="${n(right)}" y2="${n(geo.y(v))}" ` +
        `stroke="${v === 0 ? CURVE_COLORS.zero : CURVE_COLORS.grid}" stroke-width="1"/>`,
    )
  for (const seg of geo.asIs)
    for (const p of seg)
      if (p.spread)
        out.push(
          `<rect x="${n(p.x - 4)}" y="${n(p.spread.top)}" width="8" height="${n(p.spread.bottom - p.spread.top)}" ` +
            `rx="4" fill="${CURVE_COLORS.spread}"/>`,
        )
  for (const seg of geo.toBe) {
    if (seg.length > 1)
      out.push(
        `<polyline points="${points(seg)}" fill="none" stroke="${CURVE_COLORS.toBe}" stroke-width="2" ` +
          'stroke-dasharray="6 4"/>',
      )
    for (const p of seg)
      out.push(
        `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="3.5" fill="#ffffff" stroke="${CURVE_COLORS.toBe}" stroke-width="1.5"/>`,
      )
  }
  for (const seg of geo.asIs)
    if (seg.length > 1)
      out.push(
        `<polyline points="${points(seg)}" fill="none" stroke="${CURVE_COLORS.asIs}" stroke-width="2.5" ` +
          'stroke-linejoin="round"/>',
      )
  for (const seg of geo.asIs)
    for (const p of seg) {
      if (p.source === 'override') {
        if (p.meanY !== null)
          out.push(`<circle cx="${n(p.x)}" cy="${n(p.meanY)}" r="3" fill="${CURVE_COLORS.zero}"/>`)
        out.push(
          `<path d="M${n(p.x)},${n(p.y - 6)} L${n(p.x + 6)},${n(p.y)} L${n(p.x)},${n(p.y + 6)} L${n(p.x - 6)},${n(p.y)} Z" ` +
            `fill="#ffffff" stroke="${CURVE_COLORS.override}" stroke-width="2"/>`,
          textLines(
            p.x + 9,
            p.labelBelow ? p.y + 3 : p.y - 14,
            [`${formatEmotion(p.value)} ${labels.override}`],
            {
              size: 10,
              fill: CURVE_COLORS.override,
            },
          ),
        )
      } else
        out.push(
          `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="4.5" fill="${CURVE_COLORS.asIs}"/>`,
          textLines(p.x + 8, p.labelBelow ? p.y + 3 : p.y - 14, [`${formatEmotion(p.value)} (n=${p.n})`], {
            size: 10,
            fill: '#1e3a8a',
          }),
        )
    }
  for (const g of geo.gaps)
    out.push(
      `<line x1="${n(g.x)}" y1="${n(geo.y(0.25))}" x2="${n(g.x)}" y2="${n(geo.y(-0.25))}" stroke="${CURVE_COLORS.gap}" ` +
        'stroke-width="1.5" stroke-dasharray="2 2"/>',
      textLines(g.x, geo.y(0) + 6, [labels.noEvidence], {
        size: 10,
        fill: CURVE_COLORS.gap,
        anchor: 'middle',
      }),
    )
  return out.join('')
}

/** Legend icons, each drawn in a 24 × 12 box at (x, y). */
export const LEGEND_ICONS = {
  asIs: (x: number, y: number) =>
    `<line x1="${n(x)}" y1="${n(y + 6)}" x2="${n(x + 24)}" y2="${n(y + 6)}" stroke="${CURVE_COLORS.asIs}" stroke-width="2.5"/>`,
  toBe: (x: number, y: number) =>
    `<line x1="${n(x)}" y1="${n(y + 6)}" x2="${n(x + 24)}" y2="${n(y + 6)}" stroke="${CURVE_COLORS.toBe}" stroke-width="2" stroke-dasharray="6 4"/>`,
  override: (x: number, y: number) =>
    `<path d="M${n(x + 12)},${n(y)} L${n(x + 18)},${n(y + 6)} L${n(x + 12)},${n(y + 12)} L${n(x + 6)},${n(y + 6)} Z" fill="#ffffff" stroke="${CURVE_COLORS.override}" stroke-width="2"/>`,
  gap: (x: number, y: number) =>
    `<line x1="${n(x + 12)}" y1="${n(y + 1)}" x2="${n(x + 12)}" y2="${n(y + 11)}" stroke="${CURVE_COLORS.gap}" stroke-width="1.5" stroke-dasharray="2 2"/>`,
  assumption: (x: number, y: number) =>
    `<rect x="${n(x)}" y="${n(y)}" width="24" height="12" rx="3" fill="#ffffff" stroke="#9ca3af" stroke-dasharray="4 3"/>`,
}

/** A legend line: each icon with its words, spaced by the words' width. */
export function legend(x: number, y: number, items: readonly [keyof typeof LEGEND_ICONS, string][]): string {
  let at = x
  const out: string[] = []
  for (const [icon, label] of items) {
    out.push(LEGEND_ICONS[icon](at, y), textLines(at + 30, y - 2, [label], { size: 11, fill: '#374151' }))
    at += 30 + textWidth(label, 11) + 24
  }
  return `<g>${out.join('')}</g>`
}

/** The curve's own legend: as-is, to-be, override, gap. */
export const curveLegendItems = (labels: ExportLabels): [keyof typeof LEGEND_ICONS, string][] => [
  ['asIs', labels.asIs],
  ['toBe', labels.toBe],
  ['override', labels.override],
  ['gap', labels.noEvidence],
]

/** The emotion curve alone (the reports embed it): stages along the bottom, −2 … +2 up the side, a legend. */
export function emotionCurveSvg(
  board: Board,
  insights: BoardInsights,
  opts: Pick<BoardExportOptions, 'language'> & { columnWidth?: number; height?: number },
): string {
  const view = boardView(board, insights, { language: opts.language })
  const columnWidth = opts.columnWidth ?? 120
  const bandHeight = opts.height ?? 180
  const left = 44
  const top = 40
  const names = view.stages.map((s) => wrap(s.name, columnWidth - 8, 11, 3))
  const nameHeight = Math.max(0, ...names.map((l) => linesHeight(l.length, { size: 11 })))
  const box = { left, columnWidth, top, height: bandHeight, columns: view.stages.length }
  const width = Math.max(left + columnWidth * view.stages.length + 48, 520)
  const height = top + bandHeight + 12 + nameHeight + 12
  const geo = curveGeometry(view.stages, view.insight, box)
  const axis = [2, 1, 0, -1, -2]
    .map((v) =>
      textLines(left - 6, geo.y(v) - 11, [formatEmotion(v)], { size: 10, fill: '#6b7280', anchor: 'end' }),
    )
    .join('')
  const stageNames = names
    .map((lines, i) =>
      textLines(left + columnWidth * (i + 0.5), top + bandHeight + 12, lines, { size: 11, anchor: 'middle' }),
    )
    .join('')
  const body =
    legend(left, 12, curveLegendItems(view.labels)) + axis + curveSvgParts(geo, box, view.labels) + stageNames
  return svgDocument(width, height, `${view.labels.emotion}: ${board.name}`, body)
}
