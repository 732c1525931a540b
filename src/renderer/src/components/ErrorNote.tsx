import { useTranslation } from 'react-i18next'
import { ApiError } from '../lib/api'

/** Shows an API error as a sentence, with its field-level problems, announced to screen readers. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation()
  if (!error) return null
  // Where the interface has its own wording for a code (library refusals), use it in the user's language.
  const translated =
    error instanceof ApiError && error.params && i18n.exists(`errors.detail.${error.code}`)
      ? t(`errors.detail.${error.code}`, error.params)
      : null
  const message = translated ?? (error instanceof Error ? error.message : String(error))
  const issues = error instanceof ApiError ? error.issues.slice(1) : []
  return (
    <div role="alert" className="error-note">
      <strong>
        {error instanceof ApiError && i18n.exists(`errors.${error.code}`)
          ? t(`errors.${error.code}`)
          : t('common.errorTitle')}
      </strong>{' '}
      {message}
      {issues.length > 0 && (
        <ul>
          {issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
