/**
 * The journey map's emotion curve, computed from what customers said: for each stage, the emotion scores of
 * the quotes tagged with that stage (or a sub-tag of it). A stage nobody spoke about has no value — the curve
 * shows a gap there, never a zero, because "no evidence" is not "neutral".
 */
export interface ScoredQuote {
  /** The quote's tags (the service expands each to the stages it belongs to). */
  stageIds: readonly string[]
  /** −2 … +2: the highlight's own score, else its emotion tag's. */
  score: number
  companyId: string | null
  participantId: string | null
}

export interface EmotionPoint {
  /** Quotes that carry a score, each counted once per stage. */
  n: number
  /** Mean score, or null when n is 0 (a gap). */
  mean: number | null
  min: number | null
  max: number | null
  /** Population standard deviation, the spread shown around the mean; null when n is 0. */
  sd: number | null
  companies: number
  participants: number
}

export const EMPTY_POINT: EmotionPoint = {
  n: 0,
  mean: null,
  min: null,
  max: null,
  sd: null,
  companies: 0,
  participants: 0,
}

export function emotionPoint(scores: readonly number[], companies = 0, participants = 0): EmotionPoint {
  if (scores.length === 0) return { ...EMPTY_POINT }
  for (const s of scores)
    if (!Number.isFinite(s) || s < -2 || s > 2) throw new RangeError(`An emotion score is −2 … +2, not ${s}`)
  const n = scores.length
  const mean = scores.reduce((a, b) => a + b, 0) / n
  const variance = scores.reduce((a, b) => a + (b - mean) ** 2, 0) / n
  return {
    n,
    mean,
    min: Math.min(...scores),
    max: Math.max(...scores),
    sd: Math.sqrt(variance),
    companies,
    participants,
  }
}

/** Emotion per stage id from scored quotes; every stage asked for gets a point (EMPTY_POINT when silent). */
export function emotionByStage(
  stageIds: readonly string[],
  quotes: readonly ScoredQuote[],
): Map<string, EmotionPoint> {
  const scores = new Map<string, number[]>(stageIds.map((id) => [id, []]))
  const companies = new Map<string, Set<string>>(stageIds.map((id) => [id, new Set()]))
  const participants = new Map<string, Set<string>>(stageIds.map((id) => [id, new Set()]))
  for (const q of quotes)
    for (const stage of new Set(q.stageIds)) {
      const list = scores.get(stage)
      if (!list) continue
      list.push(q.score)
      if (q.companyId) companies.get(stage)?.add(q.companyId)
      if (q.participantId) participants.get(stage)?.add(q.participantId)
    }
  return new Map(
    stageIds.map((id) => [
      id,
      emotionPoint(scores.get(id) ?? [], companies.get(id)?.size ?? 0, participants.get(id)?.size ?? 0),
    ]),
  )
}

export type CurveSource = 'override' | 'evidence' | 'none'

/** The value the as-is curve draws at a stage: the researcher's override wins and says so; no evidence is a gap. */
export function asIsValue(
  point: EmotionPoint,
  override: number | null,
): { value: number | null; source: CurveSource } {
  if (override !== null) return { value: override, source: 'override' }
  if (point.mean !== null) return { value: point.mean, source: 'evidence' }
  return { value: null, source: 'none' }
}
