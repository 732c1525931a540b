import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Interview, InterviewStatus } from '../../../../shared/domain/interview'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { ParticipantSelect } from '../../components/ParticipantSelect'
import { useApi, useApiMutation } from '../../lib/queries'

const toLocalInput = (iso: string | null) => {
  if (!iso) return ''
  const d = new Date(iso)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}
const toIso = (local: string) => (local ? new Date(local).toISOString() : null)
const STATUSES: InterviewStatus[] = ['planned', 'in_progress', 'done']

/** Edits who, when and how long; the script snapshot and notes are not touched. */
export function InterviewDetailsForm({
  interview,
  onClose,
  onSaved,
}: {
  interview: Interview
  onClose: () => void
  onSaved: (iv: Interview) => void
}) {
  const { t } = useTranslation()
  const people = useApi('participants:list')
  const update = useApiMutation('interviews:update')
  const [f, setF] = useState({
    title: interview.title,
    participantId: interview.participantId ?? '',
    interviewer: interview.interviewer,
    scheduledAt: toLocalInput(interview.scheduledAt),
    plannedMinutes: String(interview.plannedMinutes),
    status: interview.status,
    conductedAt: toLocalInput(interview.conductedAt),
    actualMinutes: String(interview.actualMinutes),
  })
  const durationTyped = f.actualMinutes !== String(interview.actualMinutes)
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    update.mutate(
      {
        id: interview.id,
        title: f.title,
        participantId: f.participantId || null,
        interviewer: f.interviewer,
        scheduledAt: toIso(f.scheduledAt),
        plannedMinutes: Number(f.plannedMinutes),
        status: f.status,
        conductedAt: toIso(f.conductedAt),
        // Only a duration the user changed replaces the clock's own measurement.
        ...(durationTyped ? { actualMinutes: Number(f.actualMinutes) } : {}),
      },
      { onSuccess: onSaved },
    )
  }
  return (
    <Modal title={t('interviews.details')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <label>
          {t('interviews.titleField')}
          <input value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} autoFocus />
        </label>
        <ParticipantSelect
          value={f.participantId}
          onChange={(participantId) => setF({ ...f, participantId })}
          people={people.data}
        />
        <div className="row">
          <label>
            {t('interviews.interviewer')}
            <input value={f.interviewer} onChange={(e) => setF({ ...f, interviewer: e.target.value })} />
          </label>
          <label>
            {t('interviews.scheduled')}
            <input
              type="datetime-local"
              value={f.scheduledAt}
              onChange={(e) => setF({ ...f, scheduledAt: e.target.value })}
            />
          </label>
        </div>
        <div className="row">
          <label>
            {t('interviews.plannedMinutes')}
            <input
              type="number"
              min={5}
              max={600}
              value={f.plannedMinutes}
              onChange={(e) => setF({ ...f, plannedMinutes: e.target.value })}
            />
          </label>
          <label>
            {t('interviews.status')}
            <select
              value={f.status}
              onChange={(e) => setF({ ...f, status: e.target.value as InterviewStatus })}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`interviewStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="row">
          <label>
            {t('interviews.conductedAt')}
            <input
              type="datetime-local"
              value={f.conductedAt}
              onChange={(e) => setF({ ...f, conductedAt: e.target.value })}
            />
          </label>
          <label>
            {t('interviews.actualMinutes')}
            <input
              type="number"
              min={0}
              max={1440}
              value={f.actualMinutes}
              onChange={(e) => setF({ ...f, actualMinutes: e.target.value })}
            />
          </label>
        </div>
        <p className="hint">{t('interviews.actualDuration')}</p>
        <ErrorNote error={update.error} />
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" disabled={update.isPending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
