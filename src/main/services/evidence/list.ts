import type { z } from 'zod'
import type {
  EvidenceFilterOptions,
  EvidenceGroup,
  EvidenceList,
  EvidenceListInputSchema,
  EvidenceRow,
} from '../../../shared/ipc/contracts/evidence'
import { formatCitation } from '../../../shared/search/citation'
import type { ServiceContext } from '../../db/context'
import type { HighlightRow } from '../../db/rows'
import { INTERVIEW_DATE } from '../scope'
import { placeOfHighlight } from './place'

type ListInput = z.output<typeof EvidenceListInputSchema>

/** Each filter as its condition on the interview sources and on the survey-response sources. */
const FILTERS: [
  field: 'studyId' | 'segment' | 'companyId' | 'participantId' | 'method' | 'from' | 'to',
  onInterviews: string,
  onSurveys: string,
][] = [
  ['studyId', 'i.study_id = @studyId', 'sr.study_id = @studyId'],
  ['segment', 'c.segment = @segment', 'c.segment = @segment'],
  ['companyId', 'p.company_id = @companyId', 'sr.company_id = @companyId'],
  ['participantId', 'i.participant_id = @participantId', '0'], // a survey response has no participant
  ['method', 's.method = @method', 's.method = @method'],
  ['from', `${INTERVIEW_DATE} >= @from`, 'sr.responded_on >= @from'],
  ['to', `${INTERVIEW_DATE} <= @to`, 'sr.responded_on <= @to'],
]

/**
 * The filters as SQL over two kinds of evidence sources: interviews (notes and transcripts) and cancellation-
 * survey responses. Filtering the few thousand sources first, then taking their highlights through the
 * source indexes, keeps a 200k-highlight library fast.
 */
function filterSql(input: ListInput): { ctes: string; src: string; params: Record<string, string> } {
  const params: Record<string, string> = {}
  const iv: string[] = []
  const sv: string[] = []
  for (const [field, onInterviews, onSurveys] of FILTERS) {
    const value = input[field]
    if (!value) continue
    params[field] = value
    iv.push(onInterviews)
    sv.push(onSurveys)
  }
  const where = (conds: string[]) => (conds.length ? `where ${conds.join(' and ')}` : '')
  const tagCtes = input.tagId
    ? // The tag and every live descendant: choosing "Pricing" also finds quotes tagged "Pricing › Too expensive".
      `tagset(id) as (
        select id from tags where id = @tagId and deleted_at is null
        union select t.id from tags t join tagset ts on t.parent_id = ts.id where t.deleted_at is null),
      tagged as materialized (
        select h.rowid as hr, h.id, h.interview_id, h.survey_response_id from highlights h
        where h.id in (select highlight_id from highlight_tags where tag_id in (select id from tagset))),`
    : ''
  if (input.tagId) params['tagId'] = input.tagId
  // Highlights of the filtered sources; "src" is the highlights table itself or, with a tag, its tagged subset.
  const src = input.tagId ? 'tagged' : 'highlights'
  const ctes = `with recursive ${tagCtes}
    iv as materialized (
      select i.id, i.participant_id, p.company_id from interviews i
      join studies s on s.id = i.study_id
      left join participants p on p.id = i.participant_id
      left join companies c on c.id = p.company_id
      ${where(iv)}),
    sv as materialized (
      select sr.id, sr.company_id from churn_survey_responses sr
      join companies c on c.id = sr.company_id
      left join studies s on s.id = sr.study_id
      ${where(sv)}),
    per_source as materialized (${
      iv.length + sv.length
        ? // A few sources: count each one's highlights through the source indexes.
          `select iv.participant_id, iv.company_id, (select count(*) from ${src} h where h.interview_id = iv.id) as n from iv
           union all
           select null, sv.company_id, (select count(*) from ${src} h where h.survey_response_id = sv.id) from sv`
        : // Every source: one grouped pass over the highlights beats thousands of index probes.
          `select iv.participant_id, iv.company_id, a.n from iv
             join (select interview_id as k, count(*) as n from ${src} where interview_id is not null group by interview_id) a on a.k = iv.id
           union all
           select null, sv.company_id, a.n from sv
             join (select survey_response_id as k, count(*) as n from ${src} where survey_response_id is not null group by survey_response_id) a on a.k = sv.id`
    }),
    hl as (
      select ${input.tagId ? 'h.hr, h.id' : 'h.rowid as hr, h.id'} from ${src} h
      ${iv.length + sv.length ? 'where h.interview_id in (select id from iv) or h.survey_response_id in (select id from sv)' : 'where h.interview_id is not null or h.survey_response_id is not null'})`
  return { ctes, src, params }
}

