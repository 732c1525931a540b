import { useTranslation } from 'react-i18next'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { useApi, useApiMutation } from '../../lib/queries'

/** Deleting a board says first what goes with it: its stages, cards and citations (the quotes stay). */
export function BoardDeleteDialog({
  id,
  onClose,
  onDeleted,
}: {
  id: string
  onClose: () => void
  onDeleted: (name: string) => void
}) {
  const { t } = useTranslation()
  const impact = useApi('boards:deleteImpact', { id })
  const remove = useApiMutation('boards:delete')
  const i = impact.data
  return (
    <ConfirmDelete
      title={t('boards.delete.title', { name: i?.name ?? '' })}
      impact={
        i && (
          <>
            <li>{t('boards.delete.stages', { count: i.stages })}</li>
            <li>{t('boards.delete.cards', { count: i.cards })}</li>
            {i.evidence > 0 && <li>{t('boards.delete.evidence', { count: i.evidence })}</li>}
          </>
        )
      }
      confirmLabel={t('boards.delete.confirm')}
      pending={remove.isPending}
      error={impact.error ?? remove.error}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ id }, { onSuccess: () => (onClose(), onDeleted(i?.name ?? '')) })}
    />
  )
}
