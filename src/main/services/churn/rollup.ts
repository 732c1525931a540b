import { churnRollup, type ChurnRollupInput, type ChurnedCompany } from '../../../shared/rollups/churn'
import { pareto } from '../../../shared/rollups/churn-pareto'
import { AppError } from '../../../shared/ipc/errors'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import { mustExist } from '../../db/rows'
import { placeOfHighlight } from '../evidence/place'
import { setInterviewPrimaryReason } from '../interviews'
import { liveTags, scopedStudy, type Scope } from '../scope'
import { lacksLiveTag } from '../tags/rows'

/** Exit interviews (studies with method 'exit') in scope, joined to their company. */
const EXIT_INTERVIEWS = `
  select i.id, i.study_id as studyId, i.primary_churn_reason_tag_id as primaryTagId,
         coalesce(i.conducted_at, i.scheduled_at, i.created_at) as date, p.company_id as companyId
  from studies s cross join interviews i on i.study_id = s.id left join participants p on p.id = i.participant_id
  where s.method = 'exit' and (? is null or i.study_id = ?)`

/** Everything the pure roll-up needs, read in a handful of queries (no per-company queries). */
/**
 * A slice of the churned companies, for a report filtered by segment and period: the company's segment, and
 * the date it churned (the period a churn report is about, not when it was interviewed).
 */
export interface ChurnSlice {
  segment: string | null
  from: string | null
  to: string | null
}

export const inChurnSlice = (
  c: { segment: string | null; churnedOn: string | null },
  slice: ChurnSlice | undefined,
): boolean =>
  !slice ||
  ((!slice.segment || c.segment === slice.segment) &&
    (!slice.from || (c.churnedOn !== null && c.churnedOn >= slice.from)) &&
    (!slice.to || (c.churnedOn !== null && c.churnedOn <= slice.to)))

export function loadChurnInput(
  ctx: ServiceContext,
  scope: Scope,
  slice?: ChurnSlice,
): ChurnRollupInput & { currencies: string[] } {
  const studyId = scopedStudy(ctx, scope)
  const tags = liveTags(ctx, 'churn_reason')
  const exits = ctx.sqlite.prepare(EXIT_INTERVIEWS).all(studyId, studyId) as {
    id: string
    primaryTagId: string | null
    date: string
    companyId: string | null
  }[]
  const surveys = ctx.sqlite
    .prepare(
      'select id, company_id as companyId, responded_on as date, reason_tag_id as tagId, mrr_minor as mrrMinor from churn_survey_responses where (? is null or study_id = ?)',
    )
    .all(studyId, studyId) as {
    id: string
    companyId: string
    date: string
    tagId: string | null
    mrrMinor: number | null
  }[]
  const companyRows = ctx.sqlite
    .prepare(
      `select id, segment, mrr_minor as mrrMinor, customer_since as customerSince, churned_on as churnedOn, churn_type as churnType, currency
       from companies where status = 'churned' order by name collate nocase, id`,
    )
    .all() as (ChurnedCompany & { currency: string })[]
  const inScope = studyId
    ? new Set([...exits.map((e) => e.companyId), ...surveys.map((s) => s.companyId)])
    : null
  const companies = companyRows.filter((c) => (!inScope || inScope.has(c.id)) && inChurnSlice(c, slice))
  const churned = new Set(companies.map((c) => c.id))

  const explicit: ChurnRollupInput['explicit'] = [
    ...exits
      .filter((e) => e.primaryTagId && e.companyId && churned.has(e.companyId))
      .map((e) => ({
        companyId: e.companyId!,
        tagId: e.primaryTagId!,
        date: e.date,
        source: 'interview' as const,
      })),
    ...surveys
      .filter((s) => s.tagId && churned.has(s.companyId))
      .map((s) => ({ companyId: s.companyId, tagId: s.tagId!, date: s.date, source: 'survey' as const })),
  ]
  const surveyMrr = surveys
    .filter((s) => s.mrrMinor !== null && churned.has(s.companyId))
    .map((s) => ({ companyId: s.companyId, date: s.date, mrrMinor: s.mrrMinor! }))
  // Only churned companies' exit interviews can carry evidence, so the walk starts there (CROSS JOIN fixes
  // that loop order) and reads each interview's per-tag highlight counts (interview_tag_counts, kept by
  // triggers) instead of every tagged highlight. The unary + keeps SQLite from probing the counts once per
  // churn tag. Summing per-interview counts gives the (highlight, tag) pairs per company, each counted once:
  // (highlight, tag) is the key of highlight_tags and a highlight belongs to one interview or survey row.
  const highlights = (
    ctx.sqlite
      .prepare(
        `select p.company_id as companyId, itc.tag_id as tagId, sum(itc.highlights) as highlights
         from companies c
         cross join participants p on p.company_id = c.id
         cross join interviews i on i.participant_id = p.id
         cross join studies s on s.id = i.study_id
         cross join interview_tag_counts itc on itc.interview_id = i.id
         where c.status = 'churned' and s.method = 'exit' and (? is null or i.study_id = ?)
           and +itc.tag_id in (select id from tags where kind = 'churn_reason' and deleted_at is null)
         group by 1, 2
         union all
         select r.company_id, ht.tag_id, count(*)
         from churn_survey_responses r cross join highlights h on h.survey_response_id = r.id
         cross join highlight_tags ht on ht.highlight_id = h.id cross join tags t on t.id = ht.tag_id
         where t.kind = 'churn_reason' and t.deleted_at is null and (? is null or r.study_id = ?)
         group by 1, 2`,
      )
      .all(studyId, studyId, studyId, studyId) as { companyId: string; tagId: string; highlights: number }[]
  ).filter((h) => churned.has(h.companyId))
  return {
    companies,
    tags,
    explicit,
    highlights,
    surveyMrr,
    currencies: [...new Set(companies.map((c) => c.currency))].sort(),
  }
}

