import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Study } from '../../../../shared/domain/study'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { ParticipantSelect } from '../../components/ParticipantSelect'
import { useApi, useApiMutation } from '../../lib/queries'
import { navigate } from '../../app/router'

function toIso(local: string): string | null {
  return local ? new Date(local).toISOString() : null
}

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
  const [interviewer, setInterviewer] = useState('')
  const [scheduled, setScheduled] = useState('')
  const [minutes, setMinutes] = useState('60')

  const chosenScript = scriptId || preferred?.id || ''
  const submit = (e: React.FormEvent, startNow: boolean) => {
    e.preventDefault()
    create.mutate(
      {
        studyId: study.id,
        participantId: participantId || null,
        scriptId: chosenScript,
        title,
        interviewer,
        scheduledAt: toIso(scheduled),
        plannedMinutes: Number(minutes),
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
          <label>
            {t('interviews.interviewer')}
            <input value={interviewer} onChange={(e) => setInterviewer(e.target.value)} />
          </label>
          <label>
            {t('interviews.scheduled')}
            <input type="datetime-local" value={scheduled} onChange={(e) => setScheduled(e.target.value)} />
          </label>
          <label>
            {t('interviews.plannedMinutes')}
            <input
              type="number"
              min={5}
              max={600}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </label>
        </div>
        <p className="hint">{t('interviews.snapshotHint')}</p>
        <ErrorNote error={create.error} />
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!chosenScript || create.isPending}
            onClick={(e) => submit(e, false)}
          >
            {t('interviews.plan')}
          </button>
          <button type="submit" disabled={!chosenScript || create.isPending}>
            {t('interviews.createAndOpen')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
