import { z } from 'zod'
import { LanguageSchema, NameSchema, type Language } from './common'

export const INTERVIEW_METHODS = ['jtbd_switch', 'exit', 'journey', 'discovery'] as const
export const InterviewMethodSchema = z.enum(INTERVIEW_METHODS)
export type InterviewMethod = z.infer<typeof InterviewMethodSchema>

/** JTBD switch timeline phases (product-reference.md, JTBD method reference). */
export const JtbdPhaseSchema = z.enum([
  'first_thought',
  'passive_looking',
  'active_looking',
  'deciding',
  'first_use',
  'ongoing_use',
])
export type JtbdPhase = z.infer<typeof JtbdPhaseSchema>

/** Default CJM stages (domain-brief §3.4). */
export const JourneyStageSchema = z.enum([
  'awareness',
  'consideration',
  'decision',
  'onboarding',
  'regular_use',
  'support',
  'retention',
  'expansion',
  'advocacy',
  'offboarding',
])
export type JourneyStage = z.infer<typeof JourneyStageSchema>

/**
 * A question may ask for a rating as well as talk; the runner then shows the matching capture control
 * next to the notes (NPS 0–10, CSAT 1–5, CES 1–7, CSI driver ratings 1–5).
 */
export const QuestionCaptureSchema = z.enum(['none', 'nps', 'csat', 'ces', 'csi'])
export type QuestionCapture = z.infer<typeof QuestionCaptureSchema>

const StableId = z.string().min(1).max(64)

export const ScriptQuestionSchema = z.object({
  id: StableId,
  text: z.string().trim().min(1, 'A question needs text').max(2000),
  probes: z.array(z.string().trim().min(1).max(1000)).max(50),
  capture: QuestionCaptureSchema.default('none'),
})
export type ScriptQuestion = z.infer<typeof ScriptQuestionSchema>

export const ScriptSectionSchema = z.object({
  id: StableId,
  title: z.string().trim().min(1, 'A section needs a title').max(300),
  guidance: z.string().max(4000).default(''),
  minutes: z.number().int().min(0).max(600).nullable().default(null),
  jtbdPhase: JtbdPhaseSchema.nullable().default(null),
  journeyStage: JourneyStageSchema.nullable().default(null),
  questions: z.array(ScriptQuestionSchema).max(200),
})
export type ScriptSection = z.infer<typeof ScriptSectionSchema>

/** A script body is stored as one JSON document; an interview keeps its own copy (the snapshot). */
export const ScriptBodySchema = z.object({
  sections: z.array(ScriptSectionSchema).min(1, 'A script needs at least one section').max(100),
})
export type ScriptBody = z.infer<typeof ScriptBodySchema>

export const ScriptSchema = z.object({
  id: z.string(),
  name: NameSchema,
  description: z.string().max(4000),
  method: InterviewMethodSchema,
  language: LanguageSchema,
  builtin: z.boolean(),
  body: ScriptBodySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Script = z.infer<typeof ScriptSchema>

export const ScriptSummarySchema = ScriptSchema.omit({ body: true }).extend({
  sectionCount: z.number().int(),
  questionCount: z.number().int(),
})
export type ScriptSummary = z.infer<typeof ScriptSummarySchema>

/** A built-in template as shipped in code; never stored, so an app update can improve it. */
export interface ScriptTemplate {
  key: string
  name: string
  description: string
  method: InterviewMethod
  language: Language
  body: ScriptBody
}
