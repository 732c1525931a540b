import { csvCell } from '../csv/cell'
import type { Board, BoardInsights } from '../domain/board'

/**
 * The board's cards as CSV, one row per card in board order (stage by stage, lane by lane), for spreadsheets
 * and scripts: RFC 4180 (CRLF, every field quoted when it holds a comma, quote or line break), UTF-8 with a
 * byte-order mark so Excel reads Cyrillic right. Headers and enum values are fixed keys, not translated, so a
 * script reads every export the same. All cards are exported, hidden stages and lanes too: this is the data.
 */
export const BOARD_CSV_HEADERS = [
  'card_id',
  'stage',
  'lane',
  'lane_kind',
  'text',
  'channel',
  'teams',
  'owner',
  'priority',
  'status',
  'tag_id',
  'evidence',
  'evidence_companies',
] as const

/** Fields are written by shared/csv csvCell (formula cells neutralized); re-exported for the board's callers. */
export { csvCell }

export function boardCsv(board: Board, insights: BoardInsights): string {
  const { stages, lanes, cards } = board.content
  const backing = new Map(insights.cards.map((c) => [c.cardId, c]))
  const laneOrder = new Map(lanes.map((l, i) => [l.id, i]))
  const stageOrder = new Map(stages.map((s, i) => [s.id, i]))
  const stageName = new Map(stages.map((s) => [s.id, s.name]))
  const lane = new Map(lanes.map((l) => [l.id, l]))
  // Board order; the sort is stable, so cards in one cell keep the order they have there.
  const ordered = [...cards].sort(
    (a, b) =>
      (stageOrder.get(a.stageId) ?? 0) - (stageOrder.get(b.stageId) ?? 0) ||
      (laneOrder.get(a.laneId) ?? 0) - (laneOrder.get(b.laneId) ?? 0),
  )
  const rows = ordered.map((c) => [
    c.id,
    stageName.get(c.stageId) ?? '',
    lane.get(c.laneId)?.name ?? '',
    lane.get(c.laneId)?.kind ?? '',
    c.text,
    c.channel,
    c.teams.join(';'),
    c.owner,
    c.priority ?? '',
    c.status ?? '',
    c.tagId ?? '',
    String(backing.get(c.id)?.highlights ?? 0),
    String(backing.get(c.id)?.companies ?? 0),
  ])
  return `\uFEFF${[[...BOARD_CSV_HEADERS], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}
