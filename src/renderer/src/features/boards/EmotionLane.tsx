import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { BoardLane, BoardStage } from '../../../../shared/domain/board'
import { curveGeometry, fmtEmotion, type CurveGeometry, type CurveStage } from './emotion-curve'
import { cellKey } from './grid-keys'
import './board-emotion.css'

export const CURVE_HEIGHT = 110
const SCALE = [-2, -1, 0, 1, 2] as const

/** What one stage's point says, in words: the tooltip of the point and the text of its cell. */
export function describePoint(t: TFunction, s: CurveStage & { mean: number | null }): string {
  if (s.source === 'none') return t('boards.emotion.gap')
  const evidence =
    s.mean === null
      ? t('boards.emotion.noEvidence')
      : t('boards.emotion.evidence', {
          value: fmtEmotion(s.mean),
          count: s.n,
          spread: s.sd === null ? '—' : `±${s.sd.toFixed(1)}`,
        })
  return s.source === 'override'
    ? t('boards.emotion.override', { value: fmtEmotion(s.asIs ?? 0), evidence })
    : evidence
}

/** The as-is curve (a gap where nobody spoke of the stage), overrides marked apart, the to-be curve dashed. */
export function EmotionCurveSvg({
  geometry: g,
  titles,
  label,
}: {
  geometry: CurveGeometry
  titles: readonly string[]
  label: string
}) {
  const { t } = useTranslation()
  return (
    <svg
      className="emotion-svg"
      width={g.width}
      height={g.height}
      viewBox={`0 0 ${g.width} ${g.height}`}
      role="img"
      aria-label={label}
    >
      <line className="emotion-zero" x1={0} x2={g.width} y1={g.zeroY} y2={g.zeroY} />
      {g.spread.map((s) => (
        <line key={`s${s.stage}`} className="emotion-spread" x1={s.x} x2={s.x} y1={s.y1} y2={s.y2} />
      ))}
      {g.toBeRuns.map((d, i) => (
        <path key={`t${i}`} className="emotion-to-be" d={d} />
      ))}
      {g.asIsRuns.map((d, i) => (
        <path key={`a${i}`} className="emotion-as-is" d={d} />
      ))}
      {g.gaps.map((gap) => (
        <g key={`g${gap.stage}`} className="emotion-gap" data-stage={gap.stage}>
          <line x1={gap.x} x2={gap.x} y1={g.zeroY - 10} y2={g.zeroY + 10} />
          <title>{titles[gap.stage]}</title>
        </g>
      ))}
      {g.toBe.map((p) => (
        <circle key={`tp${p.stage}`} className="emotion-to-be-point" cx={p.x} cy={p.y} r={4}>
          <title>{t('boards.emotion.toBeTitle', { value: fmtEmotion(p.value) })}</title>
        </circle>
      ))}
      {g.asIs.map((p) =>
        p.source === 'override' ? (
          <rect
            key={`p${p.stage}`}
            className="emotion-point override"
            data-stage={p.stage}
            x={p.x - 6}
            y={p.y - 6}
            width={12}
            height={12}
            transform={`rotate(45 ${p.x} ${p.y})`}
          >
            <title>{titles[p.stage]}</title>
          </rect>
        ) : (
          <circle
            key={`p${p.stage}`}
            className="emotion-point"
            data-stage={p.stage}
            data-y={Math.round(p.y)}
            cx={p.x}
            cy={p.y}
            r={6}
          >
            <title>{titles[p.stage]}</title>
          </circle>
        ),
      )}
    </svg>
  )
}

interface LaneProps {
  lane: BoardLane
  stages: readonly BoardStage[]
  points: readonly (CurveStage & { mean: number | null })[]
  row: number
  activeCell: string | null
  locked: boolean
  onStage: (id: string, patch: Partial<Pick<BoardStage, 'emotionToBe' | 'emotionOverride'>>) => void
}

/** The emotion lane: the curve drawn across the stage columns, and under it each stage's value and controls. */
export function EmotionLane({ lane, stages, points, row, activeCell, locked, onStage }: LaneProps) {
  const { t } = useTranslation()
  const geometry = curveGeometry(points, STAGE_WIDTH, CURVE_HEIGHT)
  const titles = points.map((p, i) => `${stages[i]?.name}: ${describePoint(t, p)}`)
  return (
    <>
      <div className="emotion-overlay" style={{ gridRow: row, gridColumn: `2 / span ${stages.length}` }}>
        <EmotionCurveSvg
          geometry={geometry}
          titles={titles}
          label={t('boards.emotion.curveLabel', { lane: lane.name })}
        />
      </div>
      {stages.map((stage, i) => {
        const p = points[i]
        const key = cellKey(lane.id, stage.id)
        return (
          <div
            key={stage.id}
            role="gridcell"
            className={`board-cell computed lane-emotion source-${p?.source ?? 'none'}`}
            style={{ gridRow: row, gridColumn: i + 2 }}
            data-cell={key}
            tabIndex={activeCell === key ? 0 : -1}
            aria-label={titles[i]}
          >
            <p className="emotion-value">{p && describePoint(t, p)}</p>
            {!locked && (
              <div className="emotion-controls">
                <ScaleSelect
                  label={t('boards.emotion.toBe')}
                  name={t('boards.emotion.toBeOf', { stage: stage.name })}
                  value={stage.emotionToBe}
                  onChange={(v) => onStage(stage.id, { emotionToBe: v })}
                />
                <ScaleSelect
                  label={t('boards.emotion.overrideShort')}
                  name={t('boards.emotion.overrideOf', { stage: stage.name })}
                  value={stage.emotionOverride}
                  onChange={(v) => onStage(stage.id, { emotionOverride: v })}
                />
              </div>
            )}
            {locked && stage.emotionToBe !== null && (
              <p className="hint">
                {t('boards.emotion.toBeTitle', { value: fmtEmotion(stage.emotionToBe) })}
              </p>
            )}
          </div>
        )
      })}
    </>
  )
}

/** A stage's value on the −2…+2 scale, or none. */
function ScaleSelect({
  label,
  name,
  value,
  onChange,
}: {
  label: string
  name: string
  value: number | null
  onChange: (v: number | null) => void
}) {
  const { t } = useTranslation()
  const options: number[] = value === null || SCALE.includes(value as never) ? [...SCALE] : [...SCALE, value]
  return (
    <label className="scale-select">
      <span aria-hidden="true">{label}</span>
      <select
        aria-label={name}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('boards.emotion.none')}</option>
        {options
          .sort((a, b) => b - a)
          .map((v) => (
            <option key={v} value={String(v)}>
              {fmtEmotion(v)}
            </option>
          ))}
      </select>
    </label>
  )
}

/** Width of a stage column in pixels: fixed, so the curve's points sit over their columns exactly. */
export const STAGE_WIDTH = 232
