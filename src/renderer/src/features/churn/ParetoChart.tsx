import { useId } from 'react'
import type { ParetoBar } from '../../../../shared/rollups/churn-pareto'
import { useTranslation } from 'react-i18next'
import { axisTicks } from './axis-ticks'
import { ShowQuotesButton } from './ShowQuotesButton'
import { fmtShare } from '../../lib/format'

/** A bar as churn:rollup sends it (shared/rollups/churn-pareto.ts). */
export type Bar = ParetoBar

const W = 720
const H = 260
const PAD = { left: 44, right: 44, top: 14, bottom: 54 }

/**
 * Pareto chart as plain SVG: bars (value, left axis) and the cumulative share line (right axis, 0–100%).
 * Screen readers get role="img" with a one-sentence summary; the same numbers follow in a data table.
 * A bar (or its row in the table) opens that reason's quotes.
 */
export function ParetoChart({
  bars,
  format,
  title,
  selected,
  onSelect,
}: {
  bars: Bar[]
  format: (v: number) => string
  title: string
  selected: string | null
  /** Opens a reason's quotes: a click on its bar, or its button in the table (the keyboard's way in). */
  onSelect: (tagId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const captionId = useId()
  // Both measures are whole numbers (companies, MRR in minor units): ticks at whole values only.
  const ticks = axisTicks(Math.max(0, ...bars.map((b) => b.value)), { integer: true })
  const max = ticks.at(-1) ?? 1
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const step = bars.length ? plotW / bars.length : plotW
  const barW = Math.max(4, Math.min(56, step * 0.7))
  const x = (i: number) => PAD.left + step * i + step / 2
  const yBar = (v: number) => PAD.top + plotH - (v / max) * plotH
  const yCum = (s: number) => PAD.top + plotH - s * plotH
  const label = (b: Bar) => b.code ?? b.name
  const reach80 = bars.findIndex((b) => b.cumulativeShare >= 0.8 - 1e-9) + 1
  const summary = bars.length
    ? t('churn.paretoSummary', {
        title,
        count: bars.length,
        top: `${label(bars[0]!)} ${bars[0]!.name === label(bars[0]!) ? '' : bars[0]!.name}`.trim(),
        topShare: fmtShare(bars[0]!.share, i18n.language),
        reach80,
      })
    : t('churn.paretoEmpty')
  const line = bars.map((b, i) => `${x(i)},${yCum(b.cumulativeShare)}`).join(' ')
  return (
    <figure className="pareto">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="pareto-svg">
        {ticks.map((v) => (
          <g key={v}>
            <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={yBar(v)} y2={yBar(v)} />
            <text className="axis axis-value" x={PAD.left - 6} y={yBar(v) + 4} textAnchor="end">
              {format(v)}
            </text>
          </g>
        ))}
        {[0, 0.5, 1].map((g) => (
          <text key={g} className="axis axis-share" x={W - PAD.right + 6} y={yCum(g) + 4}>
            {fmtShare(g, i18n.language)}
          </text>
        ))}
        {bars.map((b, i) => (
          <g
            key={b.tagId}
            className={b.tagId === selected ? 'bar-group selected' : 'bar-group'}
            data-tag-id={b.tagId}
            onClick={() => onSelect(b.tagId)}
          >
            {/* The whole column is the target, so a short bar is as easy to click as a tall one. */}
            <rect className="bar-hit" x={x(i) - step / 2} y={PAD.top} width={step} height={plotH} />
            <rect
              className="bar"
              x={x(i) - barW / 2}
              y={yBar(b.value)}
              width={barW}
              height={PAD.top + plotH - yBar(b.value)}
            >
              <title>{`${label(b)} ${b.name}: ${format(b.value)} (${fmtShare(b.share, i18n.language)})`}</title>
            </rect>
            <text
              className="axis"
              x={x(i)}
              y={H - PAD.bottom + 14}
              textAnchor="end"
              transform={`rotate(-35 ${x(i)} ${H - PAD.bottom + 14})`}
            >
              {label(b).slice(0, 14)}
            </text>
          </g>
        ))}
        {bars.length > 0 && <polyline className="cum-line" points={line} />}
        {bars.map((b, i) => (
          <circle key={b.tagId} className="cum-dot" cx={x(i)} cy={yCum(b.cumulativeShare)} r={3} />
        ))}
      </svg>
      <table className="data-table">
        <caption id={captionId}>{t('churn.paretoTable', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('churn.reason')}</th>
            <th scope="col">{t('churn.value')}</th>
            <th scope="col">{t('churn.share')}</th>
            <th scope="col">{t('churn.cumulative')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.tagId}>
              <th scope="row">
                <ShowQuotesButton reason={b} onSelect={onSelect} />
              </th>
              <td>{format(b.value)}</td>
              <td>{fmtShare(b.share, i18n.language)}</td>
              <td>{fmtShare(b.cumulativeShare, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
