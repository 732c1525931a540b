import { DndContext, DragOverlay } from '@dnd-kit/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardCard } from '../../../../shared/domain/board'
import { isTypingOrModal } from '../../app/useGlobalShortcuts'
import { ErrorNote } from '../../components/ErrorNote'
import { useApi } from '../../lib/queries'
import { boardCollisions, CardDropContext, useBoardSensors } from './board-dnd'
import { BoardGrid } from './BoardGrid'
import { BoardInspectorPane } from './BoardInspectorPane'
import { BoardToolbar } from './BoardToolbar'
import { CopyCardsDialog } from './CopyCardsDialog'
import { EvidencePicker } from './EvidencePicker'
import { useBoardDocument } from './useBoardDocument'
import { useBoardDrag } from './useBoardDrag'
import { useBoardView } from './useBoardView'
import { useEditorActions } from './useEditorActions'

/** Text fields undo their own typing; a dialog's keys are its own. Elsewhere Ctrl+Z undoes a board edit. */
function ownUndo(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]')) return true
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
}

/**
 * One journey board: the editor's copy in local state (undo, redo, autosave in useBoardDocument), drawn as a
 * grid of stages and lanes with what Fieldnote computes from the evidence (boards:insights) filled in.
 */
export function BoardEditor({ id }: { id: string }) {
  const { t } = useTranslation()
  const doc = useBoardDocument(id)
  const insights = useApi('boards:insights', { id })
  const { content, dispatch } = doc
  const view = useBoardView(content, insights.data)
  const gridRef = useRef<HTMLDivElement>(null)
  const actions = useEditorActions(content, view, dispatch, gridRef)
  const drag = useBoardDrag(content, dispatch, actions.focusLater)
  const sensors = useBoardSensors()
  const [picking, setPicking] = useState<BoardCard | null>(null)
  const [copying, setCopying] = useState(false)
  const { presenting, setPresenting } = view

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (presenting && e.key === 'Escape' && !isTypingOrModal(e.target)) return setPresenting(false)
      if (!(e.ctrlKey || e.metaKey) || e.altKey || ownUndo(e.target)) return
      const key = e.key.toLowerCase()
      if (key === 'z' || key === 'y') {
        e.preventDefault()
        dispatch({ type: key === 'y' || e.shiftKey ? 'redo' : 'undo' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [dispatch, presenting, setPresenting])

  if (doc.loadError) return <ErrorNote error={doc.loadError} />
  const board = doc.board
  if (!board) return <p className="page">{t('common.loading')}</p>
  const active = drag.active
  const dragged = active?.type === 'card' ? content.cards.find((c) => c.id === active.cardId) : null
  const pickedCard = picking && content.cards.find((c) => c.id === picking.id)

  return (
    <div className={`board-editor${presenting ? ' presenting' : ''}`}>
      <BoardToolbar
        board={board}
        content={content}
        insights={insights.data}
        view={view}
        save={doc.save}
        canUndo={doc.canUndo}
        canRedo={doc.canRedo}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        onReload={() => void doc.reload()}
        onDeleteSelection={() => actions.deleteCards([...view.selection])}
        onCopySelection={() => setCopying(true)}
        onShow={(kind, itemId) =>
          kind === 'stage'
            ? actions.updateStage(itemId, { hidden: false })
            : actions.updateLane(itemId, { hidden: false })
        }
      />
      <ErrorNote error={insights.error} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {actions.announcement}
      </p>
      <div className="board-body">
        <div className="board-scroll" ref={gridRef}>
          <DndContext
            sensors={sensors}
            collisionDetection={boardCollisions}
            accessibility={drag.accessibility}
            onDragStart={drag.onDragStart}
            onDragEnd={drag.onDragEnd}
            onDragCancel={drag.onDragCancel}
          >
            <CardDropContext.Provider value={drag.active?.type !== 'stage' && drag.active?.type !== 'lane'}>
              <BoardGrid
                label={board.name}
                layout={view.layout}
                insights={view.insights}
                points={view.points}
                backing={view.backing}
                selection={view.selection}
                editingId={view.editingId}
                draft={view.draft}
                activeCell={view.activeCell}
                locked={presenting}
                dragging={drag.active?.type ?? null}
                current={view.inspect?.id ?? null}
                cardActions={actions.cardActions}
                cellActions={actions.cellActions}
                axisActions={actions.axisActions}
                onStageEmotion={actions.updateStage}
                onAddStage={actions.addStage}
                onAddLane={actions.addLane}
                onKeyDown={actions.onGridKeyDown}
              />
            </CardDropContext.Provider>
            <DragOverlay>
              {dragged ? <div className="board-card overlay">{dragged.text}</div> : null}
              {active?.type === 'quote' ? (
                <blockquote className="quote-overlay">{active.quote}</blockquote>
              ) : null}
            </DragOverlay>
          </DndContext>
        </div>
        {!presenting && (
          <aside className="board-inspector" aria-label={t('boards.inspector.label')}>
            <BoardInspectorPane
              board={board}
              content={content}
              view={view}
              actions={actions}
              onLinkEvidence={setPicking}
            />
          </aside>
        )}
      </div>
      {pickedCard && (
        <EvidencePicker
          studyId={board.studyId}
          defaultTagId={content.stages.find((s) => s.id === pickedCard.stageId)?.tagId ?? null}
          cited={pickedCard.evidence}
          onToggle={(highlightId) =>
            actions.edit({
              type: 'updateCard',
              id: pickedCard.id,
              patch: {
                evidence: pickedCard.evidence.includes(highlightId)
                  ? pickedCard.evidence.filter((x) => x !== highlightId)
                  : [...pickedCard.evidence, highlightId],
              },
            })
          }
          onClose={() => setPicking(null)}
        />
      )}
      {copying && (
        <CopyCardsDialog
          boardId={id}
          cardIds={[...view.selection]}
          beforeCopy={doc.flush}
          onClose={() => setCopying(false)}
        />
      )}
    </div>
  )
}
