import type { TFunction } from 'i18next'
import type { InsightSummary } from '../../../../shared/domain/insight'

type Confidence = InsightSummary['confidence']
type Reason = Confidence['reasons'][number]

/** A method as the screens name it elsewhere; a survey's quote has the method "survey". */
const methodName = (t: TFunction, method: string) =>
  method === 'survey' ? t('insights.reason.survey') : t(`method.${method}`, { defaultValue: method })

/**
 * One reason of the score in words, with the points it adds ("3 companies: +32"), worded as reports word it
 * (src/shared/reports/labels.ts), so the screen and the exported report say the same.
 */
export function reasonText(t: TFunction, r: Reason): string {
  switch (r.kind) {
    case 'companies':
      return t('insights.reason.companies', { count: r.count, points: r.points })
    case 'participants':
      return t('insights.reason.participants', { count: r.count, points: r.points })
    case 'segments':
      return r.segments.length
        ? t('insights.reason.segments', { segments: r.segments.join(', '), points: r.points })
        : t('insights.reason.noSegment')
    case 'methods':
      return r.methods.length
        ? t('insights.reason.methods', {
            methods: r.methods.map((m) => methodName(t, m)).join(', '),
            points: r.points,
          })
        : t('insights.reason.noMethod')
    case 'recency':
      return r.newestAgeDays === null
        ? t('insights.reason.undated')
        : r.newestAgeDays === 0
          ? t('insights.reason.recencyToday', { points: r.points })
          : t('insights.reason.recency', { count: r.newestAgeDays, points: r.points })
    case 'contradiction':
      return t('insights.reason.contradiction', {
        against: r.againstBackers,
        for: r.forBackers,
        penalty: r.penalty,
      })
    case 'noEvidence':
      return t('insights.reason.noEvidence')
  }
}

/** "Medium · 40", or "Assumption" when no quote backs it (a score of 0 says nothing more). */
export function confidenceText(t: TFunction, c: Confidence): string {
  const label = t(`insights.level.${c.label}`)
  return c.label === 'assumption' ? label : t('insights.badge', { label, score: c.score })
}

/** The list's and the dialog's count line: "2 quotes for · 1 against · 1 company · 1 participant". */
export function countsText(t: TFunction, counts: InsightSummary['counts']): string {
  if (counts.for + counts.against === 0) return t('insights.noQuotes')
  return [
    t('insights.countFor', { count: counts.for }),
    ...(counts.against ? [t('insights.countAgainst', { count: counts.against })] : []),
    t('insights.countCompanies', { count: counts.companies }),
    t('insights.countParticipants', { count: counts.participants }),
  ].join(' · ')
}