export function churnReasonRollup(ctx: ServiceContext, scope: Scope, slice?: ChurnSlice) {
  const input = loadChurnInput(ctx, scope, slice)
  const rollup = churnRollup(input)
  return {
    rows: rollup.rows,
    pareto: { companies: pareto(rollup, 'companies'), lostMrr: pareto(rollup, 'lostMrr') },
    totals: rollup.totals,
    currencies: input.currencies,
  }
}

/** Quotes of one reason (and its descendants) for churned companies in scope: highlights, then survey comments. */
export function churnQuotes(
  ctx: ServiceContext,
  input: { tagId: string; studyId?: string | null | undefined },
) {
  const studyId = scopedStudy(ctx, input)
  const tag = ctx.sqlite
    .prepare("select id from tags where id = ? and kind = 'churn_reason' and deleted_at is null")
    .get(input.tagId)
  mustExist(tag, 'Churn reason', input.tagId)
  const subtree = `with recursive sub(id) as (select ? union select t.id from tags t join sub on t.parent_id = sub.id where t.deleted_at is null)`
  const highlights = ctx.sqlite
    .prepare(
      `${subtree}
       select distinct h.id as highlightId, null as surveyResponseId, h.quote, c.id as companyId, c.name as companyName, p.name as participantName,
              i.id as interviewId, i.title as interviewTitle, n.question_id, h.transcript_id, h.start_offset, h.created_at as at
       from highlights h join highlight_tags ht on ht.highlight_id = h.id join sub on sub.id = ht.tag_id
       left join interview_notes n on n.id = h.note_id
       join interviews i on i.id = h.interview_id join studies s on s.id = i.study_id
       join participants p on p.id = i.participant_id join companies c on c.id = p.company_id
       where s.method = 'exit' and c.status = 'churned' and (? is null or i.study_id = ?)
       union
       select h.id, r.id, h.quote, c.id, c.name, null, null, null, null, null, 0, h.created_at
       from highlights h join highlight_tags ht on ht.highlight_id = h.id join sub on sub.id = ht.tag_id
       join churn_survey_responses r on r.id = h.survey_response_id join companies c on c.id = r.company_id
       where (? is null or r.study_id = ?)
       order by companyName collate nocase, at`,
    )
    .all(input.tagId, studyId, studyId, studyId, studyId) as Record<string, unknown>[]
  const seen = new Set(highlights.map((h) => h.surveyResponseId).filter(Boolean))
  const comments = (
    ctx.sqlite
      .prepare(
        `${subtree}
         select null as highlightId, r.id as surveyResponseId, r.comment as quote, c.id as companyId, c.name as companyName,
                null as participantName, null as interviewId, null as interviewTitle
         from churn_survey_responses r join sub on sub.id = r.reason_tag_id join companies c on c.id = r.company_id
         where r.comment <> '' and (? is null or r.study_id = ?) order by c.name collate nocase, r.responded_on`,
      )
      .all(input.tagId, studyId, studyId) as Record<string, unknown>[]
  ).filter((c) => !seen.has(c.surveyResponseId))
  return [...highlights, ...comments].map((q) => ({
    highlightId: (q.highlightId as string | null) ?? null,
    surveyResponseId: (q.surveyResponseId as string | null) ?? null,
    quote: q.quote as string,
    companyId: q.companyId as string,
    companyName: q.companyName as string,
    participantName: (q.participantName as string | null) ?? null,
    interviewId: (q.interviewId as string | null) ?? null,
    ...placeOfHighlight(ctx.sqlite, {
      question_id: (q.question_id as string | null) ?? null,
      transcript_id: (q.transcript_id as string | null) ?? null,
      start_offset: (q.start_offset as number | null) ?? 0,
    }),
    interviewTitle: (q.interviewTitle as string | null) ?? null,
  }))
}

