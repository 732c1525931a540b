import { useDraggable, useDroppable } from '@dnd-kit/core'
import { memo, useCallback, useContext, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isAssumption, type BoardCard as Card, type LaneKind } from '../../../../shared/domain/board'
import { boardRenders } from './board-renders'
import { CardDropContext, dragId, type DragData } from './board-dnd'

/** What a card can ask of the editor; one stable object, so it never defeats the card's memo. */
export interface CardActions {
  click(cardId: string, e: React.MouseEvent): void
  startEdit(cardId: string): void
  commitText(cardId: string, text: string): void
  cancelEdit(): void
  showEvidence(cardId: string): void
}

interface Props {
  card: Card
  kind: LaneKind
  selected: boolean
  editing: boolean
  locked: boolean
  /** Companies behind the card's citations (from boards:insights); 0 while unknown. */
  companies: number
  actions: CardActions
}

/**
 * One card. Memoized on its props, and the editor keeps an untouched card the same object, so moving one
 * card re-renders only the cards whose place changed (the benchmark counts renders in board-renders.ts).
 */
export const BoardCard = memo(function BoardCard(props: Props) {
  const { card, kind, selected, editing, locked, companies, actions } = props
  const { t } = useTranslation()
  const droppable = useContext(CardDropContext)
  const data: DragData = { type: 'card', cardId: card.id, laneId: card.laneId, stageId: card.stageId }
  const drag = useDraggable({
    id: dragId.card(card.id),
    data,
    disabled: locked || editing,
    attributes: { tabIndex: -1, roleDescription: t('boards.dnd.card') },
  })
  const drop = useDroppable({ id: dragId.card(card.id), data, disabled: !droppable || locked })
  const { setNodeRef: setDrag } = drag
  const { setNodeRef: setDrop } = drop
  const ref = useCallback((node: HTMLElement | null) => (setDrag(node), setDrop(node)), [setDrag, setDrop])
  useEffect(() => {
    boardRenders.count++
  })

  const classes = ['board-card', `kind-${kind}`]
  if (selected) classes.push('selected')
  if (drag.isDragging) classes.push('dragging')
  const quoting = (drop.active?.data.current as DragData | undefined)?.type === 'quote'
  if (drop.isOver && !drag.isDragging) classes.push(quoting ? 'drop-quote' : 'drop-before')
  const assumption = isAssumption(card, kind)
  if (assumption) classes.push('assumption')

  return (
    <div
      ref={ref}
      className={classes.join(' ')}
      data-card-id={card.id}
      {...drag.attributes}
      {...(editing ? {} : drag.listeners)}
      // Modified keys (Ctrl+Space selects) are the board's, not a pick-up.
      onKeyDown={(e) => {
        if (!editing && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.metaKey) drag.listeners?.onKeyDown?.(e)
      }}
      onClick={(e) => actions.click(card.id, e)}
      onDoubleClick={() => !locked && actions.startEdit(card.id)}
    >
      {editing ? (
        <CardTextEditor
          initial={card.text}
          label={t('boards.card.editLabel')}
          onCommit={(text) => actions.commitText(card.id, text)}
          onCancel={actions.cancelEdit}
        />
      ) : (
        <CardBody card={card} kind={kind} />
      )}
      {selected && <span className="visually-hidden">{t('boards.card.selected')}</span>}
      {card.evidence.length > 0 ? (
        <button
          type="button"
          tabIndex={-1}
          className="card-backing"
          onClick={(e) => (e.stopPropagation(), actions.showEvidence(card.id))}
        >
          {companies > 0
            ? t('boards.card.companies', { count: companies })
            : t('common.quotes', { count: card.evidence.length })}
        </button>
      ) : (
        assumption && <span className="card-assumption">{t('boards.card.assumption')}</span>
      )}
    </div>
  )
})

function CardBody({ card, kind }: { card: Card; kind: LaneKind }) {
  const { t } = useTranslation()
  return (
    <>
      {card.text ? (
        <p className="card-text">{card.text}</p>
      ) : card.teams.length === 0 ? (
        <p className="card-text hint">{t('boards.card.empty')}</p>
      ) : null}
      {card.channel && card.channel !== card.text && <p className="card-channel">{card.channel}</p>}
      {card.teams.length > 0 && (
        <ul className="card-teams" aria-label={t('boards.card.teams')}>
          {card.teams.map((team) => (
            <li key={team} className={`team-chip team-${team}`}>
              {t(`boards.team.${team}`)}
            </li>
          ))}
        </ul>
      )}
      {kind === 'opportunities' && (card.priority || card.status || card.owner) && (
        <p className="card-opportunity">
          {card.priority && (
            <span className={`badge priority-${card.priority}`}>{t(`boards.priority.${card.priority}`)}</span>
          )}
          {card.status && <span className="badge">{t(`boards.status.${card.status}`)}</span>}
          {card.owner && <span className="card-owner">{card.owner}</span>}
        </p>
      )}
    </>
  )
}

/** The card's text in place: Enter keeps it, Shift+Enter starts a new line, Escape leaves it as it was. */
export function CardTextEditor({
  initial,
  label,
  onCommit,
  onCancel,
}: {
  initial: string
  label: string
  onCommit: (text: string) => void
  onCancel: () => void
}) {
  const [text, setText] = useState(initial)
  const [done, setDone] = useState(false)
  const finish = (keep: boolean) => {
    if (done) return
    setDone(true)
    if (keep) onCommit(text.trim())
    else onCancel()
  }
  return (
    <textarea
      className="card-editor"
      aria-label={label}
      value={text}
      maxLength={4000}
      rows={Math.min(8, Math.max(2, text.split('\n').length))}
      autoFocus
      onChange={(e) => setText(e.target.value)}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault()
          finish(true)
        } else if (e.key === 'Escape') {
          e.preventDefault()
          finish(false)
        }
      }}
      onBlur={() => finish(true)}
    />
  )
}
