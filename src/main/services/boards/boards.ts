import type { Board, BoardContent, BoardSummary } from '../../../shared/domain/board'
import type { Language, Segment } from '../../../shared/domain/common'
import { AppError } from '../../../shared/ipc/errors'
import { journeyTemplate, type BoardTemplate } from '../../../shared/templates/journey-board'
import { nowIso, type ServiceContext } from '../../db/context'
import { likePattern, mustExist, mustExistId } from '../../db/rows'
import { prepared } from '../../db/prepared'
import { seedStarter } from '../tags/starter'
import { readContent, writeContent } from './content'

const SUMMARY = `
  select b.id, b.study_id as studyId, s.name as studyName, b.name, b.description, b.segment, b.persona,
         b.revision, b.updated_at as updatedAt,
         (select count(*) from board_stages where board_id = b.id) as stages,
         (select count(*) from board_cards where board_id = b.id) as cards
  from boards b join studies s on s.id = b.study_id`

export function listBoards(
  ctx: ServiceContext,
  input?: { studyId?: string; search?: string },
): BoardSummary[] {
  const like = likePattern(input?.search)
  const where = [
    input?.studyId ? 'b.study_id = @studyId' : null,
    like ? "(b.name like @like escape '\\' or b.description like @like escape '\\')" : null,
  ].filter(Boolean)
  return ctx.sqlite
    .prepare(
      `${SUMMARY} ${where.length ? `where ${where.join(' and ')}` : ''} order by b.updated_at desc, b.id`,
    )
    .all({ studyId: input?.studyId, like }) as BoardSummary[]
}

function summary(ctx: ServiceContext, id: string): BoardSummary {
  return mustExist(
    prepared(ctx.sqlite, `${SUMMARY} where b.id = ?`).get(id) as BoardSummary | undefined,
    'Board',
    id,
  )
}

export function getBoard(ctx: ServiceContext, id: string): Board {
  return { ...summary(ctx, id), content: readContent(ctx, id) }
}

interface Meta {
  name: string
  description: string
  segment: Segment | null
  persona: string
}

function insertBoard(ctx: ServiceContext, studyId: string, meta: Meta, content: BoardContent): string {
  mustExistId(ctx.sqlite, 'studies', studyId)
  const id = ctx.newId()
  const at = nowIso(ctx)
  ctx.sqlite
    .prepare(
      `insert into boards (id, study_id, name, description, segment, persona, revision, created_at, updated_at)
       values (@id, @studyId, @name, @description, @segment, @persona, 1, @at, @at)`,
    )
    .run({ id, studyId, ...meta, at })
  writeContent(ctx, id, content)
  return id
}

/** The live journey-stage tags by semantic key; the starter stages are added first when the codebook has none. */
function stageTags(ctx: ServiceContext, language: Language): Map<string, string> {
  const find = () =>
    prepared(
      ctx.sqlite,
      "select semantic_key as key, id from tags where kind = 'journey_stage' and semantic_key is not null and deleted_at is null",
    ).all() as { key: string; id: string }[]
  let rows = find()
  if (rows.length === 0) {
    seedStarter(ctx, { codebook: 'journey_stages', language })
    rows = find()
  }
  return new Map(rows.map((r) => [r.key, r.id]))
}

function tagIdByCode(ctx: ServiceContext, code: string | undefined): string | null {
  if (!code) return null
  const row = prepared(ctx.sqlite, 'select id from tags where code = ? and deleted_at is null').get(code) as
    { id: string } | undefined
  return row?.id ?? null
}

/** A new board from a template, in the user's language; its stages are linked to the journey-stage tags. */
export function createBoard(
  ctx: ServiceContext,
  input: Meta & { studyId: string; template: BoardTemplate; language: Language },
): Board {
  const template = journeyTemplate(input.template)
  const tags = template.stages.length ? stageTags(ctx, input.language) : new Map<string, string>()
  const stageIds = new Map<string, string>()
  const laneIds = new Map<string, string>()
  const content: BoardContent = {
    stages: template.stages.map((s) => {
      const id = ctx.newId()
      if (!stageIds.has(s.key)) stageIds.set(s.key, id)
      return {
        id,
        name: s.name[input.language],
        hidden: false,
        tagId: tags.get(s.key) ?? null,
        emotionToBe: null,
        emotionOverride: null,
        emotionNote: '',
      }
    }),
    lanes: template.lanes.map((l) => {
      const id = ctx.newId()
      laneIds.set(l.key, id)
      return { id, kind: l.kind, name: l.name[input.language], hidden: false }
    }),
    cards: [],
  }
  for (const c of template.cards) {
    const stageId = stageIds.get(c.stage)
    const laneId = laneIds.get(c.lane)
    if (!stageId || !laneId) continue
    content.cards.push({
      id: ctx.newId(),
      stageId,
      laneId,
      text: c.text[input.language],
      tagId: tagIdByCode(ctx, c.tagCode),
      channel: c.channel?.[input.language] ?? '',
      teams: [...(c.teams ?? [])],
      owner: '',
      priority: null,
      status: null,
      answers: [],
      evidence: [],
    })
  }
  return getBoard(ctx, insertBoard(ctx, input.studyId, input, content))
}

