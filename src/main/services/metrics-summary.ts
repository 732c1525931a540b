import type { MetricsSummary } from '../../shared/domain/study'
import { computeCes, computeCsat, computeCsiAcross, computeNps } from '../../shared/metrics'
import type { ServiceContext } from '../db/context'
import type { InterviewRow } from '../db/rows'

type RatingRow = Pick<InterviewRow, 'nps' | 'csat' | 'ces' | 'csi_ratings'>

function present(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null)
}

/** Metrics over the interviews matched by a WHERE clause on interviews (alias i). */
export function metricsFor(ctx: ServiceContext, where: string, params: unknown[]): MetricsSummary {
  const rows = ctx.sqlite
    .prepare(
      `select i.nps, i.csat, i.ces, i.csi_ratings from interviews i
       left join participants p on p.id = i.participant_id where ${where}`,
    )
    .all(...params) as RatingRow[]
  const nps = computeNps(present(rows.map((r) => r.nps)))
  const csatRatings = present(rows.map((r) => r.csat))
  const csat = computeCsat(csatRatings)
  const top2 = computeCsat(csatRatings, { method: 'top2box' })
  const ces = computeCes(present(rows.map((r) => r.ces)))
  const csi = computeCsiAcross(rows.map((r) => JSON.parse(r.csi_ratings) as Record<string, number | null>))
  return {
    interviews: rows.length,
    nps: nps && {
      value: nps.nps,
      respondents: nps.respondents,
      promoters: nps.promoters,
      passives: nps.passives,
      detractors: nps.detractors,
    },
    csat: csat && top2 && { value: csat.value, top2box: top2.value, respondents: csat.respondents },
    ces: ces && { value: ces.value, respondents: ces.respondents },
    csi: csi && { value: csi.value, percent: csi.percent, rated: csi.rated },
  }
}
