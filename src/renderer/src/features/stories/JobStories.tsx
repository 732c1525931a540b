import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { StudyInterviewSelect, useStudyInterview } from '../../components/StudyInterviewSelect'
import { routeHref } from '../../app/router'
import { useApi, useApiMutation } from '../../lib/queries'

/** A study's job stories ("When …, I want to …, so I can …"), each tied to the interview it came from. */
export function JobStories({ studyId }: { studyId: string }) {
  const { t } = useTranslation()
  const id = useId()
  const stories = useApi('stories:list', { studyId })
  const choice = useStudyInterview(studyId)
  const create = useApiMutation('stories:create')
  const remove = useApiMutation('stories:delete')
  const [situation, setSituation] = useState('')
  const [motivation, setMotivation] = useState('')
  const [outcome, setOutcome] = useState('')
  const target = choice.interviewId
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    create.mutate(
      { interviewId: target, situation, motivation, outcome },
      { onSuccess: () => (setSituation(''), setMotivation(''), setOutcome('')) },
    )
  }
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('stories.jobStoriesTitle')}</h2>
      <ErrorNote error={stories.error ?? remove.error} />
      {stories.data?.length === 0 && <p className="hint">{t('stories.noJobStories')}</p>}
      <ul className="story-list">
        {stories.data?.map((s) => (
          <li key={s.id}>
            <p className="story">
              {t('stories.jobStory', {
                situation: s.situation,
                motivation: s.motivation,
                outcome: s.outcome,
              })}
            </p>
            <div className="item-meta">
              <a href={routeHref({ name: 'interview', id: s.interviewId })}>
                {s.interviewTitle || s.participantName || t('common.untitledInterview')}
              </a>{' '}
              <button
                type="button"
                className="icon"
                aria-label={t('stories.deleteStory', { situation: s.situation })}
                onClick={() => remove.mutate({ id: s.id })}
              >
                ×
              </button>
            </div>
          </li>
        ))}
      </ul>
      {choice.interviews.length > 0 ? (
        <form className="form story-form" onSubmit={submit} aria-label={t('stories.newJobStory')}>
          <label>
            {t('common.interview')}
            <StudyInterviewSelect choice={choice} />
          </label>
          <label>
            {t('stories.when')}
            <input value={situation} onChange={(e) => setSituation(e.target.value)} required />
          </label>
          <label>
            {t('stories.iWantTo')}
            <input value={motivation} onChange={(e) => setMotivation(e.target.value)} required />
          </label>
          <label>
            {t('stories.soICan')}
            <input value={outcome} onChange={(e) => setOutcome(e.target.value)} required />
          </label>
          <ErrorNote error={create.error} />
          <div className="actions">
            <button type="submit" disabled={create.isPending}>
              {t('stories.addJobStory')}
            </button>
          </div>
        </form>
      ) : (
        <p className="hint">{t('stories.noInterviews')}</p>
      )}
    </section>
  )
}
