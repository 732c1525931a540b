import { SEGMENT_BUCKETS, type Segment } from '../domain/common'
import { ancestorsOf, type RollupTag } from './tree'

/**
 * Matrices counted per company (product reference: "counted per participant/company, not per highlight").
 * A company "has" a tag of the chosen set when any of its highlights carries the tag or one of its descendants.
 */
export interface CompanyTagEvidence {
  companyId: string
  segment: Segment | null
  tagId: string
}

/** Company id → the chosen tags it has (descendants rolled up onto the chosen tag). */
function companiesWithTags(
  allTags: readonly RollupTag[],
  chosen: readonly string[],
  evidence: readonly CompanyTagEvidence[],
) {
  const up = ancestorsOf(allTags)
  const chosenSet = new Set(chosen)
  const has = new Map<string, Set<string>>()
  const segment = new Map<string, CompanyTagEvidence['segment']>()
  for (const e of evidence) {
    for (const anc of up.get(e.tagId) ?? [])
      if (chosenSet.has(anc)) {
        has.set(e.companyId, (has.get(e.companyId) ?? new Set()).add(anc))
        segment.set(e.companyId, e.segment)
      }
  }
  return { has, segment }
}

/**
 * counts[i][j] = companies having both rows[i] and columns[j] (say churn reasons × emotions). With the
 * same set on both sides the diagonal is the companies having rows[i].
 */
export function cooccurrence(
  allTags: readonly RollupTag[],
  rows: readonly string[],
  evidence: readonly CompanyTagEvidence[],
  columns: readonly string[] = rows,
): number[][] {
  const rowHas = companiesWithTags(allTags, rows, evidence).has
  const columnHas = columns === rows ? rowHas : companiesWithTags(allTags, columns, evidence).has
  const rowIndex = new Map(rows.map((id, i) => [id, i]))
  const columnIndex = new Map(columns.map((id, j) => [id, j]))
  const counts = rows.map(() => columns.map(() => 0))
  for (const [company, rowSet] of rowHas) {
    const columnSet = columnHas.get(company)
    if (!columnSet) continue
    for (const r of rowSet) for (const c of columnSet) counts[rowIndex.get(r)!]![columnIndex.get(c)!]! += 1
  }
  return counts
}

export const MATRIX_SEGMENTS = SEGMENT_BUCKETS

/** counts[i][s] = companies of segment s having chosen[i]. */
export function tagBySegment(
  allTags: readonly RollupTag[],
  chosen: readonly string[],
  evidence: readonly CompanyTagEvidence[],
): number[][] {
  const { has, segment } = companiesWithTags(allTags, chosen, evidence)
  const index = new Map(chosen.map((id, i) => [id, i]))
  const counts = chosen.map(() => MATRIX_SEGMENTS.map(() => 0))
  for (const [company, set] of has) {
    const s = MATRIX_SEGMENTS.indexOf(segment.get(company) ?? 'unsegmented')
    for (const t of set) counts[index.get(t)!]![s]! += 1
  }
  return counts
}