// ROW_SQL's row: the highlight's own columns, then its source's place and context through the joins.
type RowRaw = Pick<
  HighlightRow,
  'id' | 'quote' | 'memo' | 'emotion' | 'note_id' | 'transcript_id' | 'start_offset' | 'survey_response_id'
> & {
  interview_id: string | null
  question_id: string | null
  study_id: string | null
  study_name: string | null
  method: EvidenceRow['method']
  participant_id: string | null
  participant_name: string | null
  company_id: string | null
  company_name: string | null
  segment: EvidenceRow['segment']
  date: string | null
}

/**
 * From a highlight `h` to where it was said and by whom: its note or transcript (n, tr), the interview (i) or
 * survey response (sr), the study (s), the participant (p) and the company (c, the participant's or the
 * response's). Every reader of a quote's context joins the same way.
 */
export const HIGHLIGHT_SOURCE_JOINS = `
  left join interview_notes n on n.id = h.note_id
  left join transcripts tr on tr.id = h.transcript_id
  left join interviews i on i.id = coalesce(h.interview_id, n.interview_id, tr.interview_id)
  left join churn_survey_responses sr on sr.id = h.survey_response_id
  left join studies s on s.id = coalesce(i.study_id, sr.study_id)
  left join participants p on p.id = i.participant_id
  left join companies c on c.id = coalesce(p.company_id, sr.company_id)`

const ROW_SELECT = `
  select h.id, h.quote, h.memo, h.emotion, h.note_id, h.transcript_id, h.start_offset, h.survey_response_id,
    coalesce(h.interview_id, n.interview_id, tr.interview_id) as interview_id, n.question_id,
    s.id as study_id, s.name as study_name, s.method, p.id as participant_id, p.name as participant_name,
    c.id as company_id, c.name as company_name, c.segment,
    case when sr.id is not null then sr.responded_on else ${INTERVIEW_DATE} end as date
  from highlights h ${HIGHLIGHT_SOURCE_JOINS}`
const ROW_SQL = `${ROW_SELECT} where h.rowid = ?`

/** Highlights matching the filters, newest first, one page at a time, with counts of distinct sources. */
export function listEvidence(ctx: ServiceContext, input: ListInput): EvidenceList {
  const filter = filterSql(input)
  const { ctes, params } = filter
  // Counted per source first (interview or survey response), so the distinct counts touch thousands of rows.
  const counts = ctx.sqlite
    .prepare(
      `${ctes} select coalesce(sum(n), 0) as highlights,
         count(distinct case when n > 0 then participant_id end) as participants,
         count(distinct case when n > 0 then company_id end) as companies
       from per_source`,
    )
    .get(params) as EvidenceList['counts']
  const page = ctx.sqlite
    .prepare(`${ctes} select hr from hl order by hr desc limit @limit offset @offset`)
    .pluck()
    .all({ ...params, limit: input.limit, offset: input.offset }) as number[]
  const rowStmt = ctx.sqlite.prepare(ROW_SQL)
  const rows = evidenceRowsOf(
    ctx,
    page.map((rowid) => rowStmt.get(rowid) as RowRaw),
  )
  const result: EvidenceList = { total: counts.highlights, counts, rows }
  if (input.groupBy === 'tag') result.groups = groupsByTag(ctx, filter)
  return result
}

/** The evidence rows of these highlights, in the order given; ids that are gone are left out. */
export function evidenceRowsByIds(ctx: ServiceContext, highlightIds: readonly string[]): EvidenceRow[] {
  const stmt = ctx.sqlite.prepare(`${ROW_SELECT} where h.id = ?`)
  return evidenceRowsOf(
    ctx,
    highlightIds.map((id) => stmt.get(id) as RowRaw | undefined).filter((r): r is RowRaw => r !== undefined),
  )
}

function evidenceRowsOf(ctx: ServiceContext, raws: RowRaw[]): EvidenceRow[] {
  const tags = tagsOf(
    ctx,
    raws.map((r) => r.id),
  )
  return raws.map((r) => ({
    highlightId: r.id,
    quote: r.quote,
    memo: r.memo,
    emotion: r.emotion,
    tags: tags.get(r.id) ?? [],
    source: r.note_id ? 'note' : r.transcript_id ? 'transcript' : 'survey',
    interviewId: r.interview_id,
    ...placeOfHighlight(ctx.sqlite, r),
    surveyResponseId: r.survey_response_id,
    studyId: r.study_id,
    studyName: r.study_name,
    participantId: r.participant_id,
    participantName: r.participant_name,
    companyId: r.company_id,
    companyName: r.company_name,
    segment: r.segment,
    method: r.method,
    date: r.date,
    citation: formatCitation({
      quote: r.quote,
      participantName: r.participant_name,
      companyName: r.company_name,
      segment: r.segment,
      studyName: r.study_name,
      date: r.date,
    }),
  }))
}