/**
 * Saves the editor's copy. `baseRevision` is the revision the editor loaded or last saved: an older one means
 * another window saved since, and the save is refused (CONFLICT) instead of overwriting that work.
 */
export function saveBoard(
  ctx: ServiceContext,
  input: { id: string; baseRevision: number; meta?: Partial<Meta>; content: BoardContent },
): { revision: number; updatedAt: string } {
  const current = summary(ctx, input.id)
  if (current.revision !== input.baseRevision)
    throw new AppError(
      'CONFLICT',
      `"${current.name}" was changed elsewhere (revision ${current.revision}, this copy has ${input.baseRevision}). Reload the board to see that version; your copy was not saved.`,
    )
  const at = nowIso(ctx)
  const meta = { ...current, ...input.meta }
  ctx.sqlite
    .prepare(
      `update boards set name = @name, description = @description, segment = @segment, persona = @persona,
       revision = revision + 1, updated_at = @at where id = @id`,
    )
    .run({
      id: input.id,
      name: meta.name,
      description: meta.description,
      segment: meta.segment,
      persona: meta.persona,
      at,
    })
  writeContent(ctx, input.id, input.content)
  return { revision: current.revision + 1, updatedAt: at }
}

/** A copy with new ids throughout (cards keep their citations, opportunities the barriers they answer). */
export function duplicateBoard(ctx: ServiceContext, input: { id: string; name?: string }): Board {
  const source = getBoard(ctx, input.id)
  const ids = new Map<string, string>()
  const fresh = (old: string) => {
    let id = ids.get(old)
    if (!id) ids.set(old, (id = ctx.newId()))
    return id
  }
  const content: BoardContent = {
    stages: source.content.stages.map((s) => ({ ...s, id: fresh(s.id) })),
    lanes: source.content.lanes.map((l) => ({ ...l, id: fresh(l.id) })),
    cards: source.content.cards.map((c) => ({
      ...c,
      id: fresh(c.id),
      stageId: fresh(c.stageId),
      laneId: fresh(c.laneId),
    })),
  }
  for (const c of content.cards) c.answers = c.answers.map(fresh)
  const id = insertBoard(
    ctx,
    source.studyId,
    {
      name: input.name ?? `${source.name} (copy)`,
      description: source.description,
      segment: source.segment,
      persona: source.persona,
    },
    content,
  )
  return getBoard(ctx, id)
}

export function boardDeleteImpact(ctx: ServiceContext, id: string) {
  const s = summary(ctx, id)
  const { evidence } = prepared(
    ctx.sqlite,
    'select count(*) as evidence from board_card_evidence e join board_cards c on c.id = e.card_id where c.board_id = ?',
  ).get(id) as { evidence: number }
  return { name: s.name, stages: s.stages, cards: s.cards, evidence }
}

export function deleteBoard(ctx: ServiceContext, id: string): { ok: true } {
  summary(ctx, id)
  ctx.sqlite.prepare('delete from boards where id = ?').run(id)
  return { ok: true }
}

/**
 * Copies cards into another board: each lands in the stage linked to the same journey-stage tag (else the
 * same name, else the first stage) and the lane of the same kind and name (else the first lane of that kind).
 */
export function copyCards(
  ctx: ServiceContext,
  input: { fromBoardId: string; cardIds: string[]; toBoardId: string },
): { copied: number; skipped: number } {
  const from = getBoard(ctx, input.fromBoardId).content
  const to = getBoard(ctx, input.toBoardId)
  const wanted = new Set(input.cardIds)
  let skipped = 0
  const cards = [...to.content.cards]
  for (const card of from.cards.filter((c) => wanted.has(c.id))) {
    const stage = from.stages.find((s) => s.id === card.stageId)
    const lane = from.lanes.find((l) => l.id === card.laneId)
    const toStage =
      to.content.stages.find((s) => stage?.tagId && s.tagId === stage.tagId) ??
      to.content.stages.find((s) => s.name === stage?.name) ??
      to.content.stages[0]
    const toLane =
      to.content.lanes.find((l) => l.kind === lane?.kind && l.name === lane?.name) ??
      to.content.lanes.find((l) => l.kind === lane?.kind)
    if (!toStage || !toLane) {
      skipped++
      continue
    }
    cards.push({ ...card, id: ctx.newId(), stageId: toStage.id, laneId: toLane.id, answers: [] })
  }
  if (wanted.size === 0 || cards.length === to.content.cards.length)
    return { copied: 0, skipped: skipped || wanted.size }
  saveBoard(ctx, { id: to.id, baseRevision: to.revision, content: { ...to.content, cards } })
  return { copied: cards.length - to.content.cards.length, skipped }
}
