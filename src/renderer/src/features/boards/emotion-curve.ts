import type { CurveSource } from '../../../../shared/boards/emotion'

/** One stage of the curve: the as-is value (with where it came from), the to-be value, and its evidence. */
export interface CurveStage {
  asIs: number | null
  source: CurveSource
  toBe: number | null
  n: number
  sd: number | null
}

export interface CurvePoint {
  stage: number
  value: number
  x: number
  y: number
}

export interface CurveGeometry {
  width: number
  height: number
  /** y of the neutral line (0). */
  zeroY: number
  /** One path per run of stages with a value: a stage without one breaks the line (a gap, never a zero). */
  asIsRuns: string[]
  toBeRuns: string[]
  asIs: (CurvePoint & { source: Exclude<CurveSource, 'none'> })[]
  toBe: CurvePoint[]
  /** Stages with no as-is value, where the gap is marked. */
  gaps: { stage: number; x: number }[]
  /** The spread (±1 standard deviation) around a computed mean. */
  spread: { stage: number; x: number; y1: number; y2: number }[]
}

const PAD = 14

/**
 * The emotion curve's drawing, as numbers: one column per stage, −2 at the bottom, +2 at the top. Pure, so
 * the board on screen and an exported SVG draw the same curve.
 */
export function curveGeometry(
  stages: readonly CurveStage[],
  stageWidth: number,
  height: number,
): CurveGeometry {
  const y = (v: number) => PAD + ((2 - Math.max(-2, Math.min(2, v))) / 4) * (height - 2 * PAD)
  const x = (i: number) => i * stageWidth + stageWidth / 2
  const runs = (values: (number | null)[]) => {
    const out: string[] = []
    let run: string[] = []
    values.forEach((v, i) => {
      if (v === null) {
        if (run.length > 1) out.push(run.join(' '))
        run = []
        return
      }
      run.push(`${run.length ? 'L' : 'M'}${round(x(i))} ${round(y(v))}`)
    })
    if (run.length > 1) out.push(run.join(' '))
    return out
  }
  const asIs: CurveGeometry['asIs'] = []
  const gaps: CurveGeometry['gaps'] = []
  const spread: CurveGeometry['spread'] = []
  stages.forEach((s, i) => {
    if (s.asIs === null || s.source === 'none') gaps.push({ stage: i, x: x(i) })
    else asIs.push({ stage: i, value: s.asIs, x: x(i), y: y(s.asIs), source: s.source })
    if (s.source === 'evidence' && s.asIs !== null && s.sd)
      spread.push({ stage: i, x: x(i), y1: y(s.asIs + s.sd), y2: y(s.asIs - s.sd) })
  })
  return {
    width: stages.length * stageWidth,
    height,
    zeroY: y(0),
    asIsRuns: runs(stages.map((s) => (s.source === 'none' ? null : s.asIs))),
    toBeRuns: runs(stages.map((s) => s.toBe)),
    asIs,
    toBe: stages.flatMap((s, i) =>
      s.toBe === null ? [] : [{ stage: i, value: s.toBe, x: x(i), y: y(s.toBe) }],
    ),
    gaps,
    spread,
  }
}

const round = (n: number) => Math.round(n * 10) / 10

/** A score as the board writes it: signed, one decimal when it is a mean. */
export function fmtEmotion(v: number): string {
  const text = Number.isInteger(v) ? String(Math.abs(v)) : Math.abs(v).toFixed(1)
  return v > 0 ? `+${text}` : v < 0 ? `−${text}` : '0'
}
