import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Interview, InterviewStatus } from '../../../../shared/domain/interview'
import { FormActions } from '../../components/FormActions'
import { Modal } from '../../components/Modal'
import { ParticipantSelect } from '../../components/ParticipantSelect'
import { useApi, useApiMutation } from '../../lib/queries'
import { InterviewerAndScheduleFields, PlannedMinutesField, toIso, toLocalInput } from './PlanFields'

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
  const change = (patch: Partial<typeof f>) => setF({ ...f, ...patch })
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
          <input value={f.title} onChange={(e) => change({ title: e.target.value })} autoFocus />
        </label>
        <ParticipantSelect
          value={f.participantId}
          onChange={(participantId) => change({ participantId })}
          people={people.data}
        />
        <div className="row">
          <InterviewerAndScheduleFields plan={f} onChange={change} />
        </div>
        <div className="row">
          <PlannedMinutesField plan={f} onChange={change} />
          <label>
            {t('interviews.status')}
            <select value={f.status} onChange={(e) => change({ status: e.target.value as InterviewStatus })}>
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
              onChange={(e) => change({ conductedAt: e.target.value })}
            />
          </label>
          <label>
            {t('interviews.actualMinutes')}
            <input
              type="number"
              min={0}
              max={1440}
              value={f.actualMinutes}
              onChange={(e) => change({ actualMinutes: e.target.value })}
            />
          </label>
        </div>
        <p className="hint">{t('interviews.actualDuration')}</p>
        <FormActions write={update} submitLabel={t('common.save')} onCancel={onClose} />
      </form>
    </Modal>
  )
}
