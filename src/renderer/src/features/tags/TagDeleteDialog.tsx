import { useTranslation } from 'react-i18next'
import type { Tag } from '../../../../shared/domain/tag'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { useApi } from '../../lib/queries'

interface Props {
  tag: Tag
  pending: boolean
  error: unknown
  onClose: () => void
  onConfirm: () => void
}

/**
 * Says how many tags and highlights a delete touches before anything is deleted. The screen runs the delete
 * (this dialog unmounts with the tag) and then offers Undo.
 */
export function TagDeleteDialog({ tag, pending, error, onClose, onConfirm }: Props) {
  const { t } = useTranslation()
  const impact = useApi('tags:deleteImpact', { id: tag.id })
  const i = impact.data
  return (
    <ConfirmDelete
      title={t('tags.delete.title', { name: tag.name })}
      impact={
        i && (
          <>
            <li>{i.tags === 1 ? t('tags.delete.onlyItself') : t('tags.delete.tags', { count: i.tags })}</li>
            <li>
              {i.highlights > 0 ? (
                <strong>{t('tags.delete.highlights', { count: i.highlights })}</strong>
              ) : (
                t('tags.delete.noHighlights')
              )}
            </li>
            <li>{t('tags.delete.undoable')}</li>
          </>
        )
      }
      confirmLabel={t('tags.delete.confirm')}
      pending={pending}
      error={impact.error ?? error}
      onConfirm={onConfirm}
      onCancel={onClose}
    />
  )
}
