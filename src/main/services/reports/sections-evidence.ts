import type { ReportLabels } from '../../../shared/reports/labels'
import type { ReportBlock, ReportChart, ReportSection } from '../../../shared/reports/model'
import type { ServiceContext } from '../../db/context'
import { churnQuotes, churnReasonRollup, inChurnSlice, type ChurnSlice } from '../churn'
import { forcesSummary, type InterviewSlice } from '../forces'
import { listJobStories } from '../stories'
import { SCOPED_INTERVIEWS, type InterviewScope } from './scope'

type Body = Omit<ReportSection, 'id' | 'title'>
/** Draws a chart from its numbers (src/shared/reports/charts.ts); injected so sections stay about data. */
export type ChartOf = (chart: Omit<ReportChart, 'svg' | 'width' | 'height'>) => ReportChart

/** Quotes shown per churn reason and per force; the appendix has them all. */
const QUOTES_PER_ITEM = 3
const PARETO_BARS = 10

const attribution = (who: string | null, company: string | null, fallback: string): string =>
  [who, company].filter(Boolean).join(', ') || fallback

/** Churn reasons: the Pareto by companies and by lost MRR, the table with prevention, and quotes per reason. */
export function churnSection(
  ctx: ServiceContext,
  studyId: string | null,
  slice: ChurnSlice,
  labels: ReportLabels,
  chartOf: ChartOf,
): Body {
  const l = labels.churn
  const r = churnReasonRollup(ctx, { studyId }, slice)
  // The quotes of companies in the slice only, as the numbers above them count only those.
  const sliced = !(slice.segment || slice.from || slice.to)
    ? null
    : new Set(
        (
          ctx.sqlite
            .prepare("select id, segment, churned_on as churnedOn from companies where status = 'churned'")
            .all() as { id: string; segment: string | null; churnedOn: string | null }[]
        )
          .filter((c) => inChurnSlice(c, slice))
          .map((c) => c.id),
      )
  const leaves = r.rows.filter((row) => row.primaryCompanies > 0 || row.mentionedCompanies > 0)
  if (!leaves.length) return { blocks: [{ kind: 'paragraph', runs: [{ text: l.none }] }] }
  const currency = r.currencies[0] ?? 'USD'
  const bars = (list: typeof r.pareto.companies) =>
    list.slice(0, PARETO_BARS).map((b) => ({
      label: b.code ? `${b.code} ${b.name}` : b.name,
      value: b.value,
      cumulativeShare: b.cumulativeShare,
    }))
  const blocks: ReportBlock[] = [
    {
      kind: 'chart',
      chart: chartOf({ title: l.byCompanies, unit: l.companies, bars: bars(r.pareto.companies) }),
    },
    {
      kind: 'chart',
      chart: chartOf({
        title: l.byLostMrr,
        unit: `${l.lostMrr} (${currency})`,
        bars: bars(r.pareto.lostMrr).map((b) => ({ ...b, value: b.value / 100 })),
      }),
    },
    {
      kind: 'table',
      caption: labels.sections.churn,
      sheetName: 'Churn reasons',
      columns: [
        { header: l.code, type: 'text' },
        { header: l.reason, type: 'text' },
        { header: l.companies, type: 'integer' },
        { header: l.share, type: 'percent' },
        { header: l.lostMrr, type: 'money', currency },
        { header: l.share, type: 'percent' },
        { header: l.mentioned, type: 'integer' },
        { header: l.prevention, type: 'text' },
      ],
      // Only the reasons (and their categories) some company gave: a report is not the codebook.
      rows: r.rows
        .filter((row) => row.primaryCompanies > 0 || row.mentionedCompanies > 0)
        .map((row) => [
          row.code,
          `${'  '.repeat(row.depth)}${row.name}`,
          row.primaryCompanies,
          row.shareOfChurned,
          row.primaryLostMrr,
          row.shareOfLostMrr,
          row.mentionedCompanies,
          row.prevention,
        ]),
    },
  ]
  const children = r.pareto.companies.slice(0, PARETO_BARS).flatMap((bar) => {
    const quotes = churnQuotes(ctx, { tagId: bar.tagId, studyId })
      .filter((q) => !sliced || sliced.has(q.companyId))
      .slice(0, QUOTES_PER_ITEM)
    const prevention = r.rows.find((row) => row.tagId === bar.tagId)?.prevention ?? ''
    const body: ReportBlock[] = quotes.map((q) => ({
      kind: 'quote',
      text: q.quote,
      attribution: attribution(q.participantName, q.companyName, labels.unknownSpeaker),
    }))
    if (prevention)
      body.push({
        kind: 'paragraph',
        runs: [{ text: `${l.prevention}: `, bold: true }, { text: prevention }],
      })
    return body.length ? [{ title: l.quotesOf(bar.name), blocks: body }] : []
  })
  return { blocks, children }
}

