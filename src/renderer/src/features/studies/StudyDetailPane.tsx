import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DeleteButton } from '../../components/DeleteButton'
import { ErrorNote } from '../../components/ErrorNote'
import { MetricsCards } from '../../components/MetricsCards'
import { fmtDateTime } from '../../lib/format'
import { useApi } from '../../lib/queries'
import { navigate, routeHref } from '../../app/router'
import { QdpxExport } from '../exchange/QdpxExport'
import { NewInterviewForm } from '../interviews/NewInterviewForm'
import { StudyForm } from './StudyForm'

export function StudyDetailPane({ id }: { id: string }) {
  const { t } = useTranslation()
  const study = useApi('studies:get', { id })
  const interviews = useApi('interviews:list', { studyId: id })
  const [editing, setEditing] = useState(false)
  const [adding, setAdding] = useState(false)

  if (study.error) return <ErrorNote error={study.error} />
  const s = study.data
  if (!s) return <p>{t('common.loading')}</p>
  const pct = Math.min(100, Math.round((s.doneCount / Math.max(1, s.targetInterviews)) * 100))

  return (
    <article aria-labelledby="study-title">
      <header className="detail-header">
        <div>
          <h2 id="study-title">{s.name}</h2>
          <p className="item-meta">
            {t(`method.${s.method}`)} · {t(`studyStatus.${s.status}`)}
          </p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setAdding(true)}>
            {t('interviews.new')}
          </button>
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
          <QdpxExport studyId={s.id} />
          <DeleteButton domain="studies" id={s.id} onDeleted={() => navigate({ name: 'studies' })} />
        </div>
      </header>
      {s.goal && <p className="goal">{s.goal}</p>}

      <section aria-labelledby="progress-h" className="card">
        <h3 id="progress-h">{t('studies.progress')}</h3>
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={s.targetInterviews}
          aria-valuenow={s.doneCount}
          aria-label={t('studies.progress')}
        >
          <div className="progress-bar" style={{ width: `${pct}%` }} />
        </div>
        <p>
          {t('studies.progressDone', { done: s.doneCount, count: s.targetInterviews })}
          {/* Only the interviews still to do: done ones are counted in the first sentence. */}
          {s.interviewCount > s.doneCount &&
            ` ${t('studies.progressOpen', { count: s.interviewCount - s.doneCount })}`}
        </p>
        <table className="coverage">
          <caption>{t('studies.coverage')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('companies.segment')}</th>
              <th scope="col">{t('studies.coverageCompanies')}</th>
              <th scope="col">{t('studies.coverageInterviews')}</th>
              <th scope="col">{t('studies.coverageDone')}</th>
            </tr>
          </thead>
          <tbody>
            {s.coverage.map((c) => (
              <tr key={c.segment}>
                <th scope="row">
                  {c.segment === 'unsegmented'
                    ? t('companies.unsegmented')
                    : t('companies.segmentName', { segment: c.segment })}
                </th>
                <td>{c.companies}</td>
                <td>{c.interviews}</td>
                <td>{c.done}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <MetricsCards metrics={s.metrics} />

      <section aria-labelledby="interviews-h">
        <h3 id="interviews-h">{t('interviews.title')}</h3>
        {interviews.data?.length === 0 && <p className="hint">{t('interviews.empty')}</p>}
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('interviews.participant')}</th>
              <th scope="col">{t('interviews.script')}</th>
              <th scope="col">{t('interviews.status')}</th>
              <th scope="col">{t('interviews.when')}</th>
              <th scope="col">{t('interviews.duration')}</th>
              <th scope="col">{t('metrics.npsShort')}</th>
            </tr>
          </thead>
          <tbody>
            {interviews.data?.map((i) => (
              <tr key={i.id}>
                <td>
                  <a href={routeHref({ name: 'interview', id: i.id })}>
                    {i.title || i.participantName || t('interviews.untitled')}
                  </a>
                  {i.companyName && <div className="item-meta">{i.companyName}</div>}
                </td>
                <td>{i.scriptName}</td>
                <td>
                  <span className={`badge status-${i.status}`}>{t(`interviewStatus.${i.status}`)}</span>
                </td>
                <td>{fmtDateTime(i.conductedAt ?? i.scheduledAt)}</td>
                <td>
                  {t('interviews.durationValue', { actual: i.actualMinutes, planned: i.plannedMinutes })}
                </td>
                <td>{i.nps ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing && <StudyForm study={s} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {adding && <NewInterviewForm study={s} onClose={() => setAdding(false)} />}
    </article>
  )
}
