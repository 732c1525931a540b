import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { Highlight } from '../../../../shared/domain/highlight'
import type { Tagging } from './useTagging'

/** The highlights of one source as buttons: the keyboard path to their details. */
export function HighlightList({
  highlights,
  tagging,
  title,
  onOpen,
}: {
  highlights: readonly Highlight[]
  tagging: Tagging
  title: string
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation()
  if (highlights.length === 0) return null
  return (
    <section className="highlight-list" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {highlights.map((h) => {
          const names = h.tagIds.map((id) => tagging.tagById.get(id)?.name).filter(Boolean)
          return (
            <li key={h.id}>
              <button
                type="button"
                className="highlight-item"
                style={{ '--tag-color': tagging.colorOfHighlight(h) ?? '#e0c341' } as CSSProperties}
                onClick={() => onOpen(h.id)}
              >
                <span className="highlight-item-quote">“{h.quote}”</span>
                <span className="highlight-item-tags">
                  {names.length ? names.join(', ') : t('highlights.details.untagged')}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
