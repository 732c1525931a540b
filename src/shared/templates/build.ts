import type {
  JourneyStage,
  JtbdPhase,
  QuestionCapture,
  ScriptQuestion,
  ScriptSection,
} from '../domain/script'

/** Terse builders for the built-in templates: they fill the schema defaults so the data stays readable. */

export function q(
  id: string,
  text: string,
  probes: readonly string[] = [],
  capture: QuestionCapture = 'none',
): ScriptQuestion {
  return { id, text, probes: [...probes], capture }
}

export interface SectionInput {
  id: string
  title: string
  guidance?: string
  minutes?: number | null
  jtbdPhase?: JtbdPhase | null
  journeyStage?: JourneyStage | null
  questions: readonly ScriptQuestion[]
}

export function section(input: SectionInput): ScriptSection {
  return {
    id: input.id,
    title: input.title,
    guidance: input.guidance ?? '',
    minutes: input.minutes ?? null,
    jtbdPhase: input.jtbdPhase ?? null,
    journeyStage: input.journeyStage ?? null,
    questions: [...input.questions],
  }
}

/** One question as [text, probes?] for table-style templates. */
export type QuestionRow = readonly [text: string, probes?: readonly string[]]

/** A journey-stage section: id `${prefix}.${stage}`, questions numbered q1, q2, … in the given order. */
export function stageSection(
  prefix: string,
  stage: JourneyStage,
  title: string,
  rows: readonly QuestionRow[],
  extra: { guidance?: string; minutes?: number; questions?: readonly ScriptQuestion[] } = {},
): ScriptSection {
  const id = `${prefix}.${stage}`
  return section({
    id,
    title,
    guidance: extra.guidance,
    minutes: extra.minutes ?? 5,
    journeyStage: stage,
    questions: [
      ...rows.map(([text, probes], i) => q(`${id}.q${i + 1}`, text, probes ?? [])),
      ...(extra.questions ?? []),
    ],
  })
}
