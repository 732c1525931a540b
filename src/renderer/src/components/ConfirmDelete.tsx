import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from './ErrorNote'
import { Modal } from './Modal'

interface ConfirmDeleteProps {
  title: string
  /** The impact's lines (<li>s); undefined while it loads, and the delete waits for it. */
  impact: ReactNode | undefined
  confirmLabel: string
  pending: boolean
  error: unknown
  onConfirm: () => void
  onCancel: () => void
}

/** Says what a delete takes with it before anything is deleted. */
export function ConfirmDelete({
  title,
  impact,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onCancel,
}: ConfirmDeleteProps) {
  const { t } = useTranslation()
  const loading = impact === undefined
  return (
    <Modal title={title} onClose={onCancel}>
      {loading ? <p>{t('common.loading')}</p> : <ul className="impact">{impact}</ul>}
      <ErrorNote error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" disabled={loading || pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  )
}
