import { AppError } from '../../../shared/ipc/errors'
import type { BoardCard, BoardContent, BoardLane, BoardStage } from '../../../shared/domain/board'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'

/** A board's stages, lanes and cards, in order, as the editor holds them. */
export function readContent(ctx: ServiceContext, boardId: string): BoardContent {
  const stages = (
    prepared(
      ctx.sqlite,
      `select id, name, hidden, tag_id as tagId, emotion_to_be as emotionToBe,
              emotion_override as emotionOverride, emotion_note as emotionNote
       from board_stages where board_id = ? order by position`,
    ).all(boardId) as (Omit<BoardStage, 'hidden'> & { hidden: number })[]
  ).map((s) => ({ ...s, hidden: s.hidden === 1 }))
  const lanes = (
    prepared(
      ctx.sqlite,
      'select id, kind, name, hidden from board_lanes where board_id = ? order by position',
    ).all(boardId) as (Omit<BoardLane, 'hidden'> & { hidden: number })[]
  ).map((l) => ({ ...l, hidden: l.hidden === 1 }))
  const evidence = new Map<string, string[]>()
  for (const row of prepared(
    ctx.sqlite,
    `select e.card_id as cardId, e.highlight_id as highlightId from board_card_evidence e
     join board_cards c on c.id = e.card_id where c.board_id = ? order by e.card_id, e.position`,
  ).all(boardId) as { cardId: string; highlightId: string }[]) {
    const list = evidence.get(row.cardId)
    if (list) list.push(row.highlightId)
    else evidence.set(row.cardId, [row.highlightId])
  }
  const cards = (
    prepared(
      ctx.sqlite,
      `select id, lane_id as laneId, stage_id as stageId, text, tag_id as tagId, channel, teams, owner,
              priority, status, answers
       from board_cards where board_id = ? order by position`,
    ).all(boardId) as (Omit<BoardCard, 'teams' | 'answers' | 'evidence'> & {
      teams: string
      answers: string
    })[]
  ).map((c) => ({
    ...c,
    teams: JSON.parse(c.teams) as BoardCard['teams'],
    answers: JSON.parse(c.answers) as string[],
    evidence: evidence.get(c.id) ?? [],
  }))
  return { stages, lanes, cards }
}

/**
 * Makes the stored board equal to `content` (inside the caller's transaction): rows whose id is gone are
 * deleted, the others written in place, so ids stay stable across saves. Citations of highlights that no
 * longer exist are dropped rather than refused: the quote was deleted while the board was open.
 */
export function writeContent(ctx: ServiceContext, boardId: string, content: BoardContent): void {
  const db = ctx.sqlite
  const keep = (table: string, ids: string[]) => {
    const existing = prepared(db, `select id from ${table} where board_id = ?`).all(boardId) as {
      id: string
    }[]
    const wanted = new Set(ids)
    const drop = prepared(db, `delete from ${table} where id = ?`)
    for (const { id } of existing) if (!wanted.has(id)) drop.run(id)
  }
  keep(
    'board_cards',
    content.cards.map((c) => c.id),
  )
  keep(
    'board_lanes',
    content.lanes.map((l) => l.id),
  )
  keep(
    'board_stages',
    content.stages.map((s) => s.id),
  )

  const stage = prepared(
    db,
    `insert into board_stages (id, board_id, position, name, hidden, tag_id, emotion_to_be, emotion_override, emotion_note)
     values (@id, @boardId, @position, @name, @hidden, @tagId, @emotionToBe, @emotionOverride, @emotionNote)
     on conflict (id) do update set position = excluded.position, name = excluded.name, hidden = excluded.hidden,
       tag_id = excluded.tag_id, emotion_to_be = excluded.emotion_to_be,
       emotion_override = excluded.emotion_override, emotion_note = excluded.emotion_note
     where board_stages.board_id = excluded.board_id`,
  )
  content.stages.forEach((s, position) =>
    assertWritten(
      stage.run({ ...s, boardId, position, hidden: Number(s.hidden), tagId: liveTagOrNull(ctx, s.tagId) }),
      s.id,
    ),
  )
  const lane = prepared(
    db,
    `insert into board_lanes (id, board_id, position, kind, name, hidden)
     values (@id, @boardId, @position, @kind, @name, @hidden)
     on conflict (id) do update set position = excluded.position, kind = excluded.kind, name = excluded.name,
       hidden = excluded.hidden
     where board_lanes.board_id = excluded.board_id`,
  )
  content.lanes.forEach((l, position) =>
    assertWritten(lane.run({ ...l, boardId, position, hidden: Number(l.hidden) }), l.id),
  )
  const card = prepared(
    db,
    `insert into board_cards (id, board_id, lane_id, stage_id, position, text, tag_id, channel, teams, owner, priority, status, answers)
     values (@id, @boardId, @laneId, @stageId, @position, @text, @tagId, @channel, @teams, @owner, @priority, @status, @answers)
     on conflict (id) do update set lane_id = excluded.lane_id, stage_id = excluded.stage_id,
       position = excluded.position, text = excluded.text, tag_id = excluded.tag_id, channel = excluded.channel,
       teams = excluded.teams, owner = excluded.owner, priority = excluded.priority, status = excluded.status,
       answers = excluded.answers
     where board_cards.board_id = excluded.board_id`,
  )
  const clearEvidence = prepared(db, 'delete from board_card_evidence where card_id = ?')
  const cite = prepared(
    db,
    `insert into board_card_evidence (card_id, highlight_id, position)
     select @cardId, id, @position from highlights where id = @highlightId`,
  )
  content.cards.forEach((c, position) => {
    assertWritten(
      card.run({
        ...c,
        boardId,
        position,
        tagId: liveTagOrNull(ctx, c.tagId),
        teams: JSON.stringify(c.teams),
        answers: JSON.stringify(c.answers),
      }),
      c.id,
    )
    clearEvidence.run(c.id)
    ;[...new Set(c.evidence)].forEach((highlightId, i) =>
      cite.run({ cardId: c.id, highlightId, position: i }),
    )
  })
}

/** An upsert that touched nothing hit an id another board owns: refuse rather than move it across boards. */
function assertWritten(result: { changes: number }, id: string): void {
  if (result.changes === 0)
    throw new AppError('VALIDATION', `The id ${id} belongs to another board; a board's ids must be its own.`)
}

/** A tag link survives as long as the tag row exists (a deleted tag can be restored; a merged one is followed). */
function liveTagOrNull(ctx: ServiceContext, tagId: string | null): string | null {
  if (!tagId) return null
  const row = prepared(ctx.sqlite, 'select id, merged_into_id as mergedInto from tags where id = ?').get(
    tagId,
  ) as { id: string; mergedInto: string | null } | undefined
  return row ? (row.mergedInto ?? row.id) : null
}
