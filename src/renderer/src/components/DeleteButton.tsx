import { useState } from 'react'
import { useTranslation } from 'react-i18next'
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
  const impact = useApi(`${domain}:deleteImpact`, { id })
  const remove = useApiMutation(`${domain}:delete`)
  return (
    <ConfirmDelete
      what={WHAT[domain]}
      impact={impact.data}
      loading={remove.isPending}
      error={impact.error ?? remove.error}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ id }, { onSuccess: () => (onClose(), onDeleted()) })}
    />
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
