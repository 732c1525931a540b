import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { EmptyState } from '../../components/EmptyState'
import { StudyInterviewSelect, useStudyInterview } from '../../components/StudyInterviewSelect'
import { navigate } from '../../app/router'
import { evidenceHref } from '../evidence/links'
import { fmtElapsed } from '../../lib/format'
import { useApi } from '../../lib/queries'
import { treeOrder } from '../../../../shared/rollups/tree'
import { CreateInsightButton } from '../insights/CreateInsightButton'
import { MatrixPanel } from '../matrix/MatrixPanel'
import { JobStories } from '../stories/JobStories'
import { StudyScope } from '../../components/StudyScope'
import '../../components/analysis.css'

/** JTBD forces of a study (or the library): four quadrants, job stories, and one interview's switch timeline. */
export function ForcesScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const studyId = selectedId ?? null
  const forces = useApi('forces:summary', { studyId })
  const forceTags = useApi('tags:list', { kind: 'jtbd_force' })
  // A force's quotes are those under the highest tag that means it (its sub-tags included).
  const tagOf = (force: string) =>
    treeOrder(forceTags.data ?? []).find(({ tag }) => tag.semanticKey === force)?.tag.id
  return (
    <div className="page analysis">
      <header className="page-header">
        <h1>{t('nav.forces')}</h1>
      </header>
      <div className="toolbar">
        <StudyScope
          value={studyId ?? ''}
          onChange={(id) => navigate(id ? { name: 'forces', id } : { name: 'forces' })}
        />
      </div>
      <ErrorNote error={forces.error} />
      <section aria-labelledby="forces-h">
        <h2 id="forces-h">{t('forces.forcesTitle')}</h2>
        <p className="hint">{t('forces.forcesHelp')}</p>
        <div className="quadrants">
          {forces.data?.map((f) => (
            <section
              key={f.force}
              className={`card quadrant force-${f.force}`}
              aria-labelledby={`force-${f.force}`}
            >
              <h3 id={`force-${f.force}`}>{t(`forces.force.${f.force}`)}</h3>
              <p className="hint">{t(`forces.forceHint.${f.force}`)}</p>
              <p className="force-count">
                {t('forces.participants', { count: f.participants })} ·{' '}
                {t('common.quotes', { count: f.highlights })}
              </p>
              <ul className="quote-list">
                {f.quotes.map((q) => (
                  <li key={q.highlightId}>
                    <blockquote>{q.quote}</blockquote>
                    <div className="item-meta">
                      {q.tagName}
                      {q.participantName ? ` · ${q.participantName}` : ''}
                      {q.interviewId && (
                        <>
                          {' · '}
                          <a href={evidenceHref({ ...q, interviewId: q.interviewId })}>
                            {t('common.openInterview')}
                          </a>
                        </>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
              <ForceInsight force={f.force} tagId={tagOf(f.force)} studyId={studyId} />
            </section>
          ))}
        </div>
      </section>
      {studyId ? (
        <>
          <JobStories studyId={studyId} />
          <SwitchTimeline studyId={studyId} />
        </>
      ) : (
        <p className="hint">{t('forces.chooseStudyForStories')}</p>
      )}
      <MatrixPanel
        studyId={studyId}
        initialRows={{ kind: 'jtbd_force' }}
        title={t('forces.forcesMatrixTitle')}
      />
    </div>
  )
}

/** Makes an insight from a force's quotes, when the codebook has a tag for that force. */
function ForceInsight({
  force,
  tagId,
  studyId,
}: {
  force: string
  tagId?: string | undefined
  studyId: string | null
}) {
  const { t } = useTranslation()
  if (!tagId) return null
  const name = t(`forces.force.${force}`)
  return (
    <div className="create-insight">
      <CreateInsightButton
        label={t('insights.create.button')}
        ariaLabel={t('insights.create.forForce', { name })}
        from={{ kind: 'tag', tagId }}
        description={t('insights.create.force', { name })}
        studyId={studyId}
      />
    </div>
  )
}

function SwitchTimeline({ studyId }: { studyId: string }) {
  const { t } = useTranslation()
  const id = useId()
  const choice = useStudyInterview(studyId)
  const target = choice.interviewId
  const timeline = useApi('forces:timeline', { interviewId: target }, { enabled: !!target })
  return (
    <section className="card" aria-labelledby={id}>
      <header className="section-header">
        <h2 id={id}>{t('forces.timelineTitle')}</h2>
        {choice.interviews.length > 0 && (
          <label>
            {t('common.interview')} <StudyInterviewSelect choice={choice} />
          </label>
        )}
      </header>
      <ErrorNote error={timeline.error} />
      {timeline.data?.length === 0 && (
        <EmptyState title={t('forces.noTimelineTitle')}>
          <p>{t('forces.noTimelineHelp')}</p>
        </EmptyState>
      )}
      <ol className="timeline">
        {timeline.data?.map((item) => (
          <li key={`${item.highlightId}-${item.phaseTagId}`}>
            <span className="phase">{item.phaseName}</span>
            {item.elapsedMs !== null && <span className="stamp">{fmtElapsed(item.elapsedMs)}</span>}
            <blockquote>{item.quote}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  )
}
