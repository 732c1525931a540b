import { useTranslation } from 'react-i18next'
import { fmtMoney, fmtNumber } from '../../lib/format'
import { useApi } from '../../lib/queries'

/** Each segment's share of active MRR, against the sources' expectation that A+B bring 80%. */
export function SegmentSharesPanel() {
  const { t } = useTranslation()
  const shares = useApi('companies:segmentShares')
  const d = shares.data
  if (!d || d.totalMrrMinor === 0) return null
  const currency = d.currencies.length === 1 ? (d.currencies[0] ?? 'USD') : null
  return (
    <section className="card" aria-labelledby="shares-h">
      <h2 id="shares-h">{t('companies.sharesTitle')}</h2>
      <div className="share-bar" aria-hidden="true">
        {d.segments
          .filter((s) => s.mrrMinor > 0)
          .map((s) => (
            <div
              key={s.segment}
              className={`share seg-${s.segment}`}
              style={{ width: `${s.sharePct}%` }}
              title={`${s.segment}: ${fmtNumber(s.sharePct, 1)}%`}
            >
              {s.sharePct >= 8 ? (s.segment === 'unsegmented' ? '?' : s.segment) : ''}
            </div>
          ))}
      </div>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('companies.segment')}</th>
            <th scope="col">{t('companies.count')}</th>
            <th scope="col">{t('companies.mrr')}</th>
            <th scope="col">{t('companies.share')}</th>
          </tr>
        </thead>
        <tbody>
          {d.segments.map((s) => (
            <tr key={s.segment}>
              <th scope="row">
                {s.segment === 'unsegmented'
                  ? t('companies.unsegmented')
                  : t('companies.segmentName', { segment: s.segment })}
              </th>
              <td>{s.companies}</td>
              <td>{currency ? fmtMoney(s.mrrMinor, currency) : fmtNumber(s.mrrMinor / 100)}</td>
              <td>{fmtNumber(s.sharePct, 1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="ab-share">
        {t('companies.abShare', { actual: fmtNumber(d.abSharePct, 1), expected: d.expectedAbSharePct })}{' '}
        {d.abSharePct >= d.expectedAbSharePct ? t('companies.abFollows') : t('companies.abBelow')}
      </p>
      {d.currencies.length > 1 && (
        <p className="hint">{t('companies.mixedCurrencies', { list: d.currencies.join(', ') })}</p>
      )}
    </section>
  )
}
