import { useState, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { Highlight } from '../../../../shared/domain/highlight'
import type { TagKind } from '../../../../shared/domain/tag'
import { ErrorNote } from '../../components/ErrorNote'
import { TagPicker } from '../../editor/TagPicker'
import type { Codebook, Tagging } from './useTagging'
import './highlights.css'

interface Props {
  ids: readonly string[]
  tagging: Tagging
  defaultKind: TagKind
  onClose: () => void
  /** Note highlights live in the note's marks: removing one means removing its mark (the save deletes the row). */
  onDeleteNoteHighlight: (id: string) => Promise<void>
}

const EMOTIONS = [-2, -1, 0, 1, 2] as const
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0')

/** The tags, memo and emotion of the highlights under a click, each editable. */
export function HighlightDetails({ ids, tagging, defaultKind, onClose, onDeleteNoteHighlight }: Props) {
  const { t } = useTranslation()
  const shown = ids.map((id) => tagging.highlightById.get(id)).filter((h): h is Highlight => Boolean(h))
  return (
    <section className="highlight-details" aria-labelledby="highlight-details-title">
      <div className="highlight-details-head">
        <h2 id="highlight-details-title">{t('highlights.details.title', { count: shown.length })}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('highlights.details.close')}
        </button>
      </div>
      {shown.length === 0 && <p className="hint">{t('highlights.details.none')}</p>}
      {shown.map((h) => (
        <HighlightCard
          key={h.id}
          h={h}
          tagging={tagging}
          defaultKind={defaultKind}
          onDeleteNoteHighlight={onDeleteNoteHighlight}
        />
      ))}
    </section>
  )
}

/** One highlight's tags, memo and emotion, editable; used beside notes, transcripts and survey comments. */
export function HighlightCard({
  h,
  tagging,
  defaultKind,
  onDeleteNoteHighlight,
}: {
  h: Highlight
  tagging: Codebook
  defaultKind: TagKind
  onDeleteNoteHighlight?: Props['onDeleteNoteHighlight']
}) {
  const { t } = useTranslation()
  const [memo, setMemo] = useState(h.memo)
  const [picking, setPicking] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const run = async (work: () => Promise<unknown>) => {
    setError(null)
    try {
      await work()
    } catch (err) {
      setError(err)
    }
  }
  const setTags = (tagIds: string[]) => run(() => tagging.write('highlights:setTags', { id: h.id, tagIds }))

  return (
    <article
      className="highlight-card"
      aria-label={t('highlights.details.one', { quote: h.quote.slice(0, 60) })}
    >
      <blockquote className="highlight-quote">{h.quote}</blockquote>
      <ul className="tag-chips" aria-label={t('highlights.details.tags')}>
        {h.tagIds.map((id) => {
          const tag = tagging.tagById.get(id)
          const name = tag?.name ?? t('highlights.details.unknownTag')
          return (
            <li
              key={id}
              className="tag-chip"
              style={{ '--tag-color': tag?.color ?? '#8a8f98' } as CSSProperties}
            >
              {tag?.code && <span className="tag-code">{tag.code}</span>} {name}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('highlights.details.removeTag', { name })}
                onClick={() => void setTags(h.tagIds.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          )
        })}
        {h.tagIds.length === 0 && <li className="hint">{t('highlights.details.untagged')}</li>}
      </ul>
      <button type="button" className="secondary" onClick={() => setPicking(true)}>
        {t('highlights.details.addTag')}
      </button>
      <label className="memo-field">
        {t('highlights.details.memo')}
        <textarea
          value={memo}
          maxLength={4000}
          rows={2}
          onChange={(e) => setMemo(e.target.value)}
          onBlur={() =>
            memo !== h.memo && void run(() => tagging.write('highlights:update', { id: h.id, memo }))
          }
        />
      </label>
      <div role="radiogroup" aria-label={t('highlights.details.emotion')} className="emotion-scale">
        <span className="field-label">{t('highlights.details.emotion')}</span>
        {EMOTIONS.map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={h.emotion === n}
            aria-label={t('highlights.details.emotionValue', { value: signed(n) })}
            className={`emotion e${n + 2} ${h.emotion === n ? 'active' : ''}`}
            onClick={() =>
              void run(() =>
                tagging.write('highlights:update', { id: h.id, emotion: h.emotion === n ? null : n }),
              )
            }
          >
            {signed(n)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="danger"
        onClick={() =>
          void run(() =>
            h.source === 'note' && onDeleteNoteHighlight
              ? onDeleteNoteHighlight(h.id)
              : tagging.write('highlights:delete', { id: h.id }),
          )
        }
      >
        {t('highlights.details.delete')}
      </button>
      <ErrorNote error={error} />
      {picking && (
        <TagPicker
          tags={tagging.tags}
          exclude={h.tagIds}
          defaultKind={defaultKind}
          onCreate={tagging.createTag}
          onClose={() => setPicking(false)}
          onPick={async (tag) => {
            await tagging.write('highlights:setTags', { id: h.id, tagIds: [...h.tagIds, tag.id] })
            setPicking(false)
          }}
        />
      )}
    </article>
  )
}
