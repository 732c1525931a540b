import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Tag } from '../../../../shared/domain/tag'
import { ErrorNote } from '../../components/ErrorNote'
import { useApiMutation } from '../../lib/queries'
import { TagDeleteDialog } from './TagDeleteDialog'
import { buildTree, flatten, pathName, subtreeIds } from './tag-tree'
import { TagFields, type TagDraft } from './TagFields'

interface Props {
  tag: Tag
  tags: Tag[]
  onNewChild: () => void
  /** Delete and merge remove this tag, and with it this component: the screen runs them and reports back. */
  remove: { pending: boolean; error: unknown; run: () => void }
  merge: { pending: boolean; error: unknown; run: (targetId: string) => void }
}

const draftOf = (tag: Tag): TagDraft => ({
  name: tag.name,
  code: tag.code ?? '',
  kind: tag.kind,
  color: tag.color,
  description: tag.description,
  ownerTeam: tag.ownerTeam,
  prevention: tag.prevention,
  emotionScore: tag.emotionScore,
})

/** One tag: edit its fields, move it, merge it into another tag, or delete it. */
export function TagDetail({ tag, tags, onNewChild, remove, merge }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<TagDraft>(() => draftOf(tag))
  const [saved, setSaved] = useState(false)
  const [moveTo, setMoveTo] = useState<string>(tag.parentId ?? '')
  const [mergeTarget, setMergeTarget] = useState('')
  const [deleting, setDeleting] = useState(false)
  const update = useApiMutation('tags:update')
  const move = useApiMutation('tags:move')

  const ordered = useMemo(() => flatten(buildTree(tags)).map((n) => n.tag), [tags])
  const own = useMemo(() => subtreeIds(tags, tag.id), [tags, tag.id])
  // A tag moves under, or merges into, any tag outside its own subtree.
  const otherTags = ordered
    .filter((x) => !own.has(x.id))
    .map((x) => (
      <option key={x.id} value={x.id}>
        {pathName(tags, x)}
      </option>
    ))
  const siblings = tags.filter((x) => x.parentId === tag.parentId).sort((a, b) => a.position - b.position)
  const index = siblings.findIndex((x) => x.id === tag.id)
  const target = tags.find((x) => x.id === mergeTarget)

  const save = () =>
    update.mutate(
      {
        id: tag.id,
        name: draft.name,
        code: draft.code.trim() || null,
        kind: draft.kind,
        color: draft.color,
        description: draft.description,
        ownerTeam: draft.ownerTeam,
        prevention: draft.prevention,
        emotionScore: draft.kind === 'emotion' ? draft.emotionScore : null,
      },
      { onSuccess: () => setSaved(true) },
    )

  return (
    <article aria-labelledby="tag-title" className="tag-detail">
      <header className="detail-header">
        <div>
          <h2 id="tag-title">
            <span className="swatch big" style={{ backgroundColor: tag.color }} aria-hidden="true" />{' '}
            {tag.code && <span className="tag-code">{tag.code}</span>} {tag.name}
          </h2>
          <p className="item-meta">
            {t(`tags.kind.${tag.kind}`)} · {t('tags.highlights', { count: tag.highlightCount })}
            {tag.treeHighlightCount !== tag.highlightCount &&
              ` · ${t('tags.highlightsTree', { count: tag.treeHighlightCount })}`}
          </p>
          {tag.aliases.length > 0 && (
            <p className="hint">{t('tags.aliases', { list: tag.aliases.join(', ') })}</p>
          )}
        </div>
        <div className="actions">
          <button type="button" className="secondary" onClick={onNewChild}>
            {t('tags.newSubTag')}
          </button>
          <button type="button" className="danger secondary" onClick={() => setDeleting(true)}>
            {t('tags.delete.button')}
          </button>
        </div>
      </header>

      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <TagFields
          draft={draft}
          onChange={(d) => {
            setSaved(false)
            setDraft(d)
          }}
        />
        <ErrorNote error={update.error} />
        <div className="actions">
          {saved && !update.isPending && <span role="status">{t('tags.saved')}</span>}
          <button type="submit" disabled={update.isPending}>
            {t('tags.save')}
          </button>
        </div>
      </form>

      <section className="card" aria-labelledby="tag-move-h">
        <h3 id="tag-move-h">{t('tags.move.title')}</h3>
        <div className="row">
          <label className="grow">
            {t('tags.move.to')}
            <select value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
              <option value="">{t('tags.topLevel')}</option>
              {otherTags}
            </select>
          </label>
          <button
            type="button"
            disabled={move.isPending || moveTo === (tag.parentId ?? '')}
            onClick={() => move.mutate({ id: tag.id, parentId: moveTo || null })}
          >
            {t('tags.move.button')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={move.isPending || index <= 0}
            onClick={() => move.mutate({ id: tag.id, parentId: tag.parentId, position: index - 1 })}
          >
            {t('tags.move.up')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={move.isPending || index < 0 || index >= siblings.length - 1}
            onClick={() => move.mutate({ id: tag.id, parentId: tag.parentId, position: index + 1 })}
          >
            {t('tags.move.down')}
          </button>
        </div>
        <ErrorNote error={move.error} />
      </section>

      <section className="card" aria-labelledby="tag-merge-h">
        <h3 id="tag-merge-h">{t('tags.merge.title')}</h3>
        <label>
          {t('tags.merge.target')}
          <select value={mergeTarget} onChange={(e) => setMergeTarget(e.target.value)}>
            <option value="">{t('tags.merge.choose')}</option>
            {otherTags}
          </select>
        </label>
        {target && (
          <>
            <p className="merge-explain">
              {t('tags.merge.explain', {
                count: tag.highlightCount,
                source: tag.name,
                target: target.name,
              })}{' '}
              {t('tags.delete.undoable')}
            </p>
            <div className="actions">
              <button type="button" disabled={merge.pending} onClick={() => merge.run(target.id)}>
                {t('tags.merge.button', { target: target.name })}
              </button>
            </div>
          </>
        )}
        <ErrorNote error={merge.error} />
      </section>

      {deleting && (
        <TagDeleteDialog
          tag={tag}
          pending={remove.pending}
          error={remove.error}
          onClose={() => setDeleting(false)}
          onConfirm={remove.run}
        />
      )}
    </article>
  )
}
