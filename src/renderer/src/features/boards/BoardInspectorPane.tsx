import { useTranslation } from 'react-i18next'
import type { Board, BoardCard, BoardContent } from '../../../../shared/domain/board'
import { useApi } from '../../lib/queries'
import { AxisInspector } from './AxisInspector'
import { CardInspector } from './CardInspector'
import type { useEditorActions } from './useEditorActions'
import type { BoardView } from './useBoardView'

interface Props {
  board: Board
  content: BoardContent
  view: BoardView
  actions: ReturnType<typeof useEditorActions>
  onLinkEvidence: (card: BoardCard) => void
}

/** Beside the board: the settings of the chosen stage or lane, or the selected card's details. */
export function BoardInspectorPane({ board, content, view, actions, onLinkEvidence }: Props) {
  const { t } = useTranslation()
  const selected = view.selection.size === 1 ? content.cards.find((c) => view.selection.has(c.id)) : undefined
  const cited = selected?.evidence.length ?? 0
  const quotes = useApi('evidence:list', { studyId: board.studyId, limit: 500 }, { enabled: cited > 0 })
  const byId = new Map((quotes.data?.rows ?? []).map((r) => [r.highlightId, r]))

  if (view.inspect) {
    const { kind, id } = view.inspect
    const item =
      kind === 'stage' ? content.stages.find((s) => s.id === id) : content.lanes.find((l) => l.id === id)
    if (!item) return null
    return (
      <AxisInspector
        kind={kind}
        item={item}
        content={content}
        onChange={(patch) =>
          kind === 'stage' ? actions.updateStage(id, patch) : actions.updateLane(id, patch)
        }
        onMove={(by) => actions.moveAxis(kind, id, by)}
        onDelete={() => {
          actions.edit(kind === 'stage' ? { type: 'deleteStage', id } : { type: 'deleteLane', id })
          view.setInspect(null)
          actions.announce(t('boards.announce.axisDeleted', { name: item.name }))
        }}
      />
    )
  }
  const lane = selected && content.lanes.find((l) => l.id === selected.laneId)
  if (selected && lane)
    return (
      <CardInspector
        key={selected.id}
        board={board}
        card={selected}
        lane={lane}
        content={content}
        quotes={byId}
        onChange={(patch) => actions.edit({ type: 'updateCard', id: selected.id, patch })}
        onLinkEvidence={() => onLinkEvidence(selected)}
        onDelete={() => actions.deleteCards([selected.id])}
      />
    )
  return (
    <section className="inspector hint-pane">
      <h2>{t('boards.inspector.none')}</h2>
      <p className="hint">{t('boards.inspector.noneHelp')}</p>
      <details className="board-keys">
        <summary>{t('boards.keys.title')}</summary>
        <ul className="plain-list">
          {(
            ['arrows', 'enter', 'escape', 'alt', 'altShift', 'space', 'ctrlSpace', 'delete', 'undo'] as const
          ).map((k) => (
            <li key={k}>{t(`boards.keys.${k}`)}</li>
          ))}
        </ul>
      </details>
    </section>
  )
}