/** The four forces with their counts and best quotes, then the job stories written from the interviews. */
export function forcesSection(
  ctx: ServiceContext,
  studyId: string | null,
  slice: InterviewSlice,
  labels: ReportLabels,
  chartOf: ChartOf,
): Body {
  const l = labels.forces
  const forces = forcesSummary(ctx, { studyId }, slice)
  const blocks: ReportBlock[] = [
    {
      kind: 'chart',
      chart: chartOf({
        title: labels.sections.forces,
        unit: l.participants,
        bars: forces.map((f) => ({ label: l.names[f.force] ?? f.force, value: f.participants })),
      }),
    },
    {
      kind: 'table',
      caption: labels.sections.forces,
      sheetName: 'Forces',
      columns: [
        { header: l.force, type: 'text' },
        { header: l.participants, type: 'integer' },
        { header: l.quotes, type: 'integer' },
      ],
      rows: forces.map((f) => [l.names[f.force] ?? f.force, f.participants, f.highlights]),
    },
  ]
  const children = forces
    .filter((f) => f.quotes.length)
    .map((f) => ({
      title: l.names[f.force] ?? f.force,
      blocks: f.quotes.slice(0, QUOTES_PER_ITEM).map((q): ReportBlock => ({
        kind: 'quote',
        text: q.quote,
        attribution: attribution(q.participantName, null, labels.unknownSpeaker),
      })),
    }))
  const stories = studyId ? listJobStories(ctx, { studyId }) : []
  if (stories.length)
    children.push({
      title: l.stories,
      blocks: [
        {
          kind: 'bullets',
          items: stories.map((s) => [{ text: `${s.situation} → ${s.motivation} → ${s.outcome}` }]),
        },
      ],
    })
  return { blocks, children }
}

/**
 * Every quote in scope grouped by tag (codebook order), each group in document order: interview, then the
 * place in its notes or transcript. A quote with several tags appears under each.
 */
export function appendixSection(
  ctx: ServiceContext,
  scope: InterviewScope,
  tagIds: string[] | null,
  labels: ReportLabels,
): Body {
  const rows = ctx.sqlite
    .prepare(
      `select t.id as tagId, t.name as tag, h.quote, p.name as participant, co.name as company
       ${SCOPED_INTERVIEWS}
       join highlights h on h.interview_id = i.id
       join highlight_tags ht on ht.highlight_id = h.id
       join tags t on t.id = ht.tag_id and t.deleted_at is null
       where ${scope.where} and (@tags is null or t.id in (select value from json_each(@tags)))
       order by t.kind, t.position, t.name, t.id, ${'coalesce(i.conducted_at, i.scheduled_at, i.created_at)'}, i.id,
                h.note_id, h.transcript_id, h.start_offset, h.id`,
    )
    .all({ ...scope.params, tags: tagIds ? JSON.stringify(tagIds) : null }) as {
    tagId: string
    tag: string
    quote: string
    participant: string | null
    company: string | null
  }[]
  if (!rows.length) return { blocks: [{ kind: 'paragraph', runs: [{ text: labels.appendix.none }] }] }
  const groups = new Map<string, { title: string; blocks: ReportBlock[] }>()
  for (const r of rows) {
    const group = groups.get(r.tagId) ?? { title: r.tag, blocks: [] }
    groups.set(r.tagId, group)
    group.blocks.push({
      kind: 'quote',
      text: r.quote,
      attribution: attribution(r.participant, r.company, labels.unknownSpeaker),
    })
  }
  return {
    blocks: [{ kind: 'paragraph', runs: [{ text: labels.appendix.quotes(rows.length) }] }],
    children: [...groups.values()].map((g) => ({
      title: `${g.title} (${g.blocks.length})`,
      blocks: g.blocks,
    })),
  }
}
