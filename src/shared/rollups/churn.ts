import { isEarlyChurn } from '../metrics/churn'
import { ancestorsOf, treeOrder, type RollupTag } from './tree'
import { SEGMENT_BUCKETS, type Segment, type SegmentBucket } from '../domain/common'
import { CHURN_TYPES, type ChurnType } from '../domain/company'

/**
 * The churn-reason roll-up (issue 4 §5, domain brief §3.1 "roll-up rules", product reference "Churn rollup").
 *
 * Rules, all counted per company (a talkative interviewee never outweighs five quiet ones):
 * - Each churned company has at most ONE primary reason:
 *   1. an explicit one — set on one of its exit interviews, or the mapped reason of a churn-survey row; when a
 *      company has several, the most recent wins (by date; same date: the interview over the survey, since a
 *      researcher chose it; then the lowest tag id, just to be deterministic);
 *   2. otherwise its most-evidenced churn-reason tag: the tag on most of its highlights (exit interviews and
 *      survey comments). Ties: the lower code (PRC-01 before PRC-02; tags without a code after coded ones),
 *      then the name, then the id.
 * - Secondary reasons: every other churn-reason tag mentioned for the company (highlights, other explicit picks).
 * - A node (reason or category) counts a company when the company's primary is the node or a descendant
 *   (primaryCompanies) or when any of its reasons is (mentionedCompanies); once per company however many quotes.
 * - Lost MRR of a company = the MRR on its most recent survey row that gives one, else the company's MRR.
 * - Denominators: shareOfChurned = primaryCompanies / churned companies WITH a primary reason ("coded");
 *   shareOfLostMrr = primaryLostMrr / lost MRR of those coded companies. So reason shares sum to 1 and
 *   the Pareto reaches 100%. Churned companies with no reason yet are reported apart (totals.uncodedCompanies).
 * - Shares are fractions 0…1 (0 when the denominator is 0); money in minor units.
 */

export type SegmentKey = SegmentBucket
export type TenureKey = 'early' | 'later' | 'unknown'
export type ChurnTypeKey = ChurnType | 'unknown'

export interface ChurnedCompany {
  id: string
  segment: Segment | null
  mrrMinor: number
  customerSince: string | null
  churnedOn: string | null
  churnType: ChurnType | null
}

export interface ExplicitReason {
  companyId: string
  tagId: string
  /** YYYY-MM-DD (or an ISO instant); '' when unknown (sorts oldest). */
  date: string
  source: 'interview' | 'survey'
}

export interface SurveyMrr {
  companyId: string
  date: string
  mrrMinor: number
}

/** How many distinct highlights of a company carry a churn-reason tag (the service counts them in SQL). */
export interface HighlightEvidence {
  companyId: string
  tagId: string
  highlights: number
}

export interface ChurnRollupInput {
  companies: readonly ChurnedCompany[]
  /** Live churn-reason tags (any depth); evidence on other tags is ignored. */
  tags: readonly RollupTag[]
  explicit: readonly ExplicitReason[]
  highlights: readonly HighlightEvidence[]
  surveyMrr: readonly SurveyMrr[]
}

export interface Bucket {
  companies: number
  lostMrr: number
}

export interface ChurnReasonRow {
  tagId: string
  code: string | null
  name: string
  /** The parent tag's code (the category of a reason); null for a top-level category. */
  parent: string | null
  parentId: string | null
  depth: number
  isCategory: boolean
  prevention: string
  primaryCompanies: number
  primaryLostMrr: number
  mentionedCompanies: number
  shareOfChurned: number
  shareOfLostMrr: number
  bySegment: Record<SegmentKey, Bucket>
  byTenure: Record<TenureKey, Bucket>
  byType: Record<ChurnTypeKey, Bucket>
  /** 'YYYY-MM' of churned_on (or 'unknown') → bucket; only months with companies. */
  byPeriod: Record<string, Bucket>
}

