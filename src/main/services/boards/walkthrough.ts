import type { Language } from '../../../shared/domain/common'
import { JourneyStageSchema, type Script, type ScriptBody } from '../../../shared/domain/script'
import { AppError } from '../../../shared/ipc/errors'
import { WALKTHROUGH_QUESTIONS, WALKTHROUGH_TEXT } from '../../../shared/templates/journey-board'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import { createScript } from '../scripts'
import { getBoard } from './boards'

/**
 * A journey walk-through interview script from a board's visible stages (domain brief §1.1.3), saved as a
 * normal script. Each section carries its stage's journey key, so quotes and ratings taken in it land on
 * that stage of the board.
 */
export function walkthroughScript(ctx: ServiceContext, input: { id: string; language: Language }): Script {
  const board = getBoard(ctx, input.id)
  const stages = board.content.stages.filter((s) => !s.hidden)
  if (stages.length === 0)
    throw new AppError('VALIDATION', `"${board.name}" has no visible stages to ask about. Add a stage first.`)
  const keyOf = (tagId: string | null) => {
    if (!tagId) return null
    const row = prepared(ctx.sqlite, 'select semantic_key as key from tags where id = ?').get(tagId) as
      { key: string | null } | undefined
    const parsed = JourneyStageSchema.safeParse(row?.key)
    return parsed.success ? parsed.data : null
  }
  const body: ScriptBody = {
    sections: stages.map((stage, i) => ({
      id: `stage-${i + 1}`,
      title: stage.name,
      guidance: WALKTHROUGH_TEXT.guidance[input.language],
      minutes: null,
      jtbdPhase: null,
      journeyStage: keyOf(stage.tagId),
      questions: WALKTHROUGH_QUESTIONS.map((q) => ({
        id: `stage-${i + 1}-${q.key}`,
        text: q.text(stage.name)[input.language],
        probes: [],
        capture: 'none' as const,
      })),
    })),
  }
  return createScript(ctx, {
    name: WALKTHROUGH_TEXT.name(board.name)[input.language].slice(0, 200),
    description: WALKTHROUGH_TEXT.description[input.language],
    method: 'journey',
    language: input.language,
    body,
  })
}
