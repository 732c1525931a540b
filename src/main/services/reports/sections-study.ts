import { SEGMENTS } from '../../../shared/domain/common'
import type { ReportLabels } from '../../../shared/reports/labels'
import type { ReportBlock, ReportCell, ReportSection } from '../../../shared/reports/model'
import type { ServiceContext } from '../../db/context'
import { metricsFor } from '../metrics-summary'
import { INTERVIEW_DATE, SCOPED_INTERVIEWS, type InterviewScope } from './scope'

/** Method and coverage: how many interviews, with whom, when, by whom, and per ABCD segment against the target. */
export function methodSection(
  ctx: ServiceContext,
  scope: InterviewScope,
  labels: ReportLabels,
): Omit<ReportSection, 'id' | 'title'> {
  const l = labels.method
  const totals = ctx.sqlite
    .prepare(
      `select count(*) as interviews, count(distinct p.id) as participants, count(distinct co.id) as companies,
              min(${INTERVIEW_DATE}) as first, max(${INTERVIEW_DATE}) as last
       ${SCOPED_INTERVIEWS} where ${scope.where}`,
    )
    .get(scope.params) as {
    interviews: number
    participants: number
    companies: number
    first: string | null
    last: string | null
  }
  const interviewers = (
    ctx.sqlite
      .prepare(
        `select distinct trim(i.interviewer) as name ${SCOPED_INTERVIEWS}
         where ${scope.where} and trim(i.interviewer) <> '' order by 1`,
      )
      .pluck()
      .all(scope.params) as string[]
  ).join(', ')
  const bySegment = new Map(
    (
      ctx.sqlite
        .prepare(
          `select coalesce(co.segment, '') as segment, count(*) as interviews, sum(i.status = 'done') as done,
                  count(distinct co.id) as companies
           ${SCOPED_INTERVIEWS} where ${scope.where} group by co.segment`,
        )
        .all(scope.params) as { segment: string; interviews: number; done: number; companies: number }[]
    ).map((r) => [r.segment, r]),
  )
  const target = scope.params.studyId
    ? (ctx.sqlite
        .prepare('select target_interviews from studies where id = ?')
        .pluck()
        .get(scope.params.studyId) as number)
    : null
  const rows: ReportCell[][] = [...SEGMENTS, ''].map((s) => {
    const r = bySegment.get(s)
    return [s || l.unsegmented, r?.interviews ?? 0, r?.done ?? 0, r?.companies ?? 0]
  })
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      runs: [{ text: l.intro(totals.interviews, totals.companies, totals.participants) }],
    },
  ]
  if (totals.first && totals.last)
    blocks.push({ kind: 'paragraph', runs: [{ text: l.dates(totals.first, totals.last) }] })
  if (interviewers)
    blocks.push({
      kind: 'paragraph',
      runs: [{ text: `${l.interviewers}: `, bold: true }, { text: interviewers }],
    })
  if (target !== null)
    blocks.push({
      kind: 'paragraph',
      runs: [{ text: `${l.target}: `, bold: true }, { text: `${totals.interviews} / ${target}` }],
    })
  blocks.push({
    kind: 'table',
    caption: l.coverage,
    sheetName: 'Coverage',
    columns: [
      { header: l.segment, type: 'text' },
      { header: l.interviews, type: 'integer' },
      { header: l.done, type: 'integer' },
      { header: l.companies, type: 'integer' },
    ],
    rows,
  })
  return { blocks }
}

/** NPS, CSAT, CES and CSI of the interviews in scope, with the formulas' definitions. */
export function metricsSection(
  ctx: ServiceContext,
  scope: InterviewScope,
  labels: ReportLabels,
): Omit<ReportSection, 'id' | 'title'> {
  const l = labels.metrics
  const params = [scope.params]
  const m = metricsFor(
    ctx,
    `${scope.where.replaceAll('co.segment', '(select segment from companies where id = p.company_id)')}`,
    params,
  )
  const rows: ReportCell[][] = []
  if (m.nps) rows.push(['NPS', m.nps.value, m.nps.respondents])
  if (m.csat)
    rows.push(
      ['CSAT', m.csat.value, m.csat.respondents],
      ['CSAT top-2-box', m.csat.top2box, m.csat.respondents],
    )
  if (m.ces) rows.push(['CES', m.ces.value, m.ces.respondents])
  if (m.csi) rows.push(['CSI', m.csi.percent, m.csi.rated])
  const blocks: ReportBlock[] = rows.length
    ? [
        {
          kind: 'table',
          caption: labels.sections.metrics,
          sheetName: 'Metrics',
          columns: [
            { header: l.metric, type: 'text' },
            { header: l.value, type: 'decimal' },
            { header: l.respondents, type: 'integer' },
          ],
          rows,
        },
      ]
    : [{ kind: 'paragraph', runs: [{ text: l.none }] }]
  if (m.nps) {
    const { promoters, passives, detractors } = m.nps
    blocks.push({
      kind: 'table',
      caption: 'NPS',
      sheetName: 'NPS distribution',
      columns: [
        { header: 'Promoters (9–10)', type: 'integer' },
        { header: 'Passives (7–8)', type: 'integer' },
        { header: 'Detractors (0–6)', type: 'integer' },
      ],
      rows: [[promoters, passives, detractors]],
    })
  }
  blocks.push({ kind: 'bullets', items: l.definitions.map((d) => [{ text: d }]) })
  return { blocks }
}

/** The participants interviewed and their companies, with the attributes that matter for churn. */
export function peopleSection(
  ctx: ServiceContext,
  scope: InterviewScope,
  labels: ReportLabels,
): Omit<ReportSection, 'id' | 'title'> {
  const l = labels.people
  const participants = ctx.sqlite
    .prepare(
      `select distinct p.id, p.name, p.role, co.name as company ${SCOPED_INTERVIEWS}
       where ${scope.where} and p.id is not null order by p.name, p.id`,
    )
    .all(scope.params) as { id: string; name: string; role: string; company: string | null }[]
  const companies = ctx.sqlite
    .prepare(
      `select distinct co.id, co.name, co.segment, co.plan, co.mrr_minor as mrr, co.currency, co.status,
              co.customer_since as since, co.churned_on as churnedOn
       ${SCOPED_INTERVIEWS} where ${scope.where} and co.id is not null order by co.name, co.id`,
    )
    .all(scope.params) as {
    name: string
    segment: string | null
    plan: string
    mrr: number
    currency: string
    status: string
    since: string | null
    churnedOn: string | null
  }[]
  const currency = companies[0]?.currency ?? 'USD'
  return {
    blocks: [
      {
        kind: 'table',
        caption: l.participants,
        sheetName: 'Participants',
        columns: [
          { header: l.name, type: 'text' },
          { header: l.role, type: 'text' },
          { header: l.company, type: 'text' },
        ],
        rows: participants.map((p) => [p.name, p.role, p.company]),
      },
      {
        kind: 'table',
        caption: l.companies,
        sheetName: 'Companies',
        columns: [
          { header: l.name, type: 'text' },
          { header: l.segment, type: 'text' },
          { header: l.plan, type: 'text' },
          { header: l.mrr, type: 'money', currency },
          { header: l.status, type: 'text' },
          { header: l.customerSince, type: 'date' },
          { header: l.churnedOn, type: 'date' },
        ],
        rows: companies.map((c) => [c.name, c.segment, c.plan, c.mrr, c.status, c.since, c.churnedOn]),
      },
    ],
  }
}
