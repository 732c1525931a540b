import type { Board, BoardInsights } from '../domain/board'
import { CARD_LANES } from '../domain/board'
import { boardView, type BoardExportOptions } from './export-model'

/**
 * The board as a Mermaid `journey` block, for docs and wikis that draw Mermaid:
 *
 *   journey
 *     title <board>
 *     section <stage>
 *       <card text>: <score>: <lane or teams>
 *
 * One section per visible stage, one task per card of the visible card lanes (text, touchpoints, metrics,
 * opportunities); a stage without cards gets one task named after the stage, so its score still shows.
 * Score: Mermaid's 1 … 5 is the as-is emotion −2 … +2 plus 3, rounded half up (the override when there is one).
 * A stage with no evidence has no score, and Mermaid must have one: it gets 3 and its section title says
 * "(no evidence)", so the middle of the scale is never read as a measured neutral.
 * Actors: a touchpoint's owning teams, else the lane's name (Mermaid colours tasks by actor).
 */

/**
 * Text safe in a title, section or task: Mermaid's lexer ends a name at `:`, `;`, `#` and a line break, and
 * takes a `%` right after a token's first character for the start of a comment (so "5% off" would vanish);
 * those become their fullwidth look-alikes (： ； ＃ ％) and line breaks spaces. `<` and `>` become ＜ ＞ too,
 * so no renderer that puts labels into HTML can find a tag in a card.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/:/g, '\uff1a')
    .replace(/;/g, '\uff1b')
    .replace(/#/g, '\uff03')
    .replace(/%/g, '\uff05')
    .replace(/</g, '\uff1c')
    .replace(/>/g, '\uff1e')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A task name must not start with one of the lexer's keywords (journey, title, section, accTitle, accDescr;
 * matched case-insensitively at a token's start), or its line becomes that statement: such a name is put in
 * quotes.
 */
function taskName(text: string, fallback: string): string {
  const name = mermaidText(text) || fallback
  return /^(journey|title|section|acc)/i.test(name) ? `“${name}”` : name
}

/** Actors are split on commas by Mermaid: none may hold one. */
const actor = (name: string): string => mermaidText(name).replace(/,/g, ' ').trim() || '-'

/** −2 … +2 → 1 … 5; null (no evidence) → 3, flagged by the caller. */
export function mermaidScore(value: number | null): number {
  if (value === null) return 3
  return Math.min(5, Math.max(1, Math.floor(value + 3 + 0.5)))
}

export function boardMermaid(board: Board, insights: BoardInsights, opts: BoardExportOptions): string {
  const view = boardView(board, insights, opts)
  const lanes = view.lanes.filter((l) => CARD_LANES.includes(l.kind))
  const lines = ['journey', `  title ${mermaidText(board.name) || '-'}`]
  for (const stage of view.stages) {
    const value = view.insight(stage.id)?.emotion.value ?? null
    const score = mermaidScore(value)
    const name = mermaidText(stage.name) || '-'
    lines.push(`  section ${value === null ? `${name} (${view.labels.noEvidence})` : name}`)
    const tasks: string[] = []
    for (const lane of lanes)
      for (const card of view.cardsAt(lane.id, stage.id)) {
        const actors = card.teams.length ? card.teams.map((t) => view.labels.teams[t]) : [lane.name]
        tasks.push(`    ${taskName(card.text, '-')}: ${score}: ${actors.map(actor).join(', ')}`)
      }
    if (!tasks.length)
      tasks.push(`    ${taskName(stage.name, '-')}: ${score}: ${actor(view.labels.customer)}`)
    lines.push(...tasks)
  }
  return `${lines.join('\n')}\n`
}
