import { useTranslation } from 'react-i18next'
import type { DeleteImpact } from '../../../shared/domain/common'
import { ErrorNote } from './ErrorNote'
import { Modal } from './Modal'

interface ConfirmDeleteProps {
  what: string
  impact: DeleteImpact | undefined
  loading: boolean
  error: unknown
  onConfirm: () => void
  onCancel: () => void
}

/** Says what a delete takes with it before anything is deleted. */
export function ConfirmDelete({ what, impact, loading, error, onConfirm, onCancel }: ConfirmDeleteProps) {
  const { t } = useTranslation()
  return (
    <Modal
      title={t('delete.title', { what: t(`delete.what.${what}`), name: impact?.name ?? '' })}
      onClose={onCancel}
    >
      {!impact ? (
        <p>{t('common.loading')}</p>
      ) : (
        <ul className="impact">
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
        </ul>
      )}
      <ErrorNote error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" disabled={!impact || loading} onClick={onConfirm}>
          {t('delete.confirm')}
        </button>
      </div>
    </Modal>
  )
}
