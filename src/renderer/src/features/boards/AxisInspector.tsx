import { useTranslation } from 'react-i18next'
import type { BoardContent, BoardLane, BoardStage } from '../../../../shared/domain/board'
import { useApi } from '../../lib/queries'
import { CommitField } from './CardInspector'

interface Props {
  kind: 'stage' | 'lane'
  item: BoardStage | BoardLane
  content: BoardContent
  onChange: (patch: Partial<BoardStage> | Partial<BoardLane>) => void
  onMove: (by: number) => void
  onDelete: () => void
}

/** A stage's or lane's settings: name, order, hidden, delete; a stage also its journey-stage tag and note. */
export function AxisInspector({ kind, item, content, onChange, onMove, onDelete }: Props) {
  const { t } = useTranslation()
  const tags = useApi('tags:list', { kind: 'journey_stage' }, { enabled: kind === 'stage' })
  const cards = content.cards.filter((c) => (kind === 'stage' ? c.stageId : c.laneId) === item.id).length
  const list: readonly { id: string }[] = kind === 'stage' ? content.stages : content.lanes
  const at = list.findIndex((x) => x.id === item.id)
  const stage = kind === 'stage' ? (item as BoardStage) : null
  return (
    <section className="inspector" aria-labelledby="inspector-h">
      <h2 id="inspector-h">{t(`boards.${kind}.title`, { name: item.name })}</h2>
      {kind === 'lane' && <p className="hint">{t(`boards.laneKind.${(item as BoardLane).kind}`)}</p>}
      <CommitField
        key={item.id + item.name}
        label={t('boards.inspector.name')}
        value={item.name}
        onCommit={(name) => name.trim() && onChange({ name: name.trim() })}
      />
      {stage && (
        <>
          <label>
            {t('boards.stage.tag')}
            <select value={stage.tagId ?? ''} onChange={(e) => onChange({ tagId: e.target.value || null })}>
              <option value="">{t('boards.stage.noTag')}</option>
              {tags.data?.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </select>
          </label>
          <small className="hint">{t('boards.stage.tagHint')}</small>
          <CommitField
            key={`${stage.id}-note`}
            label={t('boards.stage.note')}
            value={stage.emotionNote}
            multiline
            onCommit={(emotionNote) => onChange({ emotionNote })}
          />
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={at <= 0} onClick={() => onMove(-1)}>
          {t(`boards.${kind}.moveBack`)}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={at >= list.length - 1}
          onClick={() => onMove(1)}
        >
          {t(`boards.${kind}.moveForward`)}
        </button>
        <button type="button" className="secondary" onClick={() => onChange({ hidden: !item.hidden })}>
          {item.hidden ? t('boards.axis.show') : t('boards.axis.hideShort')}
        </button>
      </div>
      <div className="actions">
        <button type="button" className="danger secondary" onClick={onDelete}>
          {t(`boards.${kind}.delete`, { count: cards })}
        </button>
      </div>
    </section>
  )
}
