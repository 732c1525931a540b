import { useTranslation } from 'react-i18next'
import type { InsightSummary } from '../../../../shared/domain/insight'
import { confidenceText, reasonText } from './confidence-text'

type Confidence = InsightSummary['confidence']

/** The confidence as a coloured badge: label and score, or "Assumption" when nothing backs the insight. */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation()
  const label = t(`insights.level.${confidence.label}`)
  return (
    <span
      className={`confidence confidence-${confidence.label}`}
      title={
        confidence.label === 'assumption'
          ? t('insights.assumptionTitle')
          : t('insights.badgeTitle', { label, score: confidence.score })
      }
    >
      {confidenceText(t, confidence)}
    </span>
  )
}

/** The score with every reason behind it worded, so a researcher can recount it by hand. */
export function ConfidencePanel({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation()
  return (
    <section className="insight-confidence" aria-labelledby="insight-confidence-h">
      <h3 id="insight-confidence-h">
        {t('insights.confidence.heading')} <ConfidenceBadge confidence={confidence} />
      </h3>
      <ul className="confidence-reasons" aria-label={t('insights.confidence.why')}>
        {confidence.reasons.map((r) => (
          <li key={r.kind} className={r.kind === 'contradiction' ? 'reason-against' : undefined}>
            {reasonText(t, r)}
          </li>
        ))}
      </ul>
      <p className="hint">{t('insights.confidence.help')}</p>
    </section>
  )
}
