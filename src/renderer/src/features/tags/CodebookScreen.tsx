import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNote } from '../../components/ErrorNote'
import { navigate, routeHref } from '../../app/router'
import { useApi, useApiMutation } from '../../lib/queries'
import { QdcActions } from './QdcActions'
import { StarterButtons, StarterMenu } from './StarterMenu'
import { TagCreateDialog } from './TagCreateDialog'
import { TagDetail } from './TagDetail'
import { TagTreeView } from './TagTreeView'
import './tags.css'

/** The codebook: the tag tree on the left, the chosen tag's editor on the right (route #/codebook/<tagId>). */
export function CodebookScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const tags = useApi('tags:list')
  const [filter, setFilter] = useState('')
  const [creating, setCreating] = useState<{ parentId: string | null } | null>(null)
  const [notice, setNotice] = useState('')
  // The delete or merge just made, offered for Undo until the next message replaces it.
  const [undoable, setUndoable] = useState<
    { kind: 'delete'; id: string; name: string } | { kind: 'merge'; mergeId: string; message: string } | null
  >(null)
  const restore = useApiMutation('tags:restore')
  const unmerge = useApiMutation('tags:undoMerge')
  const remove = useApiMutation('tags:delete')
  const merge = useApiMutation('tags:merge')
  const list = useMemo(() => tags.data ?? [], [tags.data])
  const selected = list.find((x) => x.id === selectedId)
  // A newer message replaces the Undo offer: undo is for the change just made, not one several steps back.
  const announce = (message: string) => {
    setUndoable(null)
    setNotice(message)
  }

  const undo = () => {
    if (!undoable) return
    const onSuccess = (tag: { id: string; name: string }) => {
      setUndoable(null)
      setNotice(t('tags.delete.restored', { name: tag.name }))
      navigate({ name: 'codebook', id: tag.id })
    }
    if (undoable.kind === 'delete') restore.mutate({ id: undoable.id }, { onSuccess })
    else unmerge.mutate({ mergeId: undoable.mergeId }, { onSuccess })
  }

  return (
    <div className="split codebook">
      <section className="list-pane" aria-labelledby="codebook-h">
        <header className="pane-header">
          <h1 id="codebook-h">{t('tags.title')}</h1>
          <button type="button" onClick={() => setCreating({ parentId: null })}>
            {t('tags.newTag')}
          </button>
        </header>
        <div className="codebook-toolbar">
          <StarterMenu onDone={announce} />
          <QdcActions onDone={announce} empty={tags.data?.length === 0} />
        </div>
        <label>
          {t('tags.filter')}
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t('tags.filterPlaceholder')}
          />
        </label>
        <div role="status" className="codebook-status">
          {undoable ? (
            <span>
              {undoable.kind === 'delete' ? t('tags.delete.done', { name: undoable.name }) : undoable.message}{' '}
              <button
                type="button"
                className="secondary"
                onClick={undo}
                disabled={restore.isPending || unmerge.isPending}
              >
                {t('tags.delete.undo')}
              </button>
            </span>
          ) : (
            notice
          )}
        </div>
        <ErrorNote error={tags.error ?? restore.error ?? unmerge.error} />
        {tags.isSuccess && list.length === 0 ? (
          <EmptyState title={t('tags.emptyTitle')}>
            <p>{t('tags.emptyHelp')}</p>
            <StarterButtons onDone={announce} />
          </EmptyState>
        ) : (
          <TagTreeView tags={list} filter={filter} selectedId={selectedId} />
        )}
      </section>
      <section className="detail-pane">
        {selected ? (
          <TagDetail
            key={selected.id}
            tag={selected}
            tags={list}
            onNewChild={() => setCreating({ parentId: selected.id })}
            remove={{
              pending: remove.isPending,
              error: remove.error,
              run: () =>
                remove.mutate(
                  { id: selected.id },
                  {
                    onSuccess: () => {
                      setUndoable({ kind: 'delete', id: selected.id, name: selected.name })
                      setNotice('')
                      navigate({ name: 'codebook' })
                    },
                  },
                ),
            }}
            merge={{
              pending: merge.isPending,
              error: merge.error,
              run: (targetId) =>
                merge.mutate(
                  { sourceId: selected.id, targetId },
                  {
                    onSuccess: (result) => {
                      setNotice('')
                      setUndoable({
                        kind: 'merge',
                        mergeId: result.mergeId,
                        message: t('tags.merge.done', { source: selected.name, target: result.name }),
                      })
                      navigate({ name: 'codebook', id: result.id })
                    },
                  },
                ),
            }}
          />
        ) : (
          <div className="codebook-intro">
            <p className="lede">{t('tags.lede')}</p>
            {list.length > 0 && <p className="hint">{t('tags.selectHint')}</p>}
            {selectedId && tags.isSuccess && <a href={routeHref({ name: 'codebook' })}>{t('tags.title')}</a>}
          </div>
        )}
      </section>
      {creating && (
        <TagCreateDialog
          tags={list}
          parentId={creating.parentId}
          onClose={() => setCreating(null)}
          onCreated={(tag) => {
            setCreating(null)
            navigate({ name: 'codebook', id: tag.id })
          }}
        />
      )}
    </div>
  )
}
