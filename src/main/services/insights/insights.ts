import type { InsightStatus, InsightSummary, Stance } from '../../../shared/domain/insight'
import type { Insight, InsightSource } from '../../../shared/ipc/contracts/insights'
import { AppError } from '../../../shared/ipc/errors'
import { docPlainText, type JsonNode } from '../../../shared/text/plain-text'
import type { ServiceContext } from '../../db/context'
import { likePattern, mustExist, mustExistId } from '../../db/rows'
import { evidenceRowsByIds } from '../evidence'
import { subtreeIds } from '../tags/tree'
import { scoreInsights } from './evidence'

/**
 * Insights: a finding in the researcher's words, backed (or contradicted) by linked quotes. The service is
 * the one writer of insights, insight_evidence and insight_tags; confidence is computed on every read
 * (docs/decisions.md "Insight confidence"), never stored, so re-tagging or re-segmenting is reflected at once.
 */

interface Row {
  id: string
  studyId: string | null
  statementJson: string
  statementText: string
  status: InsightStatus
  owner: string
  updatedAt: string
}

const SELECT = `select id, study_id as studyId, statement_json as statementJson, statement_text as statementText,
  status, owner, updated_at as updatedAt from insights`

function row(ctx: ServiceContext, id: string): Row {
  return mustExist(ctx.sqlite.prepare(`${SELECT} where id = ?`).get(id) as Row | undefined, 'Insight', id)
}

function tagIdsOf(ctx: ServiceContext, ids: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const r of ctx.sqlite
    .prepare(
      `select it.insight_id as insightId, it.tag_id as tagId from insight_tags it join tags t on t.id = it.tag_id
       where t.deleted_at is null and it.insight_id in (select value from json_each(?)) order by t.name`,
    )
    .all(JSON.stringify(ids)) as { insightId: string; tagId: string }[])
    out.get(r.insightId)?.push(r.tagId)
  return out
}

function summaries(ctx: ServiceContext, rows: Row[]): InsightSummary[] {
  const ids = rows.map((r) => r.id)
  const scored = scoreInsights(ctx, ids)
  const tags = tagIdsOf(ctx, ids)
  return rows.map((r) => ({
    id: r.id,
    studyId: r.studyId,
    statementText: r.statementText,
    status: r.status,
    owner: r.owner,
    tagIds: tags.get(r.id) ?? [],
    ...scored.get(r.id)!,
    updatedAt: r.updatedAt,
  }))
}

export function listInsights(
  ctx: ServiceContext,
  input: { studyId?: string | null | undefined; search?: string | undefined } = {},
): InsightSummary[] {
  const where: string[] = []
  const params: Record<string, string> = {}
  if (input.studyId === null) where.push('study_id is null')
  else if (input.studyId) {
    where.push('study_id = @studyId')
    params['studyId'] = input.studyId
  }
  const like = likePattern(input.search)
  if (like) {
    where.push(`statement_text like @like escape '\\'`)
    params['like'] = like
  }
  const rows = ctx.sqlite
    .prepare(`${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by created_at, id`)
    .all(params) as Row[]
  // Most confident first: the order a researcher reads and a report presents them in.
  return summaries(ctx, rows).sort((a, b) => b.confidence.score - a.confidence.score)
}

export function getInsight(ctx: ServiceContext, id: string): Insight {
  const r = row(ctx, id)
  const links = ctx.sqlite
    .prepare('select highlight_id as id, stance from insight_evidence where insight_id = ? order by position')
    .all(id) as { id: string; stance: Stance }[]
  const stanceOf = new Map(links.map((l) => [l.id, l.stance]))
  return {
    ...summaries(ctx, [r])[0]!,
    statement: JSON.parse(r.statementJson) as Record<string, unknown>,
    evidence: evidenceRowsByIds(
      ctx,
      links.map((l) => l.id),
    ).map((e) => ({ ...e, stance: stanceOf.get(e.highlightId)! })),
  }
}

/** The quotes a new insight starts from; only live ones, in the order the source lists them. */
function sourceHighlights(ctx: ServiceContext, studyId: string | null, from: InsightSource): string[] {
  const db = ctx.sqlite
  switch (from.kind) {
    case 'none':
      return []
    case 'highlights': {
      const found = new Set(
        db
          .prepare('select id from highlights where id in (select value from json_each(?))')
          .pluck()
          .all(JSON.stringify(from.highlightIds)) as string[],
      )
      const missing = from.highlightIds.filter((id) => !found.has(id))
      if (missing.length)
        throw new AppError(
          'NOT_FOUND',
          `${missing.length === 1 ? 'One of the chosen quotes no longer exists' : `${missing.length} of the chosen quotes no longer exist`} (${missing[0]}). Refresh the list and choose again.`,
        )
      return [...new Set(from.highlightIds)]
    }
    case 'tag': {
      mustExist(
        db.prepare('select id from tags where id = ? and deleted_at is null').get(from.tagId),
        'Tag',
        from.tagId,
      )
      // The study's quotes (or, for an insight across studies, every quote) with the tag or a sub-tag.
      return db
        .prepare(
          `select distinct h.id from highlight_tags ht join highlights h on h.id = ht.highlight_id
           left join interview_notes n on n.id = h.note_id
           left join transcripts tr on tr.id = h.transcript_id
           left join interviews i on i.id = coalesce(h.interview_id, n.interview_id, tr.interview_id)
           left join churn_survey_responses sr on sr.id = h.survey_response_id
           where ht.tag_id in (select value from json_each(@tags))
             and (@study is null or coalesce(i.study_id, sr.study_id) = @study)
           order by h.created_at, h.id`,
        )
        .pluck()
        .all({ tags: JSON.stringify(subtreeIds(ctx, from.tagId)), study: studyId }) as string[]
    }
    case 'card': {
      mustExist(
        db.prepare('select id from board_cards where id = ? and board_id = ?').get(from.cardId, from.boardId),
        'Board card',
        from.cardId,
      )
      return db
        .prepare('select highlight_id from board_card_evidence where card_id = ? order by position')
        .pluck()
        .all(from.cardId) as string[]
    }
  }
}

