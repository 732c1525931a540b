import { ancestorsOf, type RollupTag } from './tree'

/**
 * Matrices counted per company (product reference: "counted per participant/company, not per highlight").
 * A company "has" a tag of the chosen set when any of its highlights carries the tag or one of its descendants.
 */
export interface CompanyTagEvidence {
  companyId: string
  segment: 'A' | 'B' | 'C' | 'D' | null
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

/** counts[i][j] = companies having both chosen[i] and chosen[j]; the diagonal = companies having chosen[i]. */
export function cooccurrence(
  allTags: readonly RollupTag[],
  chosen: readonly string[],
  evidence: readonly CompanyTagEvidence[],
): number[][] {
  const { has } = companiesWithTags(allTags, chosen, evidence)
  const index = new Map(chosen.map((id, i) => [id, i]))
  const counts = chosen.map(() => chosen.map(() => 0))
  for (const set of has.values()) {
    const idx = [...set].map((t) => index.get(t)!)
    for (const i of idx) for (const j of idx) counts[i]![j]! += 1
  }
  return counts
}

export const MATRIX_SEGMENTS = ['A', 'B', 'C', 'D', 'unsegmented'] as const

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
