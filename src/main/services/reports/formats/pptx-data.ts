import type PptxGenJS from 'pptxgenjs'
import { textWidth } from '../../../../shared/boards/wrap'
import { cellText, isNumeric } from '../../../../shared/reports/cells'
import { isPareto } from '../../../../shared/reports/charts'
import type { ReportBlock, ReportChart } from '../../../../shared/reports/model'
import { rasterize } from './raster'
import {
  clip,
  COLOR,
  CONTENT,
  contentSlide,
  heightOf,
  LINE,
  lineCount,
  text,
  type Deck,
  type Slide,
} from './pptx-theme'

/** Slides of numbers and pictures: native charts, native tables, the journey board as a picture. */

type Table = Extract<ReportBlock, { kind: 'table' }>
type Figure = Extract<ReportBlock, { kind: 'figure' }>
type Box = { x: number; y: number; w: number; h: number }

/** Rows a slide's table shows at most; the rest are counted under it. */
const MAX_ROWS = 10
const TABLE_SIZE = 12
const CELL_LINES = 2
const CELL_PAD = 0.06

/**
 * The chart as a native, editable chart (its numbers in the embedded workbook). A Pareto is a combo chart:
 * bars for the values on the left axis, the cumulative share as a line on a secondary 0–100 % axis on the
 * right, as the SVG draws it; LibreOffice renders the combo as PowerPoint does, so no fallback is needed.
 */
export function addChart(deck: Deck, slide: Slide, chart: ReportChart, box: Box): void {
  const { pptx, labels } = deck
  const labelsOf = chart.bars.map((b) => b.label)
  const common: PptxGenJS.IChartOpts = {
    ...box,
    lang: deck.lang,
    showTitle: true,
    title: chart.title,
    titleFontFace: 'Arial',
    titleFontSize: 16,
    titleColor: COLOR.text,
    catAxisLabelFontFace: 'Arial',
    catAxisLabelFontSize: chart.bars.length > 6 ? 10 : 12,
    catAxisLabelColor: COLOR.muted,
    valAxisLabelFontSize: 11,
    valAxisLabelColor: COLOR.muted,
    valGridLine: { color: COLOR.rule, size: 0.75 },
    showLegend: true,
    legendPos: 'b',
    legendFontSize: 11,
    legendFontFace: 'Arial',
    altText: `${chart.title} (${chart.unit})`,
  }
  const bars: PptxGenJS.IChartOpts = {
    barDir: 'col',
    chartColors: [COLOR.accent],
    barGapWidthPct: 60,
    showValue: true,
    dataLabelFormatCode: '#,##0.##',
    dataLabelFontSize: 11,
    dataLabelColor: COLOR.text,
    dataLabelPosition: 'outEnd',
  }
  const values = [{ name: chart.unit, labels: labelsOf, values: chart.bars.map((b) => b.value) }]
  if (!isPareto(chart)) {
    slide.addChart(pptx.ChartType.bar, values, { ...common, ...bars, valAxisMinVal: 0 })
    return
  }
  const shares = chart.bars.map((b) => b.cumulativeShare ?? 0)
  const types: PptxGenJS.IChartMulti[] = [
    { type: pptx.ChartType.bar, data: values, options: bars },
    {
      type: pptx.ChartType.line,
      data: [{ name: labels.formats.cumulativeShare, labels: labelsOf, values: shares }],
      options: {
        chartColors: [COLOR.line],
        lineSize: 2,
        lineDataSymbol: 'circle',
        lineDataSymbolSize: 7,
        secondaryValAxis: true,
        secondaryCatAxis: true,
      },
    },
  ]
  const options: PptxGenJS.IChartOpts = {
    ...common,
    valAxes: [
      { showValAxisTitle: true, valAxisTitle: chart.unit, valAxisTitleFontSize: 11, valAxisMinVal: 0 },
      {
        showValAxisTitle: true,
        valAxisTitle: labels.formats.cumulativeShare,
        valAxisTitleFontSize: 11,
        valAxisMinVal: 0,
        valAxisMaxVal: 1,
        valAxisLabelFormatCode: '0%',
        valGridLine: { style: 'none' },
      },
    ],
    catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
  }
  // A combo chart takes its options in the data's place (pptxgenjs reads `data || options`); its types
  // declare the data parameter only.
  slide.addChart(types, options as unknown as [])
}

/** A chart on its own slide, or beside a table (the forces: four bars and their counts). */
export function addChartSlide(deck: Deck, title: string, chart: ReportChart, table?: Table): void {
  const slide = contentSlide(deck, title)
  const h = CONTENT.bottom - CONTENT.y
  if (!table) {
    addChart(deck, slide, chart, { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h })
    return
  }
  const chartW = CONTENT.w * 0.6
  addChart(deck, slide, chart, { x: CONTENT.x, y: CONTENT.y, w: chartW, h })
  addTable(deck, slide, table, { x: CONTENT.x + chartW + 0.3, y: CONTENT.y, w: CONTENT.w - chartW - 0.3, h })
}

/**
 * Column widths from what the columns hold: wide text columns get the room, but no column is narrower than
 * its header's longest word or its widest number, which must not break mid-word.
 */