function checkTags(ctx: ServiceContext, tagIds: readonly string[]): void {
  const stmt = ctx.sqlite.prepare('select id from tags where id = ? and deleted_at is null')
  for (const id of tagIds) mustExist(stmt.get(id), 'Tag', id)
}

function setTags(ctx: ServiceContext, id: string, tagIds: readonly string[]): void {
  checkTags(ctx, tagIds)
  ctx.sqlite.prepare('delete from insight_tags where insight_id = ?').run(id)
  const add = ctx.sqlite.prepare('insert or ignore into insight_tags (insight_id, tag_id) values (?, ?)')
  for (const tagId of tagIds) add.run(id, tagId)
}

function statementColumns(doc: Record<string, unknown>) {
  const text = docPlainText(doc as unknown as JsonNode, '\n').text.trim()
  if (!text) throw new AppError('VALIDATION', 'Write the insight first: its statement is empty.')
  return { json: JSON.stringify(doc), text }
}

function link(ctx: ServiceContext, id: string, highlightIds: readonly string[], stance: Stance): void {
  const { n } = ctx.sqlite
    .prepare('select coalesce(max(position) + 1, 0) as n from insight_evidence where insight_id = ?')
    .get(id) as { n: number }
  const upsert = ctx.sqlite.prepare(
    `insert into insight_evidence (insight_id, highlight_id, stance, position) values (?, ?, ?, ?)
     on conflict (insight_id, highlight_id) do update set stance = excluded.stance`,
  )
  highlightIds.forEach((h, i) => upsert.run(id, h, stance, n + i))
}

const touch = (ctx: ServiceContext, id: string) =>
  ctx.sqlite.prepare('update insights set updated_at = ? where id = ?').run(ctx.now().toISOString(), id)

export function createInsight(
  ctx: ServiceContext,
  input: {
    studyId: string | null
    statement: Record<string, unknown>
    status: InsightStatus
    owner: string
    tagIds: string[]
    from: InsightSource
  },
): Insight {
  if (input.studyId) mustExistId(ctx.sqlite, 'studies', input.studyId)
  const statement = statementColumns(input.statement)
  const highlightIds = sourceHighlights(ctx, input.studyId, input.from)
  const id = ctx.newId()
  const at = ctx.now().toISOString()
  ctx.sqlite
    .prepare(
      `insert into insights (id, study_id, statement_json, statement_text, status, owner, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, input.studyId, statement.json, statement.text, input.status, input.owner, at, at)
  setTags(ctx, id, input.tagIds)
  link(ctx, id, highlightIds, 'for')
  return getInsight(ctx, id)
}

export function updateInsight(
  ctx: ServiceContext,
  input: {
    id: string
    statement?: Record<string, unknown> | undefined
    status?: InsightStatus | undefined
    owner?: string | undefined
    tagIds?: string[] | undefined
  },
): Insight {
  const cur = row(ctx, input.id)
  const statement = input.statement
    ? statementColumns(input.statement)
    : { json: cur.statementJson, text: cur.statementText }
  ctx.sqlite
    .prepare(
      'update insights set statement_json = ?, statement_text = ?, status = ?, owner = ?, updated_at = ? where id = ?',
    )
    .run(
      statement.json,
      statement.text,
      input.status ?? cur.status,
      input.owner ?? cur.owner,
      ctx.now().toISOString(),
      input.id,
    )
  if (input.tagIds) setTags(ctx, input.id, input.tagIds)
  return getInsight(ctx, input.id)
}

export function linkEvidence(
  ctx: ServiceContext,
  input: { id: string; highlightIds: string[]; stance: Stance },
): Insight {
  row(ctx, input.id)
  const ids = sourceHighlights(ctx, null, { kind: 'highlights', highlightIds: input.highlightIds })
  link(ctx, input.id, ids, input.stance)
  touch(ctx, input.id)
  return getInsight(ctx, input.id)
}

export function unlinkEvidence(ctx: ServiceContext, input: { id: string; highlightId: string }): Insight {
  row(ctx, input.id)
  ctx.sqlite
    .prepare('delete from insight_evidence where insight_id = ? and highlight_id = ?')
    .run(input.id, input.highlightId)
  touch(ctx, input.id)
  return getInsight(ctx, input.id)
}

export function deleteInsight(ctx: ServiceContext, id: string): { ok: true } {
  row(ctx, id)
  ctx.sqlite.prepare('delete from insights where id = ?').run(id)
  return { ok: true }
}
