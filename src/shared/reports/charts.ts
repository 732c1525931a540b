import { esc, n, svgDocument, textLines } from '../boards/svg'
import { wrap } from '../boards/wrap'
import type { ReportChart } from './model'

/**
 * Bar charts drawn by our own code from the numbers, so every format shows the same picture and no chart
 * library (or its script) ends up in a report. A chart whose bars carry a cumulative share is a Pareto: the
 * bars, the cumulative line against a 0–100 % axis on the right, and the 80 % mark where "the vital few" end.
 * The size is fixed, so documents can lay the picture out before it is drawn; user text goes through esc().
 */

export const CHART_WIDTH = 720
export const CHART_HEIGHT = 380

const BAR = '#2563eb'
const LINE = '#d97706'
const GRID = '#e5e7eb'
const MUTED = '#6b7280'
const BOX = { left: 64, right: 56, top: 56, bottom: 78 }

/**
 * Values without a language (a chart is drawn once for the report): grouped by a narrow space, which reads
 * the same in English and Russian, where a comma would be a decimal point.
 */
export function chartNumber(v: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: Math.abs(v) < 10 ? 1 : 0 })
    .format(v)
    .replace(/,/g, '\u202f')
}

/**
 * The value axis: four steps of 1, 2, 2.5 or 5 times a power of ten, reaching at least the largest bar; whole
 * steps when every value is whole (companies are counted, never halved).
 */
function axisTop(values: readonly number[]): number {
  const max = Math.max(0, ...values)
  if (max <= 0) return 4
  const raw = max / 4
  const p = 10 ** Math.floor(Math.log10(raw))
  let step = ([1, 2, 2.5, 5, 10].find((m) => m * p >= raw) ?? 10) * p
  if (values.every(Number.isInteger)) step = Math.max(1, Math.ceil(step))
  return step * 4
}

export type ChartInput = Omit<ReportChart, 'svg' | 'width' | 'height'>

/** The chart with its SVG: what the report service's ChartOf injects into the sections. */
export function drawChart(input: ChartInput): ReportChart {
  return { ...input, svg: chartSvg(input), width: CHART_WIDTH, height: CHART_HEIGHT }
}

export const isPareto = (chart: ChartInput): boolean =>
  chart.bars.length > 0 && chart.bars.every((b) => b.cumulativeShare !== undefined)

export function chartSvg(chart: ChartInput): string {
  const w = CHART_WIDTH
  const h = CHART_HEIGHT
  const plot = { x: BOX.left, y: BOX.top, w: w - BOX.left - BOX.right, h: h - BOX.top - BOX.bottom }
  const bottom = plot.y + plot.h
  const top = axisTop(chart.bars.map((b) => b.value))
  const yOf = (v: number) => bottom - (Math.max(0, v) / top) * plot.h
  const parts: string[] = [
    textLines(16, 10, wrap(chart.title, w - 32, 15, 1), { size: 15, weight: 'bold' }),
    textLines(16, 32, wrap(chart.unit, w / 2, 11, 1), { size: 11, fill: MUTED }),
  ]
  for (let i = 0; i <= 4; i++) {
    const y = bottom - (plot.h * i) / 4
    parts.push(
      `<line x1="${n(plot.x)}" y1="${n(y)}" x2="${n(plot.x + plot.w)}" y2="${n(y)}" stroke="${GRID}" stroke-width="1"/>`,
      textLines(plot.x - 6, y - 7, [chartNumber((top * i) / 4)], { size: 10, fill: MUTED, anchor: 'end' }),
    )
  }
  const col = chart.bars.length ? plot.w / chart.bars.length : plot.w
  const barW = Math.min(56, col * 0.7)
  chart.bars.forEach((b, i) => {
    const cx = plot.x + col * (i + 0.5)
    const y = yOf(b.value)
    parts.push(
      `<rect x="${n(cx - barW / 2)}" y="${n(y)}" width="${n(barW)}" height="${n(bottom - y)}" fill="${BAR}"/>`,
      textLines(cx, y - 15, [chartNumber(b.value)], { size: 10, anchor: 'middle' }),
      textLines(cx, bottom + 4, wrap(b.label, col - 4, 10, 4), {
        size: 10,
        anchor: 'middle',
        lineHeight: 12,
      }),
    )
  })
  parts.push(
    `<line x1="${n(plot.x)}" y1="${n(bottom)}" x2="${n(plot.x + plot.w)}" y2="${n(bottom)}" stroke="${MUTED}" stroke-width="1"/>`,
  )
  if (isPareto(chart)) parts.push(paretoLine(chart, plot, col))
  return svgDocument(w, h, chart.title, parts.join(''))
}

/** The cumulative share as a line over the bars, its 0–100 % axis on the right and the 80 % mark. */
function paretoLine(
  chart: ChartInput,
  plot: { x: number; y: number; w: number; h: number },
  col: number,
): string {
  const bottom = plot.y + plot.h
  const yOf = (share: number) => bottom - Math.min(1, Math.max(0, share)) * plot.h
  const right = plot.x + plot.w
  const y80 = yOf(0.8)
  const points = chart.bars.map((b, i) => [plot.x + col * (i + 0.5), yOf(b.cumulativeShare ?? 0)] as const)
  const out = [
    `<line x1="${n(plot.x)}" y1="${n(y80)}" x2="${n(right)}" y2="${n(y80)}" stroke="${LINE}" stroke-width="1" stroke-dasharray="5 4"/>`,
    `<polyline points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${LINE}" stroke-width="2"/>`,
    ...points.map(([x, y]) => `<circle cx="${n(x)}" cy="${n(y)}" r="3" fill="${LINE}"/>`),
    ...[0, 0.5, 1].map((s) => textLines(right + 6, yOf(s) - 7, [`${s * 100}%`], { size: 10, fill: MUTED })),
    textLines(right + 6, y80 - 7, ['80%'], { size: 10, fill: LINE, weight: 'bold' }),
  ]
  return `<g aria-label="${esc('cumulative share')}">${out.join('')}</g>`
}
