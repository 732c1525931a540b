import type { ReportLabels } from '../../../shared/reports/labels'
import type { ReportBlock, ReportCell, ReportColumn } from '../../../shared/reports/model'
import type { ServiceContext } from '../../db/context'
import { INTERVIEW_DATE, SCOPED_INTERVIEWS, type InterviewScope } from './scope'

type Table = Extract<ReportBlock, { kind: 'table' }>

/** Tag id → its path in the codebook ("Price › Too expensive"), over live tags. */
function tagPaths(ctx: ServiceContext): Map<string, string> {
  const tags = new Map(
    (
      ctx.sqlite
        .prepare('select id, parent_id as parentId, name from tags where deleted_at is null')
        .all() as {
        id: string
        parentId: string | null
        name: string
      }[]
    ).map((t) => [t.id, t]),
  )
  const paths = new Map<string, string>()
  const pathOf = (id: string, depth = 0): string => {
    const known = paths.get(id)
    if (known) return known
    const t = tags.get(id)
    if (!t) return ''
    // A parent cycle cannot be stored (the tag service refuses it); the depth cap keeps a damaged file safe.
    const parent = t.parentId && depth < 32 ? pathOf(t.parentId, depth + 1) : ''
    const path = parent ? `${parent} › ${t.name}` : t.name
    paths.set(id, path)
    return path
  }
  for (const id of tags.keys()) pathOf(id)
  return paths
}

/**
 * Every quote of the report's interviews (only those carrying one of `tagIds` when the report is filtered by
 * tag) in document order, with its tag paths and the attributes of who said it and where: one row a quote,
 * so a spreadsheet can filter and pivot what the document can only list.
 */
export function quotesTable(
  ctx: ServiceContext,
  scope: InterviewScope,
  tagIds: string[] | null,
  labels: ReportLabels,
): Table {
  const rows = ctx.sqlite
    .prepare(
      `select h.id, h.quote, h.memo, h.emotion, h.transcript_id as transcriptId,
              p.name as participant, p.role, co.name as company, co.segment, co.plan, co.mrr_minor as mrr,
              co.currency, co.status, co.customer_since as since, co.churned_on as churnedOn,
              i.title as interview, ${INTERVIEW_DATE} as date, s.name as study
       ${SCOPED_INTERVIEWS}
       join studies s on s.id = i.study_id
       join highlights h on h.interview_id = i.id
       where ${scope.where}
         and (@tags is null or exists (select 1 from highlight_tags ht
               where ht.highlight_id = h.id and ht.tag_id in (select value from json_each(@tags))))
       order by ${INTERVIEW_DATE}, i.id, h.note_id, h.transcript_id, h.start_offset, h.id`,
    )
    .all({ ...scope.params, tags: tagIds ? JSON.stringify(tagIds) : null }) as {
    id: string
    quote: string
    memo: string
    emotion: number | null
    transcriptId: string | null
    participant: string | null
    role: string | null
    company: string | null
    segment: string | null
    plan: string | null
    mrr: number | null
    currency: string | null
    status: string | null
    since: string | null
    churnedOn: string | null
    interview: string
    date: string
    study: string
  }[]
  const paths = tagPaths(ctx)
  const tagsOf = new Map<string, string[]>()
  if (rows.length)
    for (const { highlightId, tagId } of ctx.sqlite
      .prepare(
        `select highlight_id as highlightId, tag_id as tagId from highlight_tags
         where highlight_id in (select value from json_each(?))`,
      )
      .all(JSON.stringify(rows.map((r) => r.id))) as { highlightId: string; tagId: string }[]) {
      const path = paths.get(tagId)
      if (path) tagsOf.set(highlightId, [...(tagsOf.get(highlightId) ?? []), path])
    }
  const q = labels.quotes
  const p = labels.people
  type Row = (typeof rows)[number]
  // Each column beside the value it holds, so a header can never drift from its cells.
  const columns: [ReportColumn, (r: Row) => ReportCell][] = [
    [{ header: q.quote, type: 'text' }, (r) => r.quote],
    [{ header: q.tags, type: 'text' }, (r) => (tagsOf.get(r.id) ?? []).sort().join('; ')],
    [{ header: q.participant, type: 'text' }, (r) => r.participant],
    [{ header: p.role, type: 'text' }, (r) => r.role || null],
    [{ header: p.company, type: 'text' }, (r) => r.company],
    [{ header: p.segment, type: 'text' }, (r) => r.segment],
    [{ header: p.plan, type: 'text' }, (r) => r.plan || null],
    [
      { header: p.mrr, type: 'money', currency: rows.find((r) => r.currency)?.currency ?? 'USD' },
      (r) => r.mrr,
    ],
    [{ header: p.status, type: 'text' }, (r) => r.status],
    [{ header: p.customerSince, type: 'date' }, (r) => r.since],
    [{ header: p.churnedOn, type: 'date' }, (r) => r.churnedOn],
    [{ header: q.interview, type: 'text' }, (r) => r.interview],
    [{ header: q.date, type: 'date' }, (r) => r.date],
    [{ header: q.study, type: 'text' }, (r) => r.study],
    [{ header: q.source, type: 'text' }, (r) => (r.transcriptId ? q.sources.transcript : q.sources.note)],
    [{ header: q.emotion, type: 'integer' }, (r) => r.emotion],
    [{ header: q.memo, type: 'text' }, (r) => r.memo || null],
  ]
  return {
    kind: 'table',
    caption: q.sheet,
    sheetName: q.sheet,
    columns: columns.map(([c]) => c),
    rows: rows.map((r) => columns.map(([, value]) => value(r))),
  }
}
