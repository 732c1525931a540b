import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Stance } from '../../../../shared/domain/insight'
import type { Insight } from '../../../../shared/ipc/contracts/insights'
import { routeHref } from '../../app/router'
import { ErrorNote } from '../../components/ErrorNote'
import { fmtDate } from '../../lib/format'
import { useApiMutation } from '../../lib/queries'
import { EvidencePicker } from '../boards/EvidencePicker'
import { evidenceHref } from '../evidence/links'

type Row = Insight['evidence'][number]

const short = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 57).trim()}…` : quote.trim())

/** The quotes linked to an insight, each for or against it, with who said it and where to read it. */
export function InsightEvidence({ insight }: { insight: Insight }) {
  const { t } = useTranslation()
  const link = useApiMutation('insights:link')
  const unlink = useApiMutation('insights:unlink')
  const [picking, setPicking] = useState(false)
  const linked = insight.evidence.map((e) => e.highlightId)
  const setStance = (highlightId: string, stance: Stance) =>
    link.mutate({ id: insight.id, highlightIds: [highlightId], stance })
  const remove = (highlightId: string) => unlink.mutate({ id: insight.id, highlightId })
  return (
    <section className="insight-evidence" aria-labelledby="insight-evidence-h">
      <header className="pane-header">
        <h3 id="insight-evidence-h">
          {t('insights.evidence.heading')} ({insight.evidence.length})
        </h3>
        <button type="button" className="secondary" onClick={() => setPicking(true)}>
          {t('insights.evidence.link')}
        </button>
      </header>
      <ErrorNote error={link.error ?? unlink.error} />
      {insight.evidence.length === 0 && <p className="hint">{t('insights.evidence.none')}</p>}
      <ul className="insight-quotes">
        {insight.evidence.map((row) => (
          <li key={row.highlightId} className={`insight-quote stance-${row.stance}`}>
            <blockquote>“{row.quote.trim()}”</blockquote>
            <div className="insight-quote-meta">
              <span className="item-meta">{whoAndWhere(t, row)}</span>
              <span className="actions">
                <span
                  role="group"
                  className="toggle stance-toggle"
                  aria-label={t('insights.evidence.stanceOf', { quote: short(row.quote) })}
                >
                  {(['for', 'against'] as const).map((stance) => (
                    <button
                      key={stance}
                      type="button"
                      aria-pressed={row.stance === stance}
                      disabled={link.isPending}
                      onClick={() => row.stance !== stance && setStance(row.highlightId, stance)}
                    >
                      {t(`insights.evidence.${stance}`)}
                    </button>
                  ))}
                </span>
                <OpenLink row={row} />
                <button
                  type="button"
                  className="secondary small"
                  aria-label={t('insights.evidence.unlinkQuote', { quote: short(row.quote) })}
                  disabled={unlink.isPending}
                  onClick={() => remove(row.highlightId)}
                >
                  {t('insights.evidence.unlink')}
                </button>
              </span>
            </div>
          </li>
        ))}
      </ul>
      {picking && (
        <EvidencePicker
          studyId={insight.studyId}
          title={t('insights.evidence.pickerTitle')}
          defaultTagId={null}
          cited={linked}
          onToggle={(highlightId) =>
            linked.includes(highlightId) ? remove(highlightId) : setStance(highlightId, 'for')
          }
          onClose={() => setPicking(false)}
        />
      )}
    </section>
  )
}

function whoAndWhere(t: TFunction, row: Row): string {
  const company = row.companyName
    ? row.segment
      ? `${row.companyName} (${row.segment})`
      : row.companyName
    : null
  return [
    row.participantName,
    company,
    row.studyName,
    row.date ? fmtDate(row.date) : null,
    t(`evidence.source.${row.source}`),
  ]
    .filter(Boolean)
    .join(' · ')
}

/** Where the quote was said: its transcript paragraph or question, else the company a survey answer is under. */
function OpenLink({ row }: { row: Row }) {
  const { t } = useTranslation()
  if (row.interviewId)
    return (
      <a className="open-link" href={evidenceHref({ ...row, interviewId: row.interviewId })}>
        {t('insights.evidence.open')}
      </a>
    )
  if (row.companyId)
    return (
      <a className="open-link" href={routeHref({ name: 'companies', id: row.companyId })}>
        {t('insights.evidence.openCompany')}
      </a>
    )
  return null
}