export interface CompanyReason {
  companyId: string
  primaryTagId: string | null
  primarySource: 'interview' | 'survey' | 'evidence' | null
  secondaryTagIds: string[]
  lostMrr: number
}

export interface ChurnRollup {
  rows: ChurnReasonRow[]
  companies: CompanyReason[]
  totals: {
    churnedCompanies: number
    codedCompanies: number
    uncodedCompanies: number
    lostMrr: number
    codedLostMrr: number
  }
}

function emptyBuckets<K extends string>(keys: readonly K[]): Record<K, Bucket> {
  return Object.fromEntries(keys.map((k) => [k, { companies: 0, lostMrr: 0 }])) as Record<K, Bucket>
}

function compareCode(a: RollupTag, b: RollupTag): number {
  if (a.code && !b.code) return -1
  if (!a.code && b.code) return 1
  return (
    (a.code ?? '').localeCompare(b.code ?? '', 'en', { numeric: true }) ||
    a.name.localeCompare(b.name) ||
    a.id.localeCompare(b.id)
  )
}

export function tenureOf(c: ChurnedCompany): TenureKey {
  if (!c.customerSince || !c.churnedOn) return 'unknown'
  try {
    return isEarlyChurn(c.customerSince, c.churnedOn) ? 'early' : 'later'
  } catch {
    return 'unknown'
  }
}

/** Each company's primary and secondary reasons and lost MRR, by the rules above. */
export function companyReasons(input: ChurnRollupInput): CompanyReason[] {
  const tagById = new Map(input.tags.map((t) => [t.id, t]))
  const explicitBy = new Map<string, ExplicitReason[]>()
  for (const e of input.explicit)
    if (tagById.has(e.tagId)) explicitBy.set(e.companyId, [...(explicitBy.get(e.companyId) ?? []), e])
  const countsBy = new Map<string, Map<string, number>>()
  for (const h of input.highlights) {
    if (!tagById.has(h.tagId) || h.highlights <= 0) continue
    const m = countsBy.get(h.companyId) ?? new Map<string, number>()
    m.set(h.tagId, (m.get(h.tagId) ?? 0) + h.highlights)
    countsBy.set(h.companyId, m)
  }
  const mrrBy = new Map<string, SurveyMrr>()
  for (const s of input.surveyMrr) {
    const cur = mrrBy.get(s.companyId)
    if (!cur || s.date > cur.date) mrrBy.set(s.companyId, s)
  }
  return input.companies.map((c) => {
    const explicit = [...(explicitBy.get(c.id) ?? [])].sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        (a.source === b.source ? 0 : a.source === 'interview' ? -1 : 1) ||
        a.tagId.localeCompare(b.tagId),
    )
    const counts = countsBy.get(c.id) ?? new Map<string, number>()
    let primaryTagId: string | null = explicit[0]?.tagId ?? null
    let primarySource: CompanyReason['primarySource'] = explicit[0]?.source ?? null
    if (!primaryTagId && counts.size) {
      const best = [...counts.entries()].sort(
        (a, b) => b[1] - a[1] || compareCode(tagById.get(a[0])!, tagById.get(b[0])!),
      )[0]
      primaryTagId = best?.[0] ?? null
      primarySource = 'evidence'
    }
    const mentioned = new Set([...counts.keys(), ...explicit.map((e) => e.tagId)])
    if (primaryTagId) mentioned.delete(primaryTagId)
    return {
      companyId: c.id,
      primaryTagId,
      primarySource,
      secondaryTagIds: [...mentioned].sort(),
      lostMrr: mrrBy.get(c.id)?.mrrMinor ?? c.mrrMinor,
    }
  })
}

