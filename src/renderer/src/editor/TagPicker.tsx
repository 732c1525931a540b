import { useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TAG_KINDS, type Tag, type TagKind } from '../../../shared/domain/tag'
import { Modal } from '../components/Modal'
import { StarterButtons } from '../features/tags/StarterMenu'
import { filterTags } from '../features/highlights/filter-tags'

interface TagPickerProps {
  tags: readonly Tag[]
  /** Tags already on the highlight: not offered again. */
  exclude?: readonly string[]
  defaultKind: TagKind
  onPick: (tag: Tag) => Promise<void> | void
  onCreate: (name: string, kind: TagKind) => Promise<Tag>
  onClose: () => void
}

type Option = { kind: 'tag'; tag: Tag } | { kind: 'create'; name: string }

/**
 * The keyboard tag picker: type to filter by name, code or alias, arrows to move, Enter to apply; the last
 * option creates a tag with the typed name. A combobox with a listbox, so screen readers follow the choice.
 */
export function TagPicker({ tags, exclude = [], defaultKind, onPick, onCreate, onClose }: TagPickerProps) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [newKind, setNewKind] = useState<TagKind>(defaultKind)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [seeded, setSeeded] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  const inputId = useId()
  const kindId = useId()
  const byId = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags])

  const options = useMemo<Option[]>(() => {
    const found: Option[] = filterTags(
      tags.filter((tag) => !exclude.includes(tag.id)),
      query,
    ).map((tag) => ({ kind: 'tag', tag }))
    const name = query.trim()
    if (name && !tags.some((tag) => tag.name.toLocaleLowerCase() === name.toLocaleLowerCase()))
      found.push({ kind: 'create', name })
    return found
  }, [tags, exclude, query])
  const current = Math.min(active, options.length - 1)

  const choose = async (option: Option | undefined) => {
    if (!option || busy) return
    setBusy(true)
    setError(null)
    try {
      const tag = option.kind === 'tag' ? option.tag : await onCreate(option.name, newKind)
      await onPick(tag)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setBusy(false)
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((current + step + options.length) % Math.max(options.length, 1))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      void choose(options[current])
    }
  }

  const optionId = (i: number) => `${listId}-o${i}`
  const label = (o: Option) => {
    if (o.kind === 'create') return t('highlights.picker.create', { name: o.name })
    const parent = o.tag.parentId ? byId.get(o.tag.parentId)?.name : null
    return [o.tag.code, o.tag.name].filter(Boolean).join(' ') + (parent ? ` — ${parent}` : '')
  }

  return (
    <Modal title={t('highlights.picker.title')} onClose={onClose}>
      <div className="tag-picker">
        <label htmlFor={inputId}>{t('highlights.picker.search')}</label>
        <input
          ref={inputRef}
          id={inputId}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={options.length ? optionId(current) : undefined}
          autoFocus
          autoComplete="off"
          value={query}
          disabled={busy}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={t('highlights.picker.tags')} className="tag-options">
          {options.map((o, i) => (
            <li
              key={o.kind === 'tag' ? o.tag.id : 'create'}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={`${i === current ? 'active' : ''} ${o.kind === 'create' ? 'create' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => void choose(o)}
            >
              {o.kind === 'tag' && (
                <span
                  className="tag-swatch"
                  style={{ '--tag-color': o.tag.color } as CSSProperties}
                  aria-hidden="true"
                />
              )}
              {label(o)}
            </li>
          ))}
        </ul>
        {/* A new library has no tags: one click on a starter gives a codebook to pick from right here. */}
        {tags.length === 0 ? (
          <div className="picker-starters">
            <p className="hint">{t('highlights.picker.emptyCodebook')}</p>
            <StarterButtons
              onDone={(message) => {
                setSeeded(message)
                inputRef.current?.focus()
              }}
            />
          </div>
        ) : (
          options.length === 0 && <p className="hint">{t('highlights.picker.empty')}</p>
        )}
        {seeded && (
          <p role="status" className="hint">
            {seeded}
          </p>
        )}
        <div className="tag-picker-foot">
          <label htmlFor={kindId}>{t('highlights.picker.newKind')}</label>
          <select
            id={kindId}
            value={newKind}
            onChange={(e) => setNewKind(e.target.value as TagKind)}
            disabled={busy}
          >
            {TAG_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`highlights.kinds.${k}`)}
              </option>
            ))}
          </select>
          <span className="hint">{t('highlights.picker.keys')}</span>
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Modal>
  )
}
