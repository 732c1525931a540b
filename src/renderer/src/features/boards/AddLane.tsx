import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LANE_KINDS, type BoardLane, type LaneKind } from '../../../../shared/domain/board'

/** Adds a lane of any kind at the bottom; its name starts as the kind's name. */
export function AddLane({ onAdd }: { onAdd: (lane: Pick<BoardLane, 'kind' | 'name'>) => void }) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<LaneKind>('text')
  const [name, setName] = useState('')
  return (
    <form
      className="add-lane"
      aria-label={t('boards.lane.addTitle')}
      onSubmit={(e) => {
        e.preventDefault()
        onAdd({ kind, name: name.trim() || t(`boards.laneKind.${kind}`) })
        setName('')
      }}
    >
      <label>
        <span className="visually-hidden">{t('boards.lane.kind')}</span>
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as LaneKind)}
          aria-label={t('boards.lane.kind')}
        >
          {LANE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`boards.laneKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <input
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
        placeholder={t('boards.lane.namePlaceholder')}
        aria-label={t('boards.lane.name')}
      />
      <button type="submit" className="secondary">
        {t('boards.lane.add')}
      </button>
    </form>
  )
}
