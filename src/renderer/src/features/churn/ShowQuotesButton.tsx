import { useTranslation } from 'react-i18next'

/** A reason's code and name as the button that opens its quotes (reasons table and Pareto table alike). */
export function ShowQuotesButton({
  reason,
  onSelect,
}: {
  reason: { tagId: string; code: string | null; name: string }
  onSelect: (tagId: string) => void
}) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="link"
      onClick={() => onSelect(reason.tagId)}
      aria-label={t('churn.showQuotes', { name: `${reason.code ?? ''} ${reason.name}`.trim() })}
    >
      {reason.code && <span className="code">{reason.code}</span>} {reason.name}
    </button>
  )
}