/** Exit interviews with no primary reason set, each with the roll-up's default (its most-evidenced reason). */
export function uncodedExitInterviews(ctx: ServiceContext, scope: Scope) {
  const studyId = scopedStudy(ctx, scope)
  const rows = ctx.sqlite
    .prepare(
      `select i.id as interviewId, i.title, i.study_id as studyId, s.name as studyName, p.name as participantName,
              c.id as companyId, c.name as companyName, i.conducted_at as conductedAt
       from interviews i join studies s on s.id = i.study_id left join participants p on p.id = i.participant_id
       left join companies c on c.id = p.company_id
       where s.method = 'exit' and (? is null or i.study_id = ?)
         and ${lacksLiveTag('i.primary_churn_reason_tag_id')}
       order by coalesce(i.conducted_at, i.created_at) desc, i.id`,
    )
    .all(studyId, studyId) as {
    interviewId: string
    title: string
    studyId: string
    studyName: string
    participantName: string | null
    companyId: string | null
    companyName: string | null
    conductedAt: string | null
  }[]
  const tallies = churnReasonTallies(
    ctx,
    rows.map((r) => r.interviewId),
  )
  return rows.map((r) => {
    const tally = tallies.get(r.interviewId) ?? []
    return {
      ...r,
      suggestedTagId: tally[0]?.id ?? null,
      suggestedTagName: tally[0]?.name ?? null,
      churnReasonHighlights: tally.reduce((s, t) => s + t.n, 0),
    }
  })
}

/**
 * The churn-reason tags coded in each interview, most-evidenced first (ties: by code): the first is the
 * roll-up's default primary reason, the others its secondary reasons. One read of the per-interview tag
 * counts (kept by triggers) for all the interviews.
 */
function churnReasonTallies(ctx: ServiceContext, interviewIds: readonly string[]) {
  const rows = prepared(
    ctx.sqlite,
    `select c.interview_id as interviewId, t.id, t.name, t.code, c.highlights as n
     from interview_tag_counts c join tags t on t.id = c.tag_id
     where c.interview_id in (select value from json_each(?)) and t.kind = 'churn_reason' and t.deleted_at is null
     order by c.interview_id, n desc, (t.code is null), t.code, t.name, t.id`,
  ).all(JSON.stringify(interviewIds)) as {
    interviewId: string
    id: string
    name: string
    code: string | null
    n: number
  }[]
  const out = new Map<string, typeof rows>()
  for (const r of rows) out.set(r.interviewId, [...(out.get(r.interviewId) ?? []), r])
  return out
}

/** An exit interview's primary reason as set (null when unset or its tag was deleted), the default, and the coded reasons. */
export function interviewChurnReasons(ctx: ServiceContext, interviewId: string) {
  const row = mustExist(
    ctx.sqlite
      .prepare(
        `select s.method, t.id as primaryTagId from interviews i join studies s on s.id = i.study_id
         left join tags t on t.id = i.primary_churn_reason_tag_id and t.deleted_at is null where i.id = ?`,
      )
      .get(interviewId) as { method: string; primaryTagId: string | null } | undefined,
    'Interview',
    interviewId,
  )
  const tally = churnReasonTallies(ctx, [interviewId]).get(interviewId) ?? []
  return {
    exit: row.method === 'exit',
    primaryTagId: row.primaryTagId,
    suggestedTagId: tally[0]?.id ?? null,
    coded: tally.map((t) => ({ tagId: t.id, name: t.name, code: t.code, highlights: t.n })),
  }
}

export function setPrimaryReason(ctx: ServiceContext, input: { interviewId: string; tagId: string | null }) {
  const interview = mustExist(
    ctx.sqlite
      .prepare('select i.id, s.method from interviews i join studies s on s.id = i.study_id where i.id = ?')
      .get(input.interviewId) as { id: string; method: string } | undefined,
    'Interview',
    input.interviewId,
  )
  if (interview.method !== 'exit')
    throw new AppError(
      'VALIDATION',
      'A primary churn reason can only be set on an interview of an exit study.',
    )
  if (input.tagId) {
    const tag = ctx.sqlite
      .prepare('select kind, deleted_at as deletedAt, name from tags where id = ?')
      .get(input.tagId) as { kind: string; deletedAt: string | null; name: string } | undefined
    mustExist(tag && !tag.deletedAt ? tag : undefined, 'Tag', input.tagId)
    if (tag!.kind !== 'churn_reason')
      throw new AppError(
        'VALIDATION',
        `"${tag!.name}" is not a churn-reason tag; choose a reason from the churn taxonomy.`,
      )
  }
  setInterviewPrimaryReason(ctx, input.interviewId, input.tagId)
  return { interviewId: input.interviewId, tagId: input.tagId }
}

/** Push / pull / anxiety / habit with per-participant counts and up to five example quotes each. */
