import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeleteImpact } from '../../../shared/domain/common'
import { useApi, useApiMutation } from '../lib/queries'
import { ConfirmDelete } from './ConfirmDelete'

type Domain = 'studies' | 'companies' | 'participants' | 'scripts' | 'interviews'
/** What the delete dialog calls the record; also picks its impact wording. */
const WHAT: Record<Domain, string> = {
  studies: 'study',
  companies: 'company',
  participants: 'participant',
  scripts: 'script',
  interviews: 'interview',
}

function Confirm({
  domain,
  id,
  onClose,
  onDeleted,
}: {
  domain: Domain
  id: string
  onClose: () => void
  onDeleted: () => void
}) {
  const { t } = useTranslation()
  const impact = useApi(`${domain}:deleteImpact`, { id })
  const remove = useApiMutation(`${domain}:delete`)
  const what = WHAT[domain]
  return (
    <ConfirmDelete
      title={t('delete.title', { what: t(`delete.what.${what}`), name: impact.data?.name ?? '' })}
      impact={impact.data && <RecordImpact what={what} impact={impact.data} />}
      confirmLabel={t('delete.confirm')}
      pending={remove.isPending}
      error={impact.error ?? remove.error}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ id }, { onSuccess: () => (onClose(), onDeleted()) })}
    />
  )
}

/** What deleting a record takes with it, and what it leaves without a link. */
function RecordImpact({ what, impact }: { what: string; impact: DeleteImpact }) {
  const { t } = useTranslation()
  return (
    <>
      {impact.interviews > 0 && (
        <li>{t(`delete.impact.${what}.interviews`, { count: impact.interviews })}</li>
      )}
      {impact.participants > 0 && (
        <li>{t(`delete.impact.${what}.participants`, { count: impact.participants })}</li>
      )}
      {impact.notes > 0 && <li>{t('delete.impact.notes', { count: impact.notes })}</li>}
      {impact.interviews + impact.participants + impact.notes === 0 && (
        <li>{t('delete.impact.nothingElse')}</li>
      )}
    </>
  )
}

/** Delete with the consequences shown first. */
export function DeleteButton({
  domain,
  id,
  onDeleted,
}: {
  domain: Domain
  id: string
  onDeleted: () => void
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="danger secondary" onClick={() => setOpen(true)}>
        {t('common.delete')}
      </button>
      {open && <Confirm domain={domain} id={id} onClose={() => setOpen(false)} onDeleted={onDeleted} />}
    </>
  )
}
