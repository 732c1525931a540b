import {
  isAssumption,
  type Board,
  type BoardCard,
  type BoardInsights,
  type BoardLane,
  type BoardStage,
} from '../domain/board'
import type { Language } from '../domain/common'
import { EXPORT_LABELS, type ExportLabels } from './export-labels'

/** What every board export is asked for: the reader's language and the lanes a presentation hides. */
export interface BoardExportOptions {
  language: Language
  /** Lane ids left out (the presentation view's hidden lanes); lanes marked hidden are always left out. */
  hiddenLanes?: readonly string[]
}

export type StageInsight = BoardInsights['stages'][number]
export type CardBacking = BoardInsights['cards'][number]

/** The board as the exports draw it: visible stages and lanes in order, cards per cell, insights by id. */
export interface BoardView {
  board: Board
  stages: BoardStage[]
  lanes: BoardLane[]
  labels: ExportLabels
  language: Language
  cardsAt(laneId: string, stageId: string): BoardCard[]
  insight(stageId: string): StageInsight | undefined
  backing(cardId: string): CardBacking | undefined
}

export function boardView(board: Board, insights: BoardInsights, opts: BoardExportOptions): BoardView {
  const hidden = new Set(opts.hiddenLanes ?? [])
  const cells = new Map<string, BoardCard[]>()
  for (const card of board.content.cards) {
    const key = `${card.laneId}\u0000${card.stageId}`
    cells.set(key, [...(cells.get(key) ?? []), card])
  }
  const byStage = new Map(insights.stages.map((s) => [s.stageId, s]))
  const byCard = new Map(insights.cards.map((c) => [c.cardId, c]))
  return {
    board,
    stages: board.content.stages.filter((s) => !s.hidden),
    lanes: board.content.lanes.filter((l) => !l.hidden && !hidden.has(l.id)),
    labels: EXPORT_LABELS[opts.language],
    language: opts.language,
    cardsAt: (laneId, stageId) => cells.get(`${laneId}\u0000${stageId}`) ?? [],
    insight: (stageId) => byStage.get(stageId),
    backing: (cardId) => byCard.get(cardId),
  }
}

/** −2 … +2 with its sign and one decimal, the way the board prints a score (−0.5, +1.3, 0). */
export function formatEmotion(v: number): string {
  const r = Math.round(v * 10) / 10
  if (r === 0) return '0'
  return `${r > 0 ? '+' : '\u2212'}${Math.abs(r).toFixed(1).replace(/\.0$/, '')}`
}

/** A whole number grouped by thousands; fixed separators so the same board exports the same bytes anywhere. */
export function formatCount(n: number, language: Language): string {
  const sep = language === 'ru' ? '\u00a0' : ','
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, sep)
}

/** Lost MRR is stored in minor units; boards show the major amount, whole. */
export const formatMinor = (minor: number, language: Language): string =>
  formatCount(Math.round(minor / 100), language)

/** The small line under a card's text: channel and teams, or owner, priority and status. */
export function cardMeta(card: BoardCard, labels: ExportLabels): string {
  const parts: string[] = []
  // Template touchpoints are often named after their channel; saying it twice helps nobody.
  if (card.channel && card.channel !== card.text) parts.push(card.channel)
  if (card.teams.length) parts.push(card.teams.map((t) => labels.teams[t]).join(', '))
  if (card.owner) parts.push(`${labels.owner}: ${card.owner}`)
  if (card.priority) parts.push(labels.priority[card.priority])
  if (card.status) parts.push(labels.status[card.status])
  return parts.join(' · ')
}

/** How a card's backing reads ("companies: 3 · quotes: 5", a form every language can say), or that it is an assumption. */
export function backingText(view: BoardView, card: BoardCard): string {
  const b = view.backing(card.id)
  const l = view.labels
  if (!b || b.highlights === 0) {
    const kind = view.lanes.find((lane) => lane.id === card.laneId)?.kind
    return kind && isAssumption(card, kind) ? l.assumption : ''
  }
  return `${l.companies}: ${b.companies} · ${l.quotes}: ${b.highlights}`
}

/** The stage's evidence in one line: quotes, companies, participants. */
export function evidenceText(view: BoardView, stageId: string): string {
  const e = view.insight(stageId)?.evidence
  const l = view.labels
  if (!e || e.highlights === 0) return l.noEvidence
  return `${l.quotes}: ${e.highlights} · ${l.companies}: ${e.companies} · ${l.participants}: ${e.participants}`
}

/** One line per churn reason said at the stage: code, name, companies, lost MRR. */
export function churnLines(view: BoardView, stageId: string): string[] {
  const l = view.labels
  return (view.insight(stageId)?.churn ?? []).map(
    (r) =>
      `${r.code ? `${r.code} ` : ''}${r.name} — ${l.companies}: ${r.companies}` +
      (r.lostMrr > 0 ? `, ${l.lostMrr}: ${formatMinor(r.lostMrr, view.language)}` : ''),
  )
}

/** The ratings interviews captured at the stage: "NPS 40 (n=5)". */
export function metricLines(view: BoardView, stageId: string): string[] {
  return (view.insight(stageId)?.metrics ?? []).map(
    (m) =>
      `${view.labels.metric[m.metric]} ${m.value === null ? '—' : String(Math.round(m.value * 10) / 10)} (n=${m.n})`,
  )
}

/** The stage's emotion in words: the as-is value and what it stands on, then the to-be. */
export function emotionText(view: BoardView, stage: BoardStage): string {
  const e = view.insight(stage.id)?.emotion
  const l = view.labels
  const spread = (sd: number | null) => `± ${(Math.round((sd ?? 0) * 10) / 10).toFixed(1)}`
  let asIs = `${l.asIs}: ${l.noEvidence}`
  if (e && e.value !== null && e.source === 'override')
    asIs =
      `${l.asIs}: ${formatEmotion(e.value)} (${l.override}` +
      (e.mean !== null ? `; ${l.evidence}: ${formatEmotion(e.mean)}, n=${e.n})` : ')')
  else if (e && e.value !== null) asIs = `${l.asIs}: ${formatEmotion(e.value)} (n=${e.n}, ${spread(e.sd)})`
  return stage.emotionToBe === null ? asIs : `${asIs} · ${l.toBe}: ${formatEmotion(stage.emotionToBe)}`
}
