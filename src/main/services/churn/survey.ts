import type { Highlight } from '../../../shared/domain/highlight'
import { AppError } from '../../../shared/ipc/errors'
import type { ServiceContext } from '../../db/context'
import { nameKey } from '../../../shared/text/name-key'
import { listHighlightsForSurveyResponses } from '../highlights'
import { prepared } from '../../db/prepared'
import { mustExist, mustExistId, repointClause, type ChurnSurveyResponseRow } from '../../db/rows'
import { lacksLiveTag } from '../tags/rows'

/**
 * Resolves survey reasons to live churn-reason tags: by code (case-insensitive, e.g. prc-01), then by tag
 * name, then by an alias a rename or merge left behind (alias name or alias code). null = unmapped.
 */
export function reasonResolver(ctx: ServiceContext): (raw: string) => string | null {
  const tags = ctx.sqlite
    .prepare("select id, name, code from tags where kind = 'churn_reason' and deleted_at is null")
    .all() as { id: string; name: string; code: string | null }[]
  const aliases = ctx.sqlite
    .prepare(
      "select a.tag_id as tagId, a.alias, a.code from tag_aliases a join tags t on t.id = a.tag_id where t.kind = 'churn_reason' and t.deleted_at is null order by a.created_at desc",
    )
    .all() as { tagId: string; alias: string; code: string | null }[]
  const norm = nameKey
  const byCode = new Map<string, string>()
  const byName = new Map<string, string>()
  const byAlias = new Map<string, string>()
  for (const t of tags) {
    if (t.code) byCode.set(norm(t.code), t.id)
    if (!byName.has(norm(t.name))) byName.set(norm(t.name), t.id)
  }
  for (const a of aliases) {
    if (a.code && !byAlias.has(norm(a.code))) byAlias.set(norm(a.code), a.tagId)
    if (!byAlias.has(norm(a.alias))) byAlias.set(norm(a.alias), a.tagId)
  }
  return (raw) => {
    const key = norm(raw)
    if (!key) return null
    return byCode.get(key) ?? byName.get(key) ?? byAlias.get(key) ?? null
  }
}

/**
 * A survey row needs recoding when its reason matched no tag, or matched one that was deleted since (the
 * link is kept, so restoring the tag maps the row again).
 */
const needsMapping = lacksLiveTag

export function unmappedReasons(ctx: ServiceContext) {
  const rows = ctx.sqlite
    .prepare(
      `select r.reason_raw as reasonRaw, count(*) as rows, min(r.responded_on) as firstOn, max(r.responded_on) as lastOn,
              json_group_array(distinct c.name) as companies
       from churn_survey_responses r join companies c on c.id = r.company_id
       where ${needsMapping('r.reason_tag_id')} group by r.reason_raw order by rows desc, r.reason_raw`,
    )
    .all() as { reasonRaw: string; rows: number; firstOn: string; lastOn: string; companies: string }[]
  return rows.map((r) => ({
    ...r,
    companies: (JSON.parse(r.companies) as string[]).sort((a, b) => a.localeCompare(b)),
  }))
}

/** A survey row as an import writes it; the id and timestamps are added here. */
export type SurveyResponseInsert = Pick<
  ChurnSurveyResponseRow,
  | 'company_id'
  | 'study_id'
  | 'responded_on'
  | 'reason_raw'
  | 'reason_tag_id'
  | 'comment'
  | 'mrr_minor'
  | 'import_batch_id'
>

/** Adds one cancellation-survey row (imports write them in batches, so the statement is kept). */
export function insertSurveyResponse(ctx: ServiceContext, row: SurveyResponseInsert, at: string): void {
  prepared(
    ctx.sqlite,
    `insert into churn_survey_responses (id, company_id, study_id, responded_on, reason_raw, reason_tag_id, comment, mrr_minor, import_batch_id, created_at, updated_at)
     values (@id, @company_id, @study_id, @responded_on, @reason_raw, @reason_tag_id, @comment, @mrr_minor, @import_batch_id, @at, @at)`,
  ).run({ id: ctx.newId(), ...row, at })
}

/** Maps every unmapped row with this raw reason (exact text) to the tag; the recoding queue's action. */
export function mapReason(ctx: ServiceContext, input: { reasonRaw: string; tagId: string }) {
  const tag = ctx.sqlite
    .prepare('select kind, name, deleted_at as deletedAt from tags where id = ?')
    .get(input.tagId) as { kind: string; name: string; deletedAt: string | null } | undefined
  mustExist(tag && !tag.deletedAt ? tag : undefined, 'Tag', input.tagId)
  if (tag!.kind !== 'churn_reason')
    throw new AppError(
      'VALIDATION',
      `"${tag!.name}" is not a churn-reason tag; choose a reason from the churn taxonomy.`,
    )
  const res = ctx.sqlite
    .prepare(
      `update churn_survey_responses set reason_tag_id = ?, updated_at = ? where reason_raw = ? and ${needsMapping('reason_tag_id')}`,
    )
    .run(input.tagId, ctx.now().toISOString(), input.reasonRaw)
  if (res.changes === 0)
    throw new AppError(
      'NOT_FOUND',
      `No unmapped survey rows with the reason "${input.reasonRaw.slice(0, 100)}".`,
    )
  return { updated: res.changes }
}

/**
 * A tag merge moves the survey rows mapped to `fromTagId` to `toTagId`; its undo passes `onlyIds`, the rows
 * the merge moved, so a mapping made since stays.
 */
export function repointSurveyReasons(
  ctx: ServiceContext,
  fromTagId: string,
  toTagId: string,
  onlyIds?: readonly string[],
): void {
  const repoint = repointClause('reason_tag_id', fromTagId, toTagId, onlyIds)
  prepared(ctx.sqlite, `update churn_survey_responses set ${repoint.sql}`).run(repoint.params)
}

/** A company's cancellation-survey responses, newest first, each with its mapped reason and its highlights. */
export function surveyResponsesForCompany(ctx: ServiceContext, input: { companyId: string }) {
  mustExistId(ctx.sqlite, 'companies', input.companyId)
  const rows = ctx.sqlite
    .prepare(
      `select r.id, r.responded_on as respondedOn, r.reason_raw as reasonRaw, r.comment, r.mrr_minor as mrrMinor,
              s.name as studyName, t.id as tagId, t.name as tagName, t.code as tagCode
       from churn_survey_responses r left join studies s on s.id = r.study_id
       left join tags t on t.id = r.reason_tag_id and t.deleted_at is null
       where r.company_id = ? order by r.responded_on desc, r.created_at desc, r.id`,
    )
    .all(input.companyId) as {
    id: string
    respondedOn: string
    reasonRaw: string
    comment: string
    mrrMinor: number | null
    studyName: string | null
    tagId: string | null
    tagName: string | null
    tagCode: string | null
  }[]
  const byResponse = new Map<string | null, Highlight[]>()
  for (const h of listHighlightsForSurveyResponses(
    ctx,
    rows.map((r) => r.id),
  ))
    byResponse.set(h.surveyResponseId, [...(byResponse.get(h.surveyResponseId) ?? []), h])
  return rows.map(({ tagId, tagName, tagCode, ...r }) => ({
    ...r,
    reason: tagId ? { id: tagId, name: tagName ?? '', code: tagCode } : null,
    highlights: byResponse.get(r.id) ?? [],
  }))
}
