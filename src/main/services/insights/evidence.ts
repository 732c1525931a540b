import type { Segment } from '../../../shared/domain/common'
import type { InsightSummary } from '../../../shared/domain/insight'
import { computeConfidence, type EvidenceItem } from '../../../shared/insights/confidence'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import { HIGHLIGHT_SOURCE_JOINS } from '../evidence'

/**
 * What an insight's confidence is computed from: per linked quote its stance, who said it (company and
 * participant, the company's segment), how (the study's method, or "survey") and when (the interview's date,
 * else the survey's). Read for many insights at once, so a list of insights costs one query.
 */
const ITEMS_SQL = `
  select e.insight_id as insightId, h.id as highlightId, e.stance,
    coalesce(p.company_id, sr.company_id) as companyId, i.participant_id as participantId, c.segment,
    case when sr.id is not null then 'survey' else s.method end as method,
    case when sr.id is not null then sr.responded_on
      else substr(coalesce(i.conducted_at, i.scheduled_at, i.created_at, h.created_at), 1, 10) end as date
  from insight_evidence e
  join highlights h on h.id = e.highlight_id ${HIGHLIGHT_SOURCE_JOINS}
  where e.insight_id in (select value from json_each(?))
  order by e.insight_id, e.position`

type ItemRow = EvidenceItem & { insightId: string; segment: Segment | null }

export type Scored = Pick<InsightSummary, 'counts' | 'confidence'>

/** Confidence and evidence counts per insight id (every id given gets an entry, evidence or not). */
export function scoreInsights(ctx: ServiceContext, ids: readonly string[]): Map<string, Scored> {
  const byInsight = new Map<string, EvidenceItem[]>(ids.map((id) => [id, []]))
  if (ids.length)
    for (const row of prepared(ctx.sqlite, ITEMS_SQL).all(JSON.stringify(ids)) as ItemRow[]) {
      const { insightId, ...item } = row
      byInsight.get(insightId)?.push(item)
    }
  const now = ctx.now().toISOString()
  const out = new Map<string, Scored>()
  for (const [id, items] of byInsight) {
    const backing = items.filter((e) => e.stance === 'for')
    out.set(id, {
      counts: {
        for: backing.length,
        against: items.length - backing.length,
        companies: new Set(backing.map((e) => e.companyId).filter(Boolean)).size,
        participants: new Set(backing.map((e) => e.participantId).filter(Boolean)).size,
      },
      confidence: computeConfidence(items, now),
    })
  }
  return out
}
