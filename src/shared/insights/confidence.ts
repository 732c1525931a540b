import type { Segment } from '../domain/common'

/**
 * An insight's confidence, computed from its evidence (issue 12, docs/decisions.md "Insight confidence").
 * Pure: the service builds the evidence summary in SQL, the UI words the reasons through i18n.
 *
 * Points for the "for" evidence (100 at most):
 *   companies    distinct companies: 0, 15, 25, 32, 36, 38, 40 for 0…6+ (diminishing: the fifth adds less)
 *   participants distinct participants × 5, at most 15
 *   segments     distinct segments (A–D) × 5, at most 20
 *   methods      distinct methods (interview kind, or "survey") × 5, at most 15
 *   recency      newest dated quote ≤ 90 days before the clock: 10; ≤ 365 days: 5; older or undated: 0
 * Contradiction: score = round(base × F / (F + A)), F and A the distinct backers for and against, a backer
 * being the company, else the participant, else the quote itself (so one loud company cannot outvote five).
 * No "for" evidence → 0, label "assumption". Labels: < 40 low, < 70 medium, ≥ 70 high.
 */

export type Stance = 'for' | 'against'

export interface EvidenceItem {
  highlightId: string
  stance: Stance
  companyId: string | null
  participantId: string | null
  segment: Segment | null
  /** The study method of the interview, or 'survey' for a survey response's quote. */
  method: string | null
  /** ISO date (interview date, else the quote's creation). */
  date: string | null
}

export type ConfidenceLabel = 'assumption' | 'low' | 'medium' | 'high'

export type ConfidenceReason =
  | { kind: 'companies'; count: number; points: number }
  | { kind: 'participants'; count: number; points: number }
  | { kind: 'segments'; segments: Segment[]; points: number }
  | { kind: 'methods'; methods: string[]; points: number }
  | { kind: 'recency'; newestAgeDays: number | null; points: number }
  | { kind: 'contradiction'; againstBackers: number; forBackers: number; penalty: number }
  | { kind: 'noEvidence' }

export interface Confidence {
  score: number
  label: ConfidenceLabel
  reasons: ConfidenceReason[]
}

export const COMPANY_POINTS = [0, 15, 25, 32, 36, 38, 40] as const
export const PER_PARTICIPANT = 5
export const MAX_PARTICIPANT_POINTS = 15
export const PER_SEGMENT = 5
export const PER_METHOD = 5
export const MAX_METHOD_POINTS = 15
export const RECENT_DAYS = 90
export const YEAR_DAYS = 365
export const LOW_BELOW = 40
export const HIGH_FROM = 70

const DAY_MS = 86_400_000

const distinct = <T>(values: (T | null)[]): T[] =>
  [...new Set(values.filter((v): v is T => v !== null))].sort()

const backer = (e: EvidenceItem): string =>
  e.companyId !== null
    ? `c:${e.companyId}`
    : e.participantId !== null
      ? `p:${e.participantId}`
      : `h:${e.highlightId}`

function ageDays(date: string, now: string): number | null {
  const t = Date.parse(date)
  if (Number.isNaN(t)) return null
  return Math.max(0, Math.floor((Date.parse(now) - t) / DAY_MS))
}

function recencyPoints(age: number | null): number {
  if (age === null) return 0
  return age <= RECENT_DAYS ? 10 : age <= YEAR_DAYS ? 5 : 0
}

export function labelFor(score: number, hasEvidence: boolean): ConfidenceLabel {
  if (!hasEvidence) return 'assumption'
  return score < LOW_BELOW ? 'low' : score < HIGH_FROM ? 'medium' : 'high'
}

/** `now` is the library clock (ISO), so a score is reproducible in tests and in exports. */
export function computeConfidence(evidence: EvidenceItem[], now: string): Confidence {
  const pro = evidence.filter((e) => e.stance === 'for')
  const con = evidence.filter((e) => e.stance === 'against')
  if (pro.length === 0) return { score: 0, label: 'assumption', reasons: [{ kind: 'noEvidence' }] }

  const companies = distinct(pro.map((e) => e.companyId)).length
  const participants = distinct(pro.map((e) => e.participantId)).length
  const segments = distinct(pro.map((e) => e.segment))
  const methods = distinct(pro.map((e) => e.method))
  const ages = pro
    .map((e) => (e.date === null ? null : ageDays(e.date, now)))
    .filter((a): a is number => a !== null)
  const newestAgeDays = ages.length === 0 ? null : Math.min(...ages)

  const reasons: ConfidenceReason[] = [
    {
      kind: 'companies',
      count: companies,
      points: COMPANY_POINTS[Math.min(companies, COMPANY_POINTS.length - 1)] ?? 0,
    },
    {
      kind: 'participants',
      count: participants,
      points: Math.min(MAX_PARTICIPANT_POINTS, participants * PER_PARTICIPANT),
    },
    { kind: 'segments', segments, points: segments.length * PER_SEGMENT },
    { kind: 'methods', methods, points: Math.min(MAX_METHOD_POINTS, methods.length * PER_METHOD) },
    { kind: 'recency', newestAgeDays, points: recencyPoints(newestAgeDays) },
  ]
  const base = reasons.reduce((sum, r) => sum + ('points' in r ? r.points : 0), 0)

  let score = base
  if (con.length > 0) {
    const forBackers = new Set(pro.map(backer)).size
    const againstBackers = new Set(con.map(backer)).size
    score = Math.round((base * forBackers) / (forBackers + againstBackers))
    reasons.push({ kind: 'contradiction', againstBackers, forBackers, penalty: base - score })
  }
  return { score, label: labelFor(score, true), reasons }
}
