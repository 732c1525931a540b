import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from './ErrorNote'

/**
 * A dialog form's footer: the write's error, Cancel, any other buttons, and the submit button, which waits
 * while the write runs.
 */
export function FormActions({
  write,
  submitLabel,
  onCancel,
  disabled = false,
  children,
}: {
  write: { error: unknown; isPending: boolean }
  submitLabel: string
  onCancel: () => void
  /** The form is not ready to submit. */
  disabled?: boolean
  children?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <>
      <ErrorNote error={write.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {children}
        <button type="submit" disabled={disabled || write.isPending}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
