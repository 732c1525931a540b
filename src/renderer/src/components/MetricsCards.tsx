import { useTranslation } from 'react-i18next'
import type { MetricsSummary } from '../../../shared/domain/study'
import { fmtNumber } from '../lib/format'

/** NPS, CSAT, CES and CSI of a set of interviews, each with its number of respondents. */
export function MetricsCards({ metrics }: { metrics: MetricsSummary }) {
  const { t } = useTranslation()
  const dash = '—'
  return (
    <section aria-label={t('metrics.title')} className="metric-cards">
      <div className="metric-card">
        <span className="metric-label">{t('metrics.nps')}</span>
        <strong data-testid="metric-nps">{metrics.nps ? fmtNumber(metrics.nps.value, 0) : dash}</strong>
        <small>
          {metrics.nps
            ? [
                t('metrics.promoters', { count: metrics.nps.promoters }),
                t('metrics.passives', { count: metrics.nps.passives }),
                t('metrics.detractors', { count: metrics.nps.detractors }),
              ].join(' · ')
            : t('metrics.noAnswers')}
        </small>
      </div>
      <div className="metric-card">
        <span className="metric-label">{t('metrics.csat')}</span>
        <strong>{metrics.csat ? `${fmtNumber(metrics.csat.value, 0)}%` : dash}</strong>
        <small>
          {metrics.csat
            ? t('metrics.csatDetail', {
                top2: fmtNumber(metrics.csat.top2box, 0),
                count: metrics.csat.respondents,
              })
            : t('metrics.noAnswers')}
        </small>
      </div>
      <div className="metric-card">
        <span className="metric-label">{t('metrics.ces')}</span>
        <strong>{metrics.ces ? fmtNumber(metrics.ces.value, 1) : dash}</strong>
        <small>
          {metrics.ces
            ? t('metrics.respondents', { count: metrics.ces.respondents })
            : t('metrics.noAnswers')}
        </small>
      </div>
      <div className="metric-card">
        <span className="metric-label">{t('metrics.csi')}</span>
        <strong>{metrics.csi ? fmtNumber(metrics.csi.value, 2) : dash}</strong>
        <small>
          {metrics.csi
            ? t('metrics.csiDetail', { pct: fmtNumber(metrics.csi.percent, 0), count: metrics.csi.rated })
            : t('metrics.noAnswers')}
        </small>
      </div>
    </section>
  )
}
