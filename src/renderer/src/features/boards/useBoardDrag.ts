import type { Announcements, DragEndEvent, DragStartEvent, ScreenReaderInstructions } from '@dnd-kit/core'
import { useMemo, useRef, useState, useLayoutEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardContent } from '../../../../shared/domain/board'
import type { HistoryAction } from './board-history'
import { dropEdit, type DragData } from './board-dnd'

const dataOf = (x: { data: { current?: unknown } } | null | undefined) =>
  x?.data.current as DragData | undefined

/**
 * Drag and drop on the board: what is being dragged, the edit a drop makes, and what a screen reader hears
 * at each step (in the user's language, naming the card, lane and stage).
 */
export function useBoardDrag(
  content: BoardContent,
  dispatch: (a: HistoryAction) => void,
  focusLater: (s: string) => void,
) {
  const { t } = useTranslation()
  const [active, setActive] = useState<DragData | null>(null)
  const latest = useRef(content)
  useLayoutEffect(() => {
    latest.current = content
  })

  const handlers = useMemo(() => {
    const describe = (d: DragData | undefined): string => {
      const c = latest.current
      if (!d) return ''
      const stage = (id: string) => c.stages.find((s) => s.id === id)?.name ?? ''
      const lane = (id: string) => c.lanes.find((l) => l.id === id)?.name ?? ''
      switch (d.type) {
        case 'card':
          return t('boards.dnd.cardAt', {
            text: c.cards.find((x) => x.id === d.cardId)?.text.slice(0, 60) ?? '',
            lane: lane(d.laneId),
            stage: stage(d.stageId),
          })
        case 'cell':
          return t('boards.dnd.cell', { lane: lane(d.laneId), stage: stage(d.stageId) })
        case 'stage':
          return t('boards.dnd.stage', { name: stage(d.id) })
        case 'lane':
          return t('boards.dnd.lane', { name: lane(d.id) })
        case 'quote':
          return t('boards.dnd.quote', { text: d.quote.slice(0, 60) })
      }
    }
    const announcements: Announcements = {
      onDragStart: ({ active }) => t('boards.dnd.start', { what: describe(dataOf(active)) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('boards.dnd.over', { what: describe(dataOf(active)), where: describe(dataOf(over)) })
          : t('boards.dnd.nowhere', { what: describe(dataOf(active)) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('boards.dnd.end', { what: describe(dataOf(active)), where: describe(dataOf(over)) })
          : t('boards.dnd.cancel', { what: describe(dataOf(active)) }),
      onDragCancel: ({ active }) => t('boards.dnd.cancel', { what: describe(dataOf(active)) }),
    }
    const screenReaderInstructions: ScreenReaderInstructions = { draggable: t('boards.dnd.instructions') }
    return {
      accessibility: { announcements, screenReaderInstructions },
      onDragStart: (e: DragStartEvent) => setActive(dataOf(e.active) ?? null),
      onDragCancel: () => setActive(null),
      onDragEnd: (e: DragEndEvent) => {
        setActive(null)
        const from = dataOf(e.active)
        const edit = from ? dropEdit(latest.current, from, dataOf(e.over)) : null
        if (!edit) return
        dispatch({ type: 'edit', edit })
        if (from?.type === 'card') focusLater(`[data-card-id="${from.cardId}"]`)
        if (from?.type === 'quote' && edit.type === 'updateCard') focusLater(`[data-card-id="${edit.id}"]`)
      },
    }
  }, [dispatch, focusLater, t])

  return { active, ...handlers }
}