function columnWidths(table: Table, cells: string[][], w: number): number[] {
  const inches = (t: string) => (textWidth(t, TABLE_SIZE) * 1.1) / 72 + 2 * CELL_PAD
  const floor = table.columns.map((c, i) =>
    Math.max(
      ...c.header.split(/\s+/).map(inches),
      ...(isNumeric(c) ? cells.map((r) => inches(r[i] ?? '')) : []),
    ),
  )
  const weights = table.columns.map((c, i) =>
    Math.min(
      Math.max(textWidth(c.header, 1), ...cells.map((r) => Math.min(40, textWidth(r[i] ?? '', 1))), 3),
      24,
    ),
  )
  let widths = weights.map(() => 0)
  let fixed = new Set<number>()
  // Columns held at their floor leave the rest to share by weight; a few rounds settle it.
  for (let round = 0; round < table.columns.length; round++) {
    const free = w - [...fixed].reduce((a, i) => a + floor[i]!, 0)
    const sum = weights.reduce((a, x, i) => (fixed.has(i) ? a : a + x), 0)
    widths = weights.map((x, i) => (fixed.has(i) ? floor[i]! : (x / sum) * free))
    const under = widths.flatMap((x, i) => (!fixed.has(i) && x < floor[i]! ? [i] : []))
    if (!under.length) break
    fixed = new Set([...fixed, ...under])
  }
  const total = widths.reduce((a, b) => a + b, 0)
  return widths.map((x) => (x / total) * w)
}

/**
 * A native table in the box: the caption above it, a header row, as many rows as fit (at most MAX_ROWS), each
 * cell cut to two lines; what is left out is counted under it.
 */
export function addTable(deck: Deck, slide: Slide, table: Table, box: Box): void {
  const lang = deck.doc.language
  const all = table.rows.map((r) => table.columns.map((c, i) => cellText(r[i] ?? null, c, lang)))
  const colW = columnWidths(table, all.slice(0, 30), box.w)
  const inner = (i: number) => (colW[i] ?? 1) - 2 * CELL_PAD
  const rowH = (cells: string[]) =>
    Math.max(...cells.map((t, i) => Math.min(CELL_LINES, lineCount(t, inner(i), TABLE_SIZE)))) *
      TABLE_SIZE *
      LINE +
    2 * CELL_PAD
  let y = box.y
  if (table.caption) {
    slide.addText(clip(table.caption, box.w, 14, 1), {
      ...text(deck),
      x: box.x,
      y,
      w: box.w,
      h: 0.3,
      fontSize: 14,
      bold: true,
      color: COLOR.muted,
    })
    y += 0.4
  }
  const moreH = heightOf(1, TABLE_SIZE) + 0.15
  const head = table.columns.map((c) => c.header)
  const heights = [rowH(head)]
  let used = heights[0]!
  let shown = 0
  for (const [i, r] of all.entries()) {
    const h = rowH(r)
    const room = box.y + box.h - y - used - (i === all.length - 1 ? 0 : moreH)
    if (shown === MAX_ROWS || h > room) break
    heights.push(h)
    used += h
    shown++
  }
  const cell = (t: string, i: number, header: boolean): PptxGenJS.TableCell => ({
    text: clip(t, inner(i), TABLE_SIZE, CELL_LINES),
    options: {
      align: isNumeric(table.columns[i]!) ? 'right' : 'left',
      ...(header ? { bold: true, fill: { color: COLOR.head } } : {}),
    },
  })
  slide.addTable(
    [
      head.map((t, i) => cell(t, i, true)),
      ...all.slice(0, shown).map((r) => r.map((t, i) => cell(t, i, false))),
    ],
    {
      x: box.x,
      y,
      w: box.w,
      colW,
      rowH: heights,
      fontFace: 'Arial',
      fontSize: TABLE_SIZE,
      color: COLOR.text,
      lang: deck.lang,
      valign: 'top',
      margin: CELL_PAD,
      border: { type: 'solid', pt: 0.75, color: COLOR.border },
      autoPage: false,
    },
  )
  if (shown < all.length)
    slide.addText(deck.labels.formats.more(all.length - shown), {
      ...text(deck),
      x: box.x,
      y: y + used + 0.08,
      w: box.w,
      h: heightOf(1, TABLE_SIZE),
      fontSize: TABLE_SIZE,
      italic: true,
      color: COLOR.faint,
    })
}

export function addTableSlide(deck: Deck, title: string, table: Table): void {
  const slide = contentSlide(deck, title)
  addTable(deck, slide, table, { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: CONTENT.bottom - CONTENT.y })
}

/** A picture of ours (the journey board) as a PNG, as large as the slide allows with its aspect kept. */
export function addFigureSlide(deck: Deck, title: string, figure: Figure): void {
  const slide = contentSlide(deck, title)
  let y = CONTENT.y
  if (figure.caption) {
    slide.addText(clip(figure.caption, CONTENT.w, 16, 1), {
      ...text(deck),
      x: CONTENT.x,
      y,
      w: CONTENT.w,
      h: 0.35,
      fontSize: 16,
      color: COLOR.muted,
    })
    y += 0.45
  }
  const width = figure.width || 1200
  const height = figure.height || width / 2
  const png = rasterize(figure.svg, width)
  const scale = Math.min(CONTENT.w / width, (CONTENT.bottom - y) / height)
  const w = width * scale
  slide.addImage({
    data: `image/png;base64,${Buffer.from(png).toString('base64')}`,
    x: CONTENT.x + (CONTENT.w - w) / 2,
    y,
    w,
    h: height * scale,
    altText: figure.alt,
  })
}
