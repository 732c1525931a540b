import { memo } from 'react'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { useTranslation } from 'react-i18next'
import type { BoardLane, BoardStage } from '../../../../shared/domain/board'
import { dragId } from './board-dnd'

export interface AxisActions {
  inspect(kind: 'stage' | 'lane', id: string): void
  move(kind: 'stage' | 'lane', id: string, by: number): void
  hide(kind: 'stage' | 'lane', id: string): void
}

interface Props {
  kind: 'stage' | 'lane'
  item: BoardStage | BoardLane
  row: number
  col: number
  locked: boolean
  /** The type being dragged, if any: a header takes drops only from its own kind. */
  dragging: string | null
  current: boolean
  actions: AxisActions
  /** What kind of lane it is, under its name, when the cards do not say. */
  hint?: string
}

/**
 * A stage's column header or a lane's row header: its name (opens its settings), a handle that drags it
 * (or, focused, Space picks it up and arrows carry it; Alt+arrows move it one place), and Hide.
 */
export const AxisHeader = memo(function AxisHeader(props: Props) {
  const { kind, item, row, col, locked, dragging, current, actions, hint } = props
  const { t } = useTranslation()
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: kind === 'stage' ? dragId.stage(item.id) : dragId.lane(item.id),
      data: { type: kind, id: item.id },
      disabled: { draggable: locked, droppable: dragging !== kind },
    })
  const style: React.CSSProperties = {
    gridRow: row,
    gridColumn: col,
    transform: CSS.Translate.toString(transform),
    transition,
  }
  const back = kind === 'stage' ? 'ArrowLeft' : 'ArrowUp'
  const forward = kind === 'stage' ? 'ArrowRight' : 'ArrowDown'
  return (
    <div
      ref={setNodeRef}
      role={kind === 'stage' ? 'columnheader' : 'rowheader'}
      className={`board-axis ${kind}-header${isDragging ? ' dragging' : ''}${current ? ' current' : ''}`}
      style={style}
    >
      {locked ? (
        <span className="axis-name">{item.name}</span>
      ) : (
        <>
          <button
            type="button"
            className="axis-handle icon"
            ref={setActivatorNodeRef}
            data-handle={`${kind}:${item.id}`}
            {...attributes}
            {...listeners}
            aria-label={t(`boards.${kind}.handle`, { name: item.name })}
            onKeyDown={(e) => {
              if (e.altKey && (e.key === back || e.key === forward)) {
                e.preventDefault()
                actions.move(kind, item.id, e.key === back ? -1 : 1)
                return
              }
              listeners?.onKeyDown?.(e)
            }}
          >
            ⠿
          </button>
          <button
            type="button"
            className="axis-name link-button"
            aria-label={t(`boards.${kind}.settings`, { name: item.name })}
            onClick={() => actions.inspect(kind, item.id)}
          >
            {item.name}
          </button>
          <button
            type="button"
            className="axis-hide icon"
            aria-label={t(`boards.${kind}.hide`, { name: item.name })}
            title={t(`boards.${kind}.hide`, { name: item.name })}
            onClick={() => actions.hide(kind, item.id)}
          >
            ⊘
          </button>
        </>
      )}
      {hint && <span className="lane-kind hint">{hint}</span>}
    </div>
  )
})
