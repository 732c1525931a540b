import { useTranslation } from 'react-i18next'

/** The list with the item at `from` moved to `to`; unchanged when `to` is outside the list. */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item as T)
  return next
}

/** Up, down and remove buttons for one item of a list, named after the item for screen readers. */
export function MoveButtons({
  label,
  index,
  count,
  onMove,
  onRemove,
}: {
  label: string
  index: number
  count: number
  onMove: (to: number) => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  return (
    <span className="move-buttons">
      <button
        type="button"
        className="icon"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
        aria-label={t('scripts.moveUp', { what: label })}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        aria-label={t('scripts.moveDown', { what: label })}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon danger"
        onClick={onRemove}
        aria-label={t('scripts.remove', { what: label })}
      >
        ✕
      </button>
    </span>
  )
}
