import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  OPPORTUNITY_STATUSES,
  PRIORITIES,
  TEAMS,
  type BoardCard,
  type BoardContent,
  type BoardLane,
  type Team,
} from '../../../../shared/domain/board'
import type { EvidenceRow } from '../../../../shared/ipc/contracts/evidence'
import { evidenceHref } from '../evidence/links'
import { CreateInsightButton } from '../insights/CreateInsightButton'
import { useApi } from '../../lib/queries'

type Patch = Partial<Omit<BoardCard, 'id'>>

interface Props {
  /** The board the card is on, and its study: an insight made from the card belongs to that study. */
  board: { id: string; studyId: string }
  card: BoardCard
  lane: BoardLane
  content: BoardContent
  quotes: ReadonlyMap<string, EvidenceRow>
  onChange: (patch: Patch) => void
  onLinkEvidence: () => void
  onDelete: () => void
}

/** A text field that writes when it is left, so one edit is one undo step rather than one per key. */
export function CommitField({
  label,
  value,
  onCommit,
  multiline,
}: {
  label: string
  value: string
  onCommit: (v: string) => void
  multiline?: boolean
}) {
  const [text, setText] = useState(value)
  const [was, setWas] = useState(value)
  // Undo, redo or another card put a new value in: show it.
  if (value !== was) {
    setWas(value)
    setText(value)
  }
  const commit = () => text !== value && onCommit(text)
  return (
    <label>
      {label}
      {multiline ? (
        <textarea
          value={text}
          rows={3}
          maxLength={4000}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
        />
      ) : (
        <input value={text} maxLength={200} onChange={(e) => setText(e.target.value)} onBlur={commit} />
      )}
    </label>
  )
}

