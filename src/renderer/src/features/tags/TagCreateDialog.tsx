import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Tag } from '../../../../shared/domain/tag'
import { FormActions } from '../../components/FormActions'
import { Modal } from '../../components/Modal'
import { useApiMutation } from '../../lib/queries'
import { buildTree, flatten, pathName } from './tag-tree'
import { TagFields, type TagDraft } from './TagFields'

interface Props {
  tags: Tag[]
  parentId: string | null
  onClose: () => void
  onCreated: (tag: Tag) => void
}

export function TagCreateDialog({ tags, parentId: initialParent, onClose, onCreated }: Props) {
  const { t } = useTranslation()
  const create = useApiMutation('tags:create')
  const parentOf = (id: string | null) => tags.find((x) => x.id === id)
  const [parentId, setParentId] = useState<string | null>(initialParent)
  const [colorTouched, setColorTouched] = useState(false)
  const [draft, setDraft] = useState<TagDraft>({
    name: '',
    code: '',
    kind: parentOf(initialParent)?.kind ?? 'theme',
    color: parentOf(initialParent)?.color ?? '#1565c0',
    description: '',
    ownerTeam: '',
    prevention: '',
    emotionScore: null,
  })

  return (
    <Modal title={t('tags.newTag')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate(
            {
              name: draft.name,
              parentId,
              kind: draft.kind,
              code: draft.code.trim() || null,
              ...(colorTouched ? { color: draft.color } : {}),
              description: draft.description,
              ownerTeam: draft.ownerTeam,
              prevention: draft.prevention,
              emotionScore: draft.kind === 'emotion' ? draft.emotionScore : null,
            },
            { onSuccess: onCreated },
          )
        }}
      >
        <label>
          {t('tags.field.parent')}
          <select
            value={parentId ?? ''}
            onChange={(e) => {
              const next = e.target.value || null
              setParentId(next)
              const p = parentOf(next)
              if (p) setDraft((d) => ({ ...d, kind: p.kind, color: colorTouched ? d.color : p.color }))
            }}
          >
            <option value="">{t('tags.topLevel')}</option>
            {flatten(buildTree(tags)).map(({ tag }) => (
              <option key={tag.id} value={tag.id}>
                {pathName(tags, tag)}
              </option>
            ))}
          </select>
        </label>
        <TagFields
          draft={draft}
          onChange={(d) => {
            if (d.color !== draft.color) setColorTouched(true)
            setDraft(d)
          }}
        />
        <FormActions write={create} submitLabel={t('tags.create')} onCancel={onClose} />
      </form>
    </Modal>
  )
}
