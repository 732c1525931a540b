import { useMemo, useState } from 'react'
import { EMPTY_POINT, asIsValue } from '../../../../shared/boards/emotion'
import type { BoardCard, BoardContent, BoardInsights, LaneKind, Team } from '../../../../shared/domain/board'
import type { CurveStage } from './emotion-curve'
import { cellKey, type BoardLayout } from './grid-keys'
import type { StageInsight } from './InsightCells'

const NONE: ReadonlySet<string> = new Set()

/** Whether a card shows under a team filter: cards owned by teams show for theirs; an unowned touchpoint hides. */
function ownedBy(card: BoardCard, kind: LaneKind | undefined, team: Team | ''): boolean {
  if (!team) return true
  return card.teams.length ? card.teams.includes(team) : kind !== 'touchpoints'
}

/**
 * What the editor shows of its copy, and the view choices that are not the board's (they are not saved and
 * not undone): selection, the card being edited, the cell being added to, the focused cell, the team filter,
 * presentation and the lanes left out of it.
 */
export function useBoardView(content: BoardContent, insightsData: BoardInsights | undefined) {
  const [selection, setSelection] = useState<ReadonlySet<string>>(NONE)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [draft, setDraft] = useState<string | null>(null)
  const [activeCell, setActiveCell] = useState<string | null>(null)
  const [inspect, setInspect] = useState<{ kind: 'stage' | 'lane'; id: string } | null>(null)
  const [presenting, setPresenting] = useState(false)
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(NONE)
  const [team, setTeam] = useState<Team | ''>('')

  // Each part of the layout changes only with its own part of the board, so moving a card keeps the stages
  // and lanes (and everything drawn from them: headers, the curve, the sortable lists) as they were.
  const stages = useMemo(() => content.stages.filter((s) => !s.hidden), [content.stages])
  const lanes = useMemo(
    () => content.lanes.filter((l) => !l.hidden && !(presenting && leftOut.has(l.id))),
    [content.lanes, presenting, leftOut],
  )
  const cells = useMemo(() => {
    const kinds = new Map(content.lanes.map((l) => [l.id, l.kind]))
    const cells = new Map<string, BoardCard[]>()
    for (const card of content.cards) {
      if (!ownedBy(card, kinds.get(card.laneId), team)) continue
      const key = cellKey(card.laneId, card.stageId)
      const list = cells.get(key)
      if (list) list.push(card)
      else cells.set(key, [card])
    }
    return cells
  }, [content.cards, content.lanes, team])
  const layout: BoardLayout = useMemo(() => ({ stages, lanes, cells }), [stages, lanes, cells])

  const insights = useMemo(
    () => new Map<string, StageInsight>(insightsData?.stages.map((s) => [s.stageId, s]) ?? []),
    [insightsData],
  )
  const backing = useMemo(
    () => new Map<string, number>(insightsData?.cards.map((c) => [c.cardId, c.companies]) ?? []),
    [insightsData],
  )
  // The override is the editor's own (it shows before the save); the evidence is the library's.
  const points = useMemo(
    () =>
      layout.stages.map((s): CurveStage & { mean: number | null } => {
        const point = insights.get(s.id)?.emotion ?? EMPTY_POINT
        const shown = asIsValue(point, s.emotionOverride)
        return {
          asIs: shown.value,
          source: shown.source,
          toBe: s.emotionToBe,
          n: point.n,
          sd: point.sd,
          mean: point.mean,
        }
      }),
    [layout.stages, insights],
  )

  return {
    layout,
    insights,
    backing,
    points,
    selection,
    setSelection,
    editingId,
    setEditingId,
    draft,
    setDraft,
    activeCell: activeCell ?? firstCell(layout),
    setActiveCell,
    inspect,
    setInspect,
    presenting,
    setPresenting,
    leftOut,
    setLeftOut,
    team,
    setTeam,
  }
}

export type BoardView = ReturnType<typeof useBoardView>

/** The cell Tab first lands on. */
function firstCell(layout: BoardLayout): string | null {
  const lane = layout.lanes[0]
  const stage = layout.stages[0]
  return lane && stage ? cellKey(lane.id, stage.id) : null
}