/** The selected card's details: its text and, by lane kind, tag, channel, teams, opportunity fields, quotes. */
export function CardInspector({
  board,
  card,
  lane,
  content,
  quotes,
  onChange,
  onLinkEvidence,
  onDelete,
}: Props) {
  const { t } = useTranslation()
  const tags = useApi('tags:list')
  const linkable = (tags.data ?? []).filter((x) => x.kind === 'journey_stage' || x.kind === 'churn_reason')
  const stageName = (id: string) => content.stages.find((s) => s.id === id)?.name ?? ''
  const toggleTeam = (team: Team) =>
    onChange({
      teams: card.teams.includes(team)
        ? card.teams.filter((x) => x !== team)
        : TEAMS.filter((x) => x === team || card.teams.includes(x)),
    })
  const barriers = content.cards.filter(
    (c) => c.id !== card.id && content.lanes.find((l) => l.id === c.laneId)?.kind === 'text' && c.text,
  )
  return (
    <section className="inspector" aria-labelledby="inspector-h">
      <h2 id="inspector-h">
        {t('boards.inspector.card', { lane: lane.name, stage: stageName(card.stageId) })}
      </h2>
      <CommitField
        label={t('boards.inspector.text')}
        value={card.text}
        multiline
        onCommit={(text) => onChange({ text })}
      />
      {lane.kind === 'text' && (
        <label>
          {t('boards.inspector.tag')}
          <select value={card.tagId ?? ''} onChange={(e) => onChange({ tagId: e.target.value || null })}>
            <option value="">{t('boards.inspector.noTag')}</option>
            {linkable.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.code ? `${tag.code} ${tag.name}` : tag.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {lane.kind === 'touchpoints' && (
        <CommitField
          label={t('boards.inspector.channel')}
          value={card.channel}
          onCommit={(channel) => onChange({ channel })}
        />
      )}
      {(lane.kind === 'touchpoints' || lane.kind === 'teams' || card.teams.length > 0) && (
        <fieldset>
          <legend>{t('boards.inspector.teams')}</legend>
          {TEAMS.map((team) => (
            <label key={team} className="checkbox">
              <input type="checkbox" checked={card.teams.includes(team)} onChange={() => toggleTeam(team)} />
              {t(`boards.team.${team}`)}
            </label>
          ))}
        </fieldset>
      )}
      {lane.kind === 'opportunities' && (
        <>
          <CommitField
            label={t('boards.inspector.owner')}
            value={card.owner}
            onCommit={(owner) => onChange({ owner })}
          />
          <div className="row">
            <label>
              {t('boards.inspector.priority')}
              <select
                value={card.priority ?? ''}
                onChange={(e) => onChange({ priority: (e.target.value || null) as BoardCard['priority'] })}
              >
                <option value="">—</option>
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`boards.priority.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('boards.inspector.status')}
              <select
                value={card.status ?? ''}
                onChange={(e) => onChange({ status: (e.target.value || null) as BoardCard['status'] })}
              >
                <option value="">—</option>
                {OPPORTUNITY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`boards.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <fieldset>
            <legend>{t('boards.inspector.answers')}</legend>
            <ul className="plain-list chips">
              {card.answers.map((id) => {
                const b = content.cards.find((c) => c.id === id)
                return (
                  <li key={id}>
                    {b ? `${stageName(b.stageId)}: ${b.text}` : t('boards.inspector.goneCard')}{' '}
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('boards.inspector.removeAnswer', { text: b?.text ?? '' })}
                      onClick={() => onChange({ answers: card.answers.filter((x) => x !== id) })}
                    >
                      ×
                    </button>
                  </li>
                )
              })}
            </ul>
            <select
              value=""
              aria-label={t('boards.inspector.addAnswer')}
              onChange={(e) => e.target.value && onChange({ answers: [...card.answers, e.target.value] })}
            >
              <option value="">{t('boards.inspector.addAnswer')}</option>
              {content.lanes
                .filter((l) => l.kind === 'text')
                .map((l) => (
                  <optgroup key={l.id} label={l.name}>
                    {barriers
                      .filter((b) => b.laneId === l.id && !card.answers.includes(b.id))
                      .map((b) => (
                        <option key={b.id} value={b.id}>
                          {`${stageName(b.stageId)}: ${b.text.slice(0, 80)}`}
                        </option>
                      ))}
                  </optgroup>
                ))}
            </select>
          </fieldset>
        </>
      )}
      <Citations card={card} quotes={quotes} onChange={onChange} onLinkEvidence={onLinkEvidence} />
      <div className="actions">
        <CreateInsightButton
          label={t('insights.create.fromCard')}
          from={{ kind: 'card', boardId: board.id, cardId: card.id }}
          description={t('insights.create.card', { text: card.text.slice(0, 80) || lane.name })}
          studyId={board.studyId}
        />
        <button type="button" className="danger secondary" onClick={onDelete}>
          {t('boards.inspector.deleteCard')}
        </button>
      </div>
    </section>
  )
}

/** The quotes a card cites, each opening where it was said, and a way to cite more. */
function Citations({
  card,
  quotes,
  onChange,
  onLinkEvidence,
}: Pick<Props, 'card' | 'quotes' | 'onChange' | 'onLinkEvidence'>) {
  const { t } = useTranslation()
  return (
    <section className="citations" aria-labelledby="citations-h">
      <h3 id="citations-h">{t('boards.inspector.evidence', { count: card.evidence.length })}</h3>
      {card.evidence.length === 0 && <p className="hint">{t('boards.inspector.assumption')}</p>}
      <ul className="board-quotes">
        {card.evidence.map((id) => {
          const q = quotes.get(id)
          return (
            <li key={id}>
              <blockquote>{q?.quote ?? t('boards.inspector.quoteElsewhere')}</blockquote>
              <span className="item-meta">
                {q && [q.participantName, q.companyName].filter(Boolean).join(' · ')}{' '}
                {q?.interviewId && (
                  <a href={evidenceHref({ ...q, interviewId: q.interviewId })}>{t('boards.evidence.open')}</a>
                )}{' '}
                <button
                  type="button"
                  className="icon"
                  aria-label={t('boards.inspector.uncite', { quote: (q?.quote ?? '').slice(0, 40) })}
                  onClick={() => onChange({ evidence: card.evidence.filter((x) => x !== id) })}
                >
                  ×
                </button>
              </span>
            </li>
          )
        })}
      </ul>
      <button type="button" className="secondary" onClick={onLinkEvidence}>
        {t('boards.inspector.link')}
      </button>
    </section>
  )
}
