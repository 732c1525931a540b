import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Study } from '../../../../shared/domain/study'
import { FormActions } from '../../components/FormActions'
import { Modal } from '../../components/Modal'
import { ParticipantSelect } from '../../components/ParticipantSelect'
import { useApi, useApiMutation } from '../../lib/queries'
import { navigate } from '../../app/router'
import { InterviewerAndScheduleFields, PlannedMinutesField, toIso, type Plan } from './PlanFields'

export function NewInterviewForm({ study, onClose }: { study: Study; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const people = useApi('participants:list')
  const scripts = useApi('scripts:list')
  const create = useApiMutation('interviews:create')
  const matching = scripts.data?.filter((s) => s.method === study.method) ?? []
  const preferred = matching.find((s) => s.language === i18n.language) ?? matching[0] ?? scripts.data?.[0]
  const [participantId, setParticipantId] = useState('')
  const [scriptId, setScriptId] = useState('')
  const [title, setTitle] = useState('')
  const [plan, setPlan] = useState<Plan>({ interviewer: '', scheduledAt: '', plannedMinutes: '60' })
  const changePlan = (patch: Partial<Plan>) => setPlan({ ...plan, ...patch })

  const chosenScript = scriptId || preferred?.id || ''
  const submit = (e: React.FormEvent, startNow: boolean) => {
    e.preventDefault()
    create.mutate(
      {
        studyId: study.id,
        participantId: participantId || null,
        scriptId: chosenScript,
        title,
        interviewer: plan.interviewer,
        scheduledAt: toIso(plan.scheduledAt),
        plannedMinutes: Number(plan.plannedMinutes),
      },
      {
        onSuccess: (iv) => {
          onClose()
          if (startNow) navigate({ name: 'interview', id: iv.id })
        },
      },
    )
  }

  return (
    <Modal title={t('interviews.new')} onClose={onClose}>
      <form className="form" onSubmit={(e) => submit(e, true)}>
        <ParticipantSelect value={participantId} onChange={setParticipantId} people={people.data} />
        {people.data?.length === 0 && <p className="hint">{t('interviews.noPeopleYet')}</p>}
        <label>
          {t('interviews.script')}
          <select value={chosenScript} onChange={(e) => setScriptId(e.target.value)}>
            {scripts.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.language.toUpperCase()}){s.builtin ? ` · ${t('scripts.builtin')}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('interviews.titleField')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <div className="row">
          <InterviewerAndScheduleFields plan={plan} onChange={changePlan} />
          <PlannedMinutesField plan={plan} onChange={changePlan} />
        </div>
        <p className="hint">{t('interviews.snapshotHint')}</p>
        <FormActions
          write={create}
          submitLabel={t('interviews.createAndOpen')}
          onCancel={onClose}
          disabled={!chosenScript}
        >
          <button
            type="button"
            className="secondary"
            disabled={!chosenScript || create.isPending}
            onClick={(e) => submit(e, false)}
          >
            {t('interviews.plan')}
          </button>
        </FormActions>
      </form>
    </Modal>
  )
}