export function churnRollup(input: ChurnRollupInput): ChurnRollup {
  const reasons = companyReasons(input)
  const companyById = new Map(input.companies.map((c) => [c.id, c]))
  const up = ancestorsOf(input.tags)
  const tagById = new Map(input.tags.map((t) => [t.id, t]))
  const coded = reasons.filter((r) => r.primaryTagId)
  const codedLostMrr = coded.reduce((s, r) => s + r.lostMrr, 0)
  const totalLost = reasons.reduce((s, r) => s + r.lostMrr, 0)

  const primaryOf = new Map<string, CompanyReason[]>()
  const mentionedOf = new Map<string, Set<string>>()
  for (const r of reasons) {
    if (r.primaryTagId)
      for (const node of up.get(r.primaryTagId) ?? [])
        primaryOf.set(node, [...(primaryOf.get(node) ?? []), r])
    for (const tagId of [r.primaryTagId, ...r.secondaryTagIds])
      if (tagId)
        for (const node of up.get(tagId) ?? [])
          mentionedOf.set(node, (mentionedOf.get(node) ?? new Set()).add(r.companyId))
  }
  const hasChildren = new Set(
    input.tags.map((t) => t.parentId).filter((p): p is string => !!p && tagById.has(p)),
  )

  const rows = treeOrder(input.tags).map(({ tag, depth }): ChurnReasonRow => {
    const list = primaryOf.get(tag.id) ?? []
    const bySegment = emptyBuckets(SEGMENT_BUCKETS)
    const byTenure = emptyBuckets<TenureKey>(['early', 'later', 'unknown'])
    const byType = emptyBuckets<ChurnTypeKey>([...CHURN_TYPES, 'unknown'])
    const byPeriod: Record<string, Bucket> = {}
    let lost = 0
    for (const r of list) {
      const c = companyById.get(r.companyId)!
      lost += r.lostMrr
      const add = (b: Bucket) => ((b.companies += 1), (b.lostMrr += r.lostMrr))
      add(bySegment[c.segment ?? 'unsegmented'])
      add(byTenure[tenureOf(c)])
      add(byType[c.churnType ?? 'unknown'])
      const period = c.churnedOn && /^\d{4}-\d{2}/.test(c.churnedOn) ? c.churnedOn.slice(0, 7) : 'unknown'
      add((byPeriod[period] ??= { companies: 0, lostMrr: 0 }))
    }
    const parent = tag.parentId ? tagById.get(tag.parentId) : undefined
    return {
      tagId: tag.id,
      code: tag.code,
      name: tag.name,
      parent: parent ? (parent.code ?? parent.name) : null,
      parentId: parent?.id ?? null,
      depth,
      isCategory: hasChildren.has(tag.id) || !parent,
      prevention: tag.prevention ?? '',
      primaryCompanies: list.length,
      primaryLostMrr: lost,
      mentionedCompanies: mentionedOf.get(tag.id)?.size ?? 0,
      shareOfChurned: coded.length ? list.length / coded.length : 0,
      shareOfLostMrr: codedLostMrr ? lost / codedLostMrr : 0,
      bySegment,
      byTenure,
      byType,
      byPeriod: Object.fromEntries(Object.entries(byPeriod).sort(([a], [b]) => a.localeCompare(b))),
    }
  })
  return {
    rows,
    companies: reasons,
    totals: {
      churnedCompanies: reasons.length,
      codedCompanies: coded.length,
      uncodedCompanies: reasons.length - coded.length,
      lostMrr: totalLost,
      codedLostMrr,
    },
  }
}

/** The CLI/JSON view of a row: exactly the documented keys (snake_case, as the CLI has always printed them). */
export function rowForJson(r: ChurnReasonRow) {
  return {
    code: r.code,
    name: r.name,
    parent: r.parent,
    primary_companies: r.primaryCompanies,
    primary_lost_mrr: r.primaryLostMrr,
    mentioned_companies: r.mentionedCompanies,
    share_of_churned: r.shareOfChurned,
    share_of_lost_mrr: r.shareOfLostMrr,
  }
}
