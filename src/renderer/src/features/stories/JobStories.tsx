import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { routeHref } from '../../app/router'
import { useApi, useApiMutation } from '../../lib/queries'

/** A study's job stories ("When …, I want to …, so I can …"), each tied to the interview it came from. */
export function JobStories({ studyId }: { studyId: string }) {
  const { t } = useTranslation()
  const id = useId()
  const stories = useApi('stories:list', { studyId })
  const interviews = useApi('interviews:list', { studyId })
  const create = useApiMutation('stories:create')
  const remove = useApiMutation('stories:delete')
  const [interviewId, setInterviewId] = useState('')
  const [situation, setSituation] = useState('')
  const [motivation, setMotivation] = useState('')
  const [outcome, setOutcome] = useState('')
  const target = interviewId || interviews.data?.[0]?.id || ''
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    create.mutate(
      { interviewId: target, situation, motivation, outcome },
      { onSuccess: () => (setSituation(''), setMotivation(''), setOutcome('')) },
    )
  }
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('analysis.jobStoriesTitle')}</h2>
      <ErrorNote error={stories.error ?? remove.error} />
      {stories.data?.length === 0 && <p className="hint">{t('analysis.noJobStories')}</p>}
      <ul className="story-list">
        {stories.data?.map((s) => (
          <li key={s.id}>
            <p className="story">
              {t('analysis.jobStory', {
                situation: s.situation,
                motivation: s.motivation,
                outcome: s.outcome,
              })}
            </p>
            <div className="item-meta">
              <a href={routeHref({ name: 'interview', id: s.interviewId })}>
                {s.interviewTitle || s.participantName || t('analysis.untitledInterview')}
              </a>{' '}
              <button
                type="button"
                className="icon"
                aria-label={t('analysis.deleteStory', { situation: s.situation })}
                onClick={() => remove.mutate({ id: s.id })}
              >
                ×
              </button>
            </div>
          </li>
        ))}
      </ul>
      {(interviews.data?.length ?? 0) > 0 ? (
        <form className="form story-form" onSubmit={submit} aria-label={t('analysis.newJobStory')}>
          <label>
            {t('analysis.interview')}
            <select value={target} onChange={(e) => setInterviewId(e.target.value)}>
              {interviews.data?.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title || i.participantName || i.id}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('analysis.when')}
            <input value={situation} onChange={(e) => setSituation(e.target.value)} required />
          </label>
          <label>
            {t('analysis.iWantTo')}
            <input value={motivation} onChange={(e) => setMotivation(e.target.value)} required />
          </label>
          <label>
            {t('analysis.soICan')}
            <input value={outcome} onChange={(e) => setOutcome(e.target.value)} required />
          </label>
          <ErrorNote error={create.error} />
          <div className="actions">
            <button type="submit" disabled={create.isPending}>
              {t('analysis.addJobStory')}
            </button>
          </div>
        </form>
      ) : (
        <p className="hint">{t('analysis.noInterviews')}</p>
      )}
    </section>
  )
}
