import { useTranslation } from 'react-i18next'
import {
  TEAMS,
  type Board,
  type BoardContent,
  type BoardInsights,
  type Team,
} from '../../../../shared/domain/board'
import { routeHref } from '../../app/router'
import { BoardExportMenu } from './BoardExportMenu'
import { SaveStatus } from './SaveStatus'
import type { BoardSaveState } from './useBoardDocument'
import type { BoardView } from './useBoardView'

const NO_LANES: ReadonlySet<string> = new Set()

interface Props {
  board: Board
  content: BoardContent
  insights: BoardInsights | undefined
  view: BoardView
  save: { state: BoardSaveState; error: unknown }
  canUndo: boolean
  canRedo: boolean
  onUndo: () => void
  onRedo: () => void
  onReload: () => void
  onDeleteSelection: () => void
  onCopySelection: () => void
  onShow: (kind: 'stage' | 'lane', id: string) => void
}

/** The editor's header: name, saved state, undo and redo, the team filter, presentation, the selection. */
export function BoardToolbar(p: Props) {
  const { t } = useTranslation()
  const { view, board, content } = p
  const hiddenStages = content.stages.filter((s) => s.hidden)
  const hiddenLanes = content.lanes.filter((l) => l.hidden)
  return (
    <header className="board-toolbar">
      <div className="board-title">
        {!view.presenting && (
          <a className="back-link" href={routeHref({ name: 'boards' })}>
            {t('boards.editor.back')}
          </a>
        )}
        <h1>{board.name}</h1>
        <span className="item-meta">
          {board.studyName}
          {board.segment && ` · ${t(`common.split.${board.segment}`)}`}
          {board.persona && ` · ${t('boards.list.persona', { persona: board.persona })}`}
        </span>
        {!view.presenting && <SaveStatus {...p.save} onReload={p.onReload} />}
      </div>
      <div className="board-controls" role="toolbar" aria-label={t('boards.editor.toolbar')}>
        {!view.presenting && (
          <>
            <button
              type="button"
              className="secondary"
              disabled={!p.canUndo}
              onClick={p.onUndo}
              title="Ctrl+Z"
            >
              {t('boards.editor.undo')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!p.canRedo}
              onClick={p.onRedo}
              title="Ctrl+Shift+Z"
            >
              {t('boards.editor.redo')}
            </button>
          </>
        )}
        <label className="inline-label">
          {t('boards.editor.team')}
          <select value={view.team} onChange={(e) => view.setTeam(e.target.value as Team | '')}>
            <option value="">{t('boards.editor.allTeams')}</option>
            {TEAMS.map((team) => (
              <option key={team} value={team}>
                {t(`boards.team.${team}`)}
              </option>
            ))}
          </select>
        </label>
        {view.presenting && (
          <details className="present-lanes">
            <summary>{t('boards.present.lanes')}</summary>
            <fieldset>
              <legend className="visually-hidden">{t('boards.present.lanes')}</legend>
              {content.lanes
                .filter((l) => !l.hidden)
                .map((l) => (
                  <label key={l.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={!view.leftOut.has(l.id)}
                      onChange={() => {
                        const next = new Set(view.leftOut)
                        if (next.has(l.id)) next.delete(l.id)
                        else next.add(l.id)
                        view.setLeftOut(next)
                      }}
                    />
                    {l.name}
                  </label>
                ))}
            </fieldset>
          </details>
        )}
        <BoardExportMenu
          board={board}
          content={content}
          insights={p.insights}
          leftOut={view.presenting ? view.leftOut : NO_LANES}
        />
        <button
          type="button"
          aria-pressed={view.presenting}
          onClick={() => view.setPresenting(!view.presenting)}
        >
          {view.presenting ? t('boards.present.exit') : t('boards.present.enter')}
        </button>
      </div>
      {!view.presenting && view.selection.size > 1 && (
        <div className="board-selection" role="group" aria-label={t('boards.selection.label')}>
          <span>{t('boards.selection.count', { count: view.selection.size })}</span>
          <button type="button" className="secondary" onClick={p.onCopySelection}>
            {t('boards.selection.copy')}
          </button>
          <button type="button" className="danger secondary" onClick={p.onDeleteSelection}>
            {t('boards.selection.delete')}
          </button>
          <button type="button" className="secondary" onClick={() => view.setSelection(new Set())}>
            {t('boards.selection.clear')}
          </button>
        </div>
      )}
      {!view.presenting && hiddenStages.length + hiddenLanes.length > 0 && (
        <div className="board-hidden" role="group" aria-label={t('boards.hidden.label')}>
          <span className="hint">{t('boards.hidden.label')}</span>
          {[
            ...hiddenStages.map((s) => ['stage', s] as const),
            ...hiddenLanes.map((l) => ['lane', l] as const),
          ].map(([kind, item]) => (
            <button
              key={item.id}
              type="button"
              className="secondary small"
              onClick={() => p.onShow(kind, item.id)}
            >
              {t('boards.hidden.show', { name: item.name })}
            </button>
          ))}
        </div>
      )}
    </header>
  )
}
