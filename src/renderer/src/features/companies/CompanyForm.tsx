import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SEGMENTS, type Segment } from '../../../../shared/domain/common'
import type { Company } from '../../../../shared/domain/company'
import { FormActions } from '../../components/FormActions'
import { Modal } from '../../components/Modal'
import { parseMoneyToMinor } from '../../lib/format'
import { useApiMutation } from '../../lib/queries'

export function CompanyForm({
  company,
  onClose,
  onSaved,
}: {
  company?: Company
  onClose: () => void
  onSaved: (c: Company) => void
}) {
  const { t } = useTranslation()
  const create = useApiMutation('companies:create')
  const update = useApiMutation('companies:update')
  const [f, setF] = useState({
    name: company?.name ?? '',
    segment: (company?.segment ?? '') as Segment | '',
    plan: company?.plan ?? '',
    mrr: company ? String(company.mrrMinor / 100) : '',
    currency: company?.currency ?? 'USD',
    customerSince: company?.customerSince ?? '',
    status: company?.status ?? 'active',
    churnedOn: company?.churnedOn ?? '',
    churnType: company?.churnType ?? '',
    notes: company?.notes ?? '',
  })
  const [localError, setLocalError] = useState<string | null>(null)
  const set =
    (k: keyof typeof f) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setF({ ...f, [k]: e.target.value })
  const mutation = company ? update : create
  const churned = f.status === 'churned'

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const mrrMinor = parseMoneyToMinor(f.mrr)
    if (mrrMinor === null) return setLocalError(t('companies.badMrr'))
    setLocalError(null)
    const input = {
      name: f.name,
      segment: f.segment || null,
      plan: f.plan,
      mrrMinor,
      currency: f.currency.toUpperCase(),
      customerSince: f.customerSince || null,
      status: f.status as 'active' | 'churned',
      churnedOn: churned ? f.churnedOn || null : null,
      churnType: churned ? ((f.churnType || null) as 'voluntary' | 'involuntary' | null) : null,
      notes: f.notes,
    }
    if (company) update.mutate({ id: company.id, ...input }, { onSuccess: onSaved })
    else create.mutate(input, { onSuccess: onSaved })
  }

  return (
    <Modal title={company ? t('companies.edit') : t('companies.new')} onClose={onClose} wide>
      <form className="form" onSubmit={submit}>
        <label>
          {t('companies.name')}
          <input value={f.name} onChange={set('name')} required autoFocus />
        </label>
        <div className="row">
          <label>
            {t('companies.segment')}
            <select value={f.segment} onChange={set('segment')}>
              <option value="">{t('companies.unsegmented')}</option>
              {SEGMENTS.map((s) => (
                <option key={s} value={s}>
                  {t('companies.segmentName', { segment: s })} — {t(`segmentHelp.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('companies.plan')}
            <input value={f.plan} onChange={set('plan')} />
          </label>
        </div>
        <div className="row">
          <label>
            {t('companies.mrr')}
            <input value={f.mrr} onChange={set('mrr')} inputMode="decimal" />
          </label>
          <label>
            {t('companies.currency')}
            <input value={f.currency} onChange={set('currency')} maxLength={3} size={4} />
          </label>
          <label>
            {t('companies.customerSince')}
            <input type="date" value={f.customerSince} onChange={set('customerSince')} />
          </label>
        </div>
        <div className="row">
          <label>
            {t('companies.status')}
            <select value={f.status} onChange={set('status')}>
              <option value="active">{t('companyStatus.active')}</option>
              <option value="churned">{t('companyStatus.churned')}</option>
            </select>
          </label>
          {churned && (
            <>
              <label>
                {t('companies.churnedOn')}
                <input type="date" value={f.churnedOn} onChange={set('churnedOn')} />
              </label>
              <label>
                {t('companies.churnType')}
                <select value={f.churnType} onChange={set('churnType')}>
                  <option value="">—</option>
                  <option value="voluntary">{t('churnType.voluntary')}</option>
                  <option value="involuntary">{t('churnType.involuntary')}</option>
                </select>
              </label>
            </>
          )}
        </div>
        <label>
          {t('companies.notes')}
          <textarea value={f.notes} onChange={set('notes')} rows={3} />
        </label>
        {localError && (
          <p role="alert" className="error-note">
            {localError}
          </p>
        )}
        <FormActions
          write={mutation}
          submitLabel={company ? t('common.save') : t('companies.create')}
          onCancel={onClose}
        />
      </form>
    </Modal>
  )
}
