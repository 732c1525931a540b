import type PptxGenJS from 'pptxgenjs'
import { CURVE_COLORS, curveGeometry, type CurveBox } from './emotion-curve'
import { formatEmotion, type BoardView } from './export-model'

/** The emotion curve and the legend of the PPTX board slide, as native line and marker shapes. */
export const FONT_FACE = 'Arial'

export const hex = (c: string): string => c.replace('#', '').toUpperCase()

type Point = { x: number; y: number }

/** A straight line shape from a to b (PowerPoint draws a line's box top-left to bottom-right unless flipped). */
export function line(slide: PptxGenJS.Slide, a: Point, b: Point, props: PptxGenJS.ShapeLineProps): void {
  slide.addShape('line', {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(b.x - a.x),
    h: Math.abs(b.y - a.y),
    flipV: b.y < a.y !== b.x < a.x,
    line: props,
  })
}

const dot = (
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  p: Point,
  r: number,
  fill: string,
  stroke: string,
  width: number,
  shape: PptxGenJS.SHAPE_NAME = pptx.ShapeType.ellipse,
) =>
  slide.addShape(shape, {
    x: p.x - r,
    y: p.y - r,
    w: 2 * r,
    h: 2 * r,
    fill: { color: fill },
    line: { color: stroke, width },
  })

export function addCurve(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  view: BoardView,
  box: CurveBox,
  font: number,
): void {
  const geo = curveGeometry(view.stages, view.insight, box)
  const right = box.left + box.columnWidth * view.stages.length
  const small = { fontFace: FONT_FACE, fontSize: Math.max(5, font - 2), margin: 0 }
  for (const v of [2, 1, 0, -1, -2]) {
    line(
      slide,
      { x: box.left, y: geo.y(v) },
      { x: right, y: geo.y(v) },
      { color: hex(v === 0 ? CURVE_COLORS.zero : CURVE_COLORS.grid), width: 0.5 },
    )
    if (v % 2 === 0)
      slide.addText(formatEmotion(v), {
        ...small,
        x: box.left - 0.4,
        y: geo.y(v) - 0.08,
        w: 0.36,
        h: 0.16,
        color: '6B7280',
        align: 'right',
      })
  }
  const toBe = hex(CURVE_COLORS.toBe)
  for (const seg of geo.toBe) {
    seg.slice(1).forEach((p, i) => line(slide, seg[i]!, p, { color: toBe, width: 1.5, dashType: 'dash' }))
    for (const p of seg) dot(pptx, slide, p, 0.035, 'FFFFFF', toBe, 1)
  }
  const asIs = hex(CURVE_COLORS.asIs)
  const override = hex(CURVE_COLORS.override)
  for (const seg of geo.asIs) {
    seg.slice(1).forEach((p, i) => line(slide, seg[i]!, p, { color: asIs, width: 2 }))
    for (const p of seg) {
      const isOverride = p.source === 'override'
      // The computed mean stays visible beside the override that replaces it.
      if (p.meanY !== null)
        dot(pptx, slide, { x: p.x, y: p.meanY }, 0.03, hex(CURVE_COLORS.zero), hex(CURVE_COLORS.zero), 0.5)
      if (isOverride) dot(pptx, slide, p, 0.06, 'FFFFFF', override, 1.5, pptx.ShapeType.diamond)
      else dot(pptx, slide, p, 0.045, asIs, asIs, 0.75)
      slide.addText(
        isOverride
          ? `${formatEmotion(p.value)} ${view.labels.override}`
          : `${formatEmotion(p.value)} (n=${p.n})`,
        {
          ...small,
          x: p.x + 0.07,
          y: p.labelBelow ? p.y + 0.03 : p.y - 0.2,
          w: box.columnWidth / 2 - 0.07,
          h: 0.16,
          color: isOverride ? override : '1E3A8A',
        },
      )
    }
  }
  for (const g of geo.gaps)
    slide.addText(view.labels.noEvidence, {
      ...small,
      x: g.x - box.columnWidth / 2,
      y: geo.y(0) + 0.02,
      w: box.columnWidth,
      h: 0.16,
      color: hex(CURVE_COLORS.gap),
      align: 'center',
      italic: true,
    })
}

export function addLegend(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  view: BoardView,
  left: number,
  y: number,
): void {
  const l = view.labels
  let x = left
  const item = (draw: () => void, label: string) => {
    draw()
    slide.addText(label, {
      x: x + 0.3,
      y: y - 0.04,
      w: 1.6,
      h: 0.2,
      fontFace: FONT_FACE,
      fontSize: 8,
      color: '374151',
      margin: 0,
    })
    x += 0.3 + label.length * 0.065 + 0.3
  }
  const mid = (from: number) =>
    [
      { x: from, y: y + 0.06 },
      { x: from + 0.24, y: y + 0.06 },
    ] as const
  item(() => line(slide, ...mid(x), { color: hex(CURVE_COLORS.asIs), width: 2 }), l.asIs)
  item(() => line(slide, ...mid(x), { color: hex(CURVE_COLORS.toBe), width: 1.5, dashType: 'dash' }), l.toBe)
  item(
    () =>
      dot(
        pptx,
        slide,
        { x: x + 0.12, y: y + 0.06 },
        0.06,
        'FFFFFF',
        hex(CURVE_COLORS.override),
        1.5,
        pptx.ShapeType.diamond,
      ),
    l.override,
  )
  item(
    () =>
      slide.addShape(pptx.ShapeType.roundRect, {
        x,
        y,
        w: 0.24,
        h: 0.12,
        rectRadius: 0.2,
        fill: { color: 'FFFFFF' },
        line: { color: '9CA3AF', width: 0.75, dashType: 'dash' },
      }),
    l.assumption,
  )
}
