import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Participant } from '../../../../shared/domain/company'
import { FormActions } from '../../components/FormActions'
import { Modal } from '../../components/Modal'
import { useApi, useApiMutation } from '../../lib/queries'

interface Props {
  participant?: Participant
  defaultCompanyId?: string
  onClose: () => void
  onSaved: (p: Participant) => void
}

export function ParticipantForm({ participant, defaultCompanyId, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const companies = useApi('companies:list')
  const create = useApiMutation('participants:create')
  const update = useApiMutation('participants:update')
  const [f, setF] = useState({
    name: participant?.name ?? '',
    role: participant?.role ?? '',
    companyId: participant?.companyId ?? defaultCompanyId ?? '',
    email: participant?.email ?? '',
    phone: participant?.phone ?? '',
    consentToRecord: participant?.consentToRecord ?? false,
  })
  const mutation = participant ? update : create
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const input = { ...f, companyId: f.companyId || null }
    if (participant) update.mutate({ id: participant.id, ...input }, { onSuccess: onSaved })
    else create.mutate(input, { onSuccess: onSaved })
  }
  return (
    <Modal title={participant ? t('participants.edit') : t('participants.new')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <label>
          {t('participants.name')}
          <input value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required autoFocus />
        </label>
        <div className="row">
          <label>
            {t('participants.role')}
            <input value={f.role} onChange={(e) => setF({ ...f, role: e.target.value })} />
          </label>
          <label>
            {t('participants.company')}
            <select value={f.companyId} onChange={(e) => setF({ ...f, companyId: e.target.value })}>
              <option value="">{t('participants.noCompany')}</option>
              {companies.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="row">
          <label>
            {t('participants.email')}
            <input type="email" value={f.email} onChange={(e) => setF({ ...f, email: e.target.value })} />
          </label>
          <label>
            {t('participants.phone')}
            <input type="tel" value={f.phone} onChange={(e) => setF({ ...f, phone: e.target.value })} />
          </label>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={f.consentToRecord}
            onChange={(e) => setF({ ...f, consentToRecord: e.target.checked })}
          />
          {t('participants.consent')}
        </label>
        <FormActions
          write={mutation}
          submitLabel={participant ? t('common.save') : t('participants.create')}
          onCancel={onClose}
        />
      </form>
    </Modal>
  )
}
