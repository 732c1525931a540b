import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InterviewMethod } from '../../../../shared/domain/script'
import { TARGET_PRESETS, type Study, type StudyStatus } from '../../../../shared/domain/study'
import { FormActions } from '../../components/FormActions'
import { MethodSelect } from '../../components/MethodSelect'
import { Modal } from '../../components/Modal'
import { useApiMutation } from '../../lib/queries'

const STATUSES: StudyStatus[] = ['planning', 'active', 'completed', 'archived']

export function StudyForm({
  study,
  onClose,
  onSaved,
}: {
  study?: Study
  onClose: () => void
  onSaved: (s: Study) => void
}) {
  const { t } = useTranslation()
  const create = useApiMutation('studies:create')
  const update = useApiMutation('studies:update')
  const [name, setName] = useState(study?.name ?? '')
  const [goal, setGoal] = useState(study?.goal ?? '')
  const [method, setMethod] = useState<InterviewMethod>(study?.method ?? 'jtbd_switch')
  const [status, setStatus] = useState<StudyStatus>(study?.status ?? 'planning')
  const [target, setTarget] = useState(String(study?.targetInterviews ?? 10))
  const mutation = study ? update : create

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const input = { name, goal, method, status, targetInterviews: Number(target) }
    if (study) update.mutate({ id: study.id, ...input }, { onSuccess: onSaved })
    else create.mutate(input, { onSuccess: onSaved })
  }

  return (
    <Modal title={study ? t('studies.edit') : t('studies.new')} onClose={onClose}>
      <form onSubmit={submit} className="form">
        <label>
          {t('studies.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </label>
        <label>
          {t('studies.goal')}
          <textarea
            value={goal}
            onChange={(e) => setGoal(e.target.value)}
            rows={3}
            placeholder={t('studies.goalPlaceholder')}
          />
        </label>
        <div className="row">
          <MethodSelect label={t('studies.method')} value={method} onChange={setMethod} />
          <label>
            {t('studies.status')}
            <select value={status} onChange={(e) => setStatus(e.target.value as StudyStatus)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`studyStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset>
          <legend>{t('studies.target')}</legend>
          <div className="row">
            <input
              type="number"
              min={1}
              max={1000}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              aria-label={t('studies.targetCount')}
            />
            {TARGET_PRESETS.map((p) => (
              <button
                key={p.key}
                type="button"
                className="secondary"
                onClick={() => setTarget(String(p.default))}
              >
                {t(`studies.preset.${p.key}`, { min: p.min, max: p.max })}
              </button>
            ))}
          </div>
          <small className="hint">{t('studies.targetHint')}</small>
        </fieldset>
        <FormActions
          write={mutation}
          submitLabel={study ? t('common.save') : t('studies.create')}
          onCancel={onClose}
        />
      </form>
    </Modal>
  )
}
