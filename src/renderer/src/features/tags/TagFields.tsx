import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { TAG_KINDS, type TagKind } from '../../../../shared/domain/tag'

export interface TagDraft {
  name: string
  code: string
  kind: TagKind
  color: string
  description: string
  ownerTeam: string
  prevention: string
  emotionScore: number | null
}

/** The editable fields of a tag, shared by the create dialog and the editor. */
export function TagFields({
  draft,
  onChange,
  compact,
}: {
  draft: TagDraft
  onChange: (d: TagDraft) => void
  compact?: boolean
}) {
  const { t } = useTranslation()
  const hintId = useId()
  const set = <K extends keyof TagDraft>(key: K, value: TagDraft[K]) => onChange({ ...draft, [key]: value })
  return (
    <div className="tag-fields">
      <div className="row name-code">
        <label className="grow">
          {t('tags.field.name')}
          <input required value={draft.name} onChange={(e) => set('name', e.target.value)} maxLength={200} />
        </label>
        {/* The hint belongs to the Code field, so it sits under that field, not under the name. */}
        <div className="field-with-hint">
          <label>
            {t('tags.field.code')}
            <input
              value={draft.code}
              onChange={(e) => set('code', e.target.value)}
              maxLength={40}
              aria-describedby={hintId}
            />
          </label>
          <p id={hintId} className="hint">
            {t('tags.field.codeHint')}
          </p>
        </div>
      </div>
      <div className="row">
        <label>
          {t('tags.kind.label')}
          <select value={draft.kind} onChange={(e) => set('kind', e.target.value as TagKind)}>
            {TAG_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`tags.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="color-field">
          {t('tags.field.color')}
          <input type="color" value={draft.color} onChange={(e) => set('color', e.target.value)} />
        </label>
        {draft.kind === 'emotion' && (
          <label>
            {t('tags.field.emotionScore')}
            <select
              value={draft.emotionScore ?? ''}
              onChange={(e) => set('emotionScore', e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">{t('tags.none')}</option>
              {[-2, -1, 0, 1, 2].map((n) => (
                <option key={n} value={n}>
                  {n > 0 ? `+${n}` : n}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!compact && (
        <>
          <label>
            {t('tags.field.description')}
            <textarea
              rows={3}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
              maxLength={4000}
            />
          </label>
          <label>
            {t('tags.field.ownerTeam')}
            <input
              value={draft.ownerTeam}
              onChange={(e) => set('ownerTeam', e.target.value)}
              maxLength={200}
            />
          </label>
          <label>
            {t('tags.field.prevention')}
            <textarea
              rows={3}
              value={draft.prevention}
              onChange={(e) => set('prevention', e.target.value)}
              maxLength={4000}
            />
          </label>
        </>
      )}
    </div>
  )
}
