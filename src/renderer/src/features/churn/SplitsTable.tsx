import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '../../../../shared/ipc/contracts'

type Row = ChannelOutput<'churn:rollup'>['rows'][number]
type Dimension = 'segment' | 'tenure' | 'type' | 'period'
type Bucket = { companies: number; lostMrr: number }

function buckets(r: Row, d: Dimension): Record<string, Bucket> {
  return d === 'segment' ? r.bySegment : d === 'tenure' ? r.byTenure : d === 'type' ? r.byType : r.byPeriod
}

/** Primary-reason counts (or lost MRR) split by segment, tenure, voluntary/involuntary or month. */
export function SplitsTable({
  rows,
  byMrr,
  format,
}: {
  rows: Row[]
  byMrr: boolean
  format: (minor: number) => string
}) {
  const { t } = useTranslation()
  const id = useId()
  const [dim, setDim] = useState<Dimension>('segment')
  const shown = rows.filter((r) => r.primaryCompanies > 0)
  const keys =
    dim === 'period'
      ? [...new Set(shown.flatMap((r) => Object.keys(r.byPeriod)))].sort()
      : Object.keys(buckets(shown[0] ?? rows[0]!, dim))
  const head = (k: string) =>
    dim === 'period' ? (k === 'unknown' ? t('common.split.unknown') : k) : t(`common.split.${k}`)
  if (!rows.length) return null
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <header className="section-header">
        <h2 id={`${id}-h`}>{t('churn.splitsTitle')}</h2>
        <label>
          {t('churn.splitBy')}{' '}
          <select value={dim} onChange={(e) => setDim(e.target.value as Dimension)}>
            {(['segment', 'tenure', 'type', 'period'] as const).map((d) => (
              <option key={d} value={d}>
                {t(`churn.dimension.${d}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {shown.length === 0 ? (
        <p className="hint">{t('churn.noCoded')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">
              {t('churn.splitsCaption', { dimension: t(`churn.dimension.${dim}`) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('churn.reason')}</th>
                {keys.map((k) => (
                  <th scope="col" key={k}>
                    {head(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.tagId} className={r.depth === 0 ? 'category-row' : undefined}>
                  <th scope="row" style={{ paddingLeft: `${0.4 + r.depth}rem` }}>
                    {r.code && <span className="code">{r.code}</span>} {r.name}
                  </th>
                  {keys.map((k) => {
                    const b = buckets(r, dim)[k] ?? { companies: 0, lostMrr: 0 }
                    return <td key={k}>{byMrr ? format(b.lostMrr) : b.companies}</td>
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
