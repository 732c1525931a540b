import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardSummary } from '../../../../shared/domain/board'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNote } from '../../components/ErrorNote'
import { StudyScope } from '../../components/StudyScope'
import { navigate, routeHref } from '../../app/router'
import { fmtDateTime } from '../../lib/format'
import { useApi, useApiMutation } from '../../lib/queries'
import { BoardDeleteDialog } from './BoardDeleteDialog'
import { NewBoardDialog } from './NewBoardDialog'

/** Every study's journey boards, filtered by study and searched by name, with create, duplicate and delete. */
export function BoardList() {
  const { t } = useTranslation()
  const [studyId, setStudyId] = useState('')
  const [search, setSearch] = useState('')
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<string | null>(null)
  const input =
    studyId || search ? { ...(studyId ? { studyId } : {}), ...(search ? { search } : {}) } : undefined
  const boards = useApi('boards:list', input)
  const duplicate = useApiMutation('boards:duplicate')
  const [done, setDone] = useState('')

  return (
    <div className="page boards-page">
      <header className="page-header boards-list-header">
        <h1 id="boards-h">{t('nav.boards')}</h1>
        <button type="button" onClick={() => setCreating(true)}>
          {t('boards.list.new')}
        </button>
      </header>
      <p className="lede">{t('boards.list.lede')}</p>
      <div className="toolbar boards-filter">
        <StudyScope value={studyId} onChange={setStudyId} />
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('common.search')}
          aria-label={t('boards.list.search')}
        />
      </div>
      <ErrorNote error={boards.error ?? duplicate.error} />
      <p className="visually-hidden" role="status">
        {done}
      </p>
      {boards.data?.length === 0 &&
        (studyId || search ? (
          <p className="hint">{t('boards.list.noMatch')}</p>
        ) : (
          <EmptyState title={t('boards.list.emptyTitle')}>
            <p>{t('boards.list.emptyHelp')}</p>
            <button type="button" onClick={() => setCreating(true)}>
              {t('boards.list.createFirst')}
            </button>
          </EmptyState>
        ))}
      {boards.data && boards.data.length > 0 && (
        <ul className="board-list" aria-labelledby="boards-h">
          {boards.data.map((b) => (
            <BoardRow
              key={b.id}
              board={b}
              busy={duplicate.isPending}
              onDuplicate={() =>
                duplicate.mutate(
                  { id: b.id, name: t('boards.list.copyName', { name: b.name }) },
                  { onSuccess: (copy) => setDone(t('boards.list.duplicated', { name: copy.name })) },
                )
              }
              onDelete={() => setDeleting(b.id)}
            />
          ))}
        </ul>
      )}
      {creating && (
        <NewBoardDialog
          studyId={studyId}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate({ name: 'boards', id })}
        />
      )}
      {deleting && (
        <BoardDeleteDialog
          id={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(name) => setDone(t('boards.list.deleted', { name }))}
        />
      )}
    </div>
  )
}

function BoardRow({
  board: b,
  busy,
  onDuplicate,
  onDelete,
}: {
  board: BoardSummary
  busy: boolean
  onDuplicate: () => void
  onDelete: () => void
}) {
  const { t } = useTranslation()
  return (
    <li className="board-row card">
      <div>
        <a className="item-title" href={routeHref({ name: 'boards', id: b.id })}>
          {b.name}
        </a>
        <div className="item-meta">
          {b.studyName}
          {b.segment && ` · ${t(`common.split.${b.segment}`)}`}
          {b.persona && ` · ${t('boards.list.persona', { persona: b.persona })}`}
          {' · '}
          {t('boards.list.stages', { count: b.stages })} · {t('boards.list.cards', { count: b.cards })}
          {' · '}
          {t('boards.list.updated', { at: fmtDateTime(b.updatedAt) })}
        </div>
        {b.description && <p className="hint">{b.description}</p>}
      </div>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={onDuplicate}
          aria-label={t('boards.list.duplicateNamed', { name: b.name })}
        >
          {t('boards.list.duplicate')}
        </button>
        <button
          type="button"
          className="danger secondary"
          onClick={onDelete}
          aria-label={t('boards.list.deleteNamed', { name: b.name })}
        >
          {t('common.delete')}
        </button>
      </div>
    </li>
  )
}