function tagsOf(ctx: ServiceContext, highlightIds: string[]): Map<string, EvidenceRow['tags']> {
  const out = new Map<string, EvidenceRow['tags']>()
  if (!highlightIds.length) return out
  const rows = ctx.sqlite
    .prepare(
      `select ht.highlight_id, t.id, t.name, t.color, t.code from highlight_tags ht join tags t on t.id = ht.tag_id
       where ht.highlight_id in (select value from json_each(?)) and t.deleted_at is null order by t.name`,
    )
    .all(JSON.stringify(highlightIds)) as {
    highlight_id: string
    id: string
    name: string
    color: string
    code: string | null
  }[]
  for (const r of rows) {
    const list = out.get(r.highlight_id) ?? []
    list.push({ id: r.id, name: r.name, color: r.color, code: r.code })
    out.set(r.highlight_id, list)
  }
  return out
}

/**
 * One group per tag on the filtered highlights (the tag itself, not rolled up), most evidenced first.
 * Aggregated here rather than in one SQL join: linking 200k tag rows to their highlights' interviews through
 * text ids costs SQLite seconds, while two sequential scans and hash maps take a fraction of that.
 */
function groupsByTag(
  ctx: ServiceContext,
  { ctes, src, params }: ReturnType<typeof filterSql>,
): EvidenceGroup[] {
  const db = ctx.sqlite
  const interviews = new Map<string, [participant: string | null, company: string | null]>()
  for (const [id, p, c] of db
    .prepare(`${ctes} select id, participant_id, company_id from iv`)
    .raw()
    .all(params) as [string, string | null, string | null][])
    interviews.set(id, [p, c])
  const surveys = new Map<string, string | null>()
  for (const [id, c] of db.prepare(`${ctes} select id, company_id from sv`).raw().all(params) as [
    string,
    string | null,
  ][])
    surveys.set(id, c)

  const sourceOf = new Map<string, [participant: string | null, company: string | null]>()
  for (const [id, iv, sr] of db
    .prepare(`${ctes} select id, interview_id, survey_response_id from ${src}`)
    .raw()
    .all(params) as [string, string | null, string | null][]) {
    const viaInterview = iv ? interviews.get(iv) : undefined
    if (viaInterview) sourceOf.set(id, viaInterview)
    else if (sr && surveys.has(sr)) sourceOf.set(id, [null, surveys.get(sr) ?? null])
  }

  const tags = new Map(
    (
      db.prepare('select id, name, color, code from tags where deleted_at is null').all() as {
        id: string
        name: string
        color: string
        code: string | null
      }[]
    ).map((t) => [t.id, t]),
  )
  const acc = new Map<string, { highlights: number; participants: Set<string>; companies: Set<string> }>()
  for (const [highlightId, tagId] of db
    .prepare('select highlight_id, tag_id from highlight_tags')
    .raw()
    .all() as [string, string][]) {
    const source = sourceOf.get(highlightId)
    if (!source || !tags.has(tagId)) continue
    let g = acc.get(tagId)
    if (!g) acc.set(tagId, (g = { highlights: 0, participants: new Set(), companies: new Set() }))
    g.highlights++
    if (source[0]) g.participants.add(source[0])
    if (source[1]) g.companies.add(source[1])
  }
  return [...acc.entries()]
    .map(([tagId, g]) => {
      const tag = tags.get(tagId)!
      return {
        tagId,
        name: tag.name,
        color: tag.color,
        code: tag.code,
        highlights: g.highlights,
        participants: g.participants.size,
        companies: g.companies.size,
      }
    })
    .sort((a, b) => b.highlights - a.highlights || a.name.localeCompare(b.name))
}

export function evidenceFilterOptions(ctx: ServiceContext): EvidenceFilterOptions {
  const db = ctx.sqlite
  return {
    studies: db
      .prepare('select id, name, method from studies order by name collate nocase')
      .all() as EvidenceFilterOptions['studies'],
    tags: db
      .prepare(
        'select id, parent_id as parentId, name, color, code from tags where deleted_at is null order by position, name collate nocase',
      )
      .all() as EvidenceFilterOptions['tags'],
    companies: db
      .prepare('select id, name, segment from companies order by name collate nocase')
      .all() as EvidenceFilterOptions['companies'],
    participants: db
      .prepare('select id, name, company_id as companyId from participants order by name collate nocase')
      .all() as EvidenceFilterOptions['participants'],
  }
}
