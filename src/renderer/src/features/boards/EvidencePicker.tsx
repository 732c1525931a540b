import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useApi } from '../../lib/queries'

/** The most quotes the picker lists at once; a tag or a search narrows them. */
const PAGE = 500

/**
 * Cites quotes on a card: the study's highlights (optionally of one tag; the card's stage tag first),
 * searched by what was said or who said it. Each tick is one edit of the card, so each can be undone.
 */
export function EvidencePicker({
  studyId,
  title,
  defaultTagId,
  cited,
  onToggle,
  onClose,
}: {
  /** null: every study's quotes (an insight across studies). */
  studyId: string | null
  title?: string
  defaultTagId: string | null
  cited: readonly string[]
  onToggle: (highlightId: string) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [tagId, setTagId] = useState(defaultTagId ?? '')
  const [search, setSearch] = useState('')
  const tags = useApi('tags:list')
  const list = useApi('evidence:list', {
    ...(studyId ? { studyId } : {}),
    ...(tagId ? { tagId } : {}),
    limit: PAGE,
  })
  const words = search.trim().toLowerCase()
  const rows = (list.data?.rows ?? []).filter(
    (r) =>
      !words ||
      [r.quote, r.participantName, r.companyName, r.memo].some((x) => x?.toLowerCase().includes(words)),
  )
  return (
    <Modal title={title ?? t('boards.picker.title')} onClose={onClose} wide>
      <div className="toolbar picker-filters">
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('common.search')}
          aria-label={t('boards.picker.search')}
          autoFocus
        />
        <label>
          {t('boards.picker.tag')}
          <select value={tagId} onChange={(e) => setTagId(e.target.value)}>
            <option value="">{t('boards.picker.allTags')}</option>
            {tags.data?.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.code ? `${tag.code} ${tag.name}` : tag.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={list.error} />
      {list.data && (
        <p className="hint" role="status">
          {t('boards.picker.count', { count: rows.length, total: list.data.total })}
        </p>
      )}
      <ul className="picker-list">
        {rows.map((r) => (
          <li key={r.highlightId}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={cited.includes(r.highlightId)}
                onChange={() => onToggle(r.highlightId)}
              />
              <span>
                <span className="picker-quote">{r.quote}</span>
                <span className="item-meta">
                  {[r.participantName, r.companyName, ...r.tags.map((x) => x.name)]
                    .filter(Boolean)
                    .join(' · ')}
                  {r.emotion !== null && ` · ${t('boards.picker.emotion', { value: r.emotion })}`}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {list.data && rows.length === 0 && <p className="hint">{t('boards.picker.none')}</p>}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('boards.picker.done')}
        </button>
      </div>
    </Modal>
  )
}
