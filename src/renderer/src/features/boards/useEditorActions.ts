import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardContent, BoardLane, BoardStage } from '../../../../shared/domain/board'
import type { AxisActions } from './AxisHeader'
import type { CardActions } from './BoardCard'
import type { CellActions } from './BoardCell'
import type { HistoryAction } from './board-history'
import { blankCard, blankStage, newBoardId, type BoardEdit } from './content-ops'
import { cellKey, gridKey, type GridIntent } from './grid-keys'
import type { BoardView } from './useBoardView'

const cardSelector = (id: string) => `[data-card-id="${id}"]`
const cellSelector = (key: string) => `[data-cell="${key}"]`

/**
 * Everything the editor does on a click or a key, as stable callbacks that read the latest state from a ref:
 * the card components get the same action objects on every render, so their memo holds.
 */
export function useEditorActions(
  content: BoardContent,
  view: BoardView,
  dispatch: (a: HistoryAction) => void,
  gridRef: React.RefObject<HTMLDivElement | null>,
) {
  const { t } = useTranslation()
  const pendingFocus = useRef<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const latest = useRef({ content, view })
  useLayoutEffect(() => {
    latest.current = { content, view }
  })
  // A focus asked for before a render that moves or adds the element: given once it is in place.
  useLayoutEffect(() => {
    const selector = pendingFocus.current
    const el = selector ? gridRef.current?.ownerDocument.querySelector<HTMLElement>(selector) : null
    if (el) {
      pendingFocus.current = null
      el.focus()
    }
  })

  const actions = useMemo(() => {
    const now = () => latest.current
    const focusLater = (selector: string) => (pendingFocus.current = selector)
    const focusNow = (selector: string) => {
      const el = gridRef.current?.querySelector<HTMLElement>(selector)
      if (el) el.focus()
      else focusLater(selector)
    }
    const edit = (e: BoardEdit) => dispatch({ type: 'edit', edit: e })
    const names = (laneId: string, stageId: string) => ({
      lane: now().content.lanes.find((l) => l.id === laneId)?.name ?? '',
      stage: now().content.stages.find((s) => s.id === stageId)?.name ?? '',
    })
    const cardById = (id: string) => now().content.cards.find((c) => c.id === id)

    const deleteCards = (ids: readonly string[]) => {
      if (!ids.length) return
      dispatch({ type: 'edit', edit: { type: 'deleteCards', ids } })
      now().view.setSelection(new Set())
      setAnnouncement(t('boards.announce.deleted', { count: ids.length }))
    }

    const cardActions: CardActions = {
      click(cardId, e) {
        const { view } = now()
        const card = cardById(cardId)
        if (card) view.setActiveCell(cellKey(card.laneId, card.stageId))
        view.setInspect(null)
        if (e.shiftKey || e.ctrlKey || e.metaKey) {
          const next = new Set(view.selection)
          if (next.has(cardId)) next.delete(cardId)
          else next.add(cardId)
          view.setSelection(next)
        } else view.setSelection(new Set([cardId]))
      },
      startEdit: (cardId) => now().view.setEditingId(cardId),
      commitText(cardId, text) {
        now().view.setEditingId(null)
        if (cardById(cardId)?.text !== text) edit({ type: 'updateCard', id: cardId, patch: { text } })
        focusLater(cardSelector(cardId))
      },
      cancelEdit() {
        const id = now().view.editingId
        now().view.setEditingId(null)
        if (id) focusLater(cardSelector(id))
      },
      showEvidence(cardId) {
        now().view.setInspect(null)
        now().view.setSelection(new Set([cardId]))
      },
    }

    const cellActions: CellActions = {
      focusCell: (laneId, stageId) => now().view.setActiveCell(cellKey(laneId, stageId)),
      startDraft: (laneId, stageId) => now().view.setDraft(cellKey(laneId, stageId)),
      commitDraft(laneId, stageId, text) {
        now().view.setDraft(null)
        if (!text) return focusLater(cellSelector(cellKey(laneId, stageId)))
        const card = blankCard(laneId, stageId, text)
        edit({ type: 'addCard', card })
        now().view.setSelection(new Set([card.id]))
        focusLater(cardSelector(card.id))
        setAnnouncement(t('boards.announce.added', names(laneId, stageId)))
      },
      cancelDraft() {
        const key = now().view.draft
        now().view.setDraft(null)
        if (key) focusLater(cellSelector(key))
      },
    }

    /** Moves a stage or lane `by` places among those shown (a hidden one in between does not count). */
    const moveAxis = (kind: 'stage' | 'lane', id: string, by: number) => {
      const list: readonly (BoardStage | BoardLane)[] =
        kind === 'stage' ? now().content.stages : now().content.lanes
      const shown = list.filter((x) => !x.hidden || x.id === id)
      const neighbour = shown[shown.findIndex((x) => x.id === id) + by]
      if (!neighbour) return
      const to = list.findIndex((x) => x.id === neighbour.id)
      edit(kind === 'stage' ? { type: 'moveStage', id, to } : { type: 'moveLane', id, to })
      focusLater(`[data-handle="${kind}:${id}"]`)
    }

    const axisActions: AxisActions = {
      inspect(kind, id) {
        now().view.setSelection(new Set())
        now().view.setInspect({ kind, id })
      },
      move: moveAxis,
      hide(kind, id) {
        edit(
          kind === 'stage'
            ? { type: 'updateStage', id, patch: { hidden: true } }
            : { type: 'updateLane', id, patch: { hidden: true } },
        )
        const list: readonly { id: string; name: string }[] =
          kind === 'stage' ? now().content.stages : now().content.lanes
        setAnnouncement(t('boards.announce.hidden', { name: list.find((x) => x.id === id)?.name ?? '' }))
      },
    }

    const run = (intent: GridIntent) => {
      const { view } = now()
      switch (intent.kind) {
        case 'focusCell':
          view.setActiveCell(cellKey(intent.laneId, intent.stageId))
          return focusNow(cellSelector(cellKey(intent.laneId, intent.stageId)))
        case 'focusCard': {
          const card = cardById(intent.cardId)
          if (card) view.setActiveCell(cellKey(card.laneId, card.stageId))
          view.setInspect(null)
          view.setSelection(new Set([intent.cardId]))
          return focusNow(cardSelector(intent.cardId))
        }
        case 'toggleSelect': {
          const next = new Set(view.selection)
          if (next.has(intent.cardId)) next.delete(intent.cardId)
          else next.add(intent.cardId)
          return view.setSelection(next)
        }
        case 'editCard':
          return view.presenting ? undefined : view.setEditingId(intent.cardId)
        case 'draft':
          return view.presenting ? undefined : view.setDraft(cellKey(intent.laneId, intent.stageId))
        case 'delete': {
          if (view.presenting) return
          const card = cardById(intent.cardId)
          deleteCards(view.selection.has(intent.cardId) ? [...view.selection] : [intent.cardId])
          if (card) focusLater(cellSelector(cellKey(card.laneId, card.stageId)))
          return
        }
        case 'move': {
          if (view.presenting || intent.edit.type !== 'moveCard') return
          edit(intent.edit)
          view.setActiveCell(cellKey(intent.edit.laneId, intent.edit.stageId))
          focusLater(cardSelector(intent.cardId))
          return setAnnouncement(t('boards.announce.moved', names(intent.edit.laneId, intent.edit.stageId)))
        }
      }
    }

    const onGridKeyDown = (e: React.KeyboardEvent) => {
      const el = e.target as HTMLElement
      if (['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(el.tagName)) return
      const cardEl = el.closest<HTMLElement>('[data-card-id]')
      const cellEl = el.closest<HTMLElement>('[data-cell]')
      const card = cardEl ? cardById(cardEl.dataset['cardId'] ?? '') : undefined
      const [laneId = '', stageId = ''] = (cellEl?.dataset['cell'] ?? '').split(':')
      const target = card ? { card } : cellEl ? { cell: { laneId, stageId } } : null
      if (!target) return
      const intent = gridKey(e, target, now().view.layout)
      if (!intent) return
      e.preventDefault()
      run(intent)
    }

    return {
      cardActions,
      cellActions,
      axisActions,
      onGridKeyDown,
      deleteCards,
      moveAxis,
      focusLater,
      announce: setAnnouncement,
      addStage() {
        const stage = blankStage(t('boards.stage.newName'))
        edit({ type: 'addStage', stage })
        now().view.setInspect({ kind: 'stage', id: stage.id })
      },
      addLane(lane: Pick<BoardLane, 'kind' | 'name'>) {
        edit({ type: 'addLane', lane: { id: newBoardId(), hidden: false, ...lane } })
        setAnnouncement(t('boards.announce.laneAdded', { name: lane.name }))
      },
      updateStage: (id: string, patch: Partial<BoardStage>) => edit({ type: 'updateStage', id, patch }),
      updateLane: (id: string, patch: Partial<BoardLane>) => edit({ type: 'updateLane', id, patch }),
      edit,
    }
  }, [dispatch, gridRef, t])
  return { ...actions, announcement }
}
