import { z } from 'zod'
import { IdSchema, LongTextSchema, NameSchema, SegmentSchema, updateFields } from './common'
import { InterviewMethodSchema } from './script'

export const STUDY_STATUSES = ['planning', 'active', 'completed', 'archived'] as const
export const StudyStatusSchema = z.enum(STUDY_STATUSES)
export type StudyStatus = z.infer<typeof StudyStatusSchema>

/** Sample-size presets from the sources: 8–10 to see patterns, 20–100 to generalise (domain-brief T13). */
export const TARGET_PRESETS = [
  { key: 'patterns', min: 8, max: 10, default: 10 },
  { key: 'generalise', min: 20, max: 100, default: 20 },
] as const

export const StudyInputSchema = z.object({
  name: NameSchema,
  goal: LongTextSchema.default(''),
  method: InterviewMethodSchema,
  status: StudyStatusSchema.default('planning'),
  targetInterviews: z.number().int().min(1, 'Plan at least one interview').max(1000),
})
export type StudyInput = z.input<typeof StudyInputSchema>

export const StudyUpdateSchema = updateFields(StudyInputSchema).extend({ id: IdSchema })

export const StudySchema = z.object({
  id: z.string(),
  name: z.string(),
  goal: z.string(),
  method: InterviewMethodSchema,
  status: StudyStatusSchema,
  targetInterviews: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Study = z.infer<typeof StudySchema>

export const StudySummarySchema = StudySchema.extend({
  interviewCount: z.number().int(),
  doneCount: z.number().int(),
})
export type StudySummary = z.infer<typeof StudySummarySchema>

export const SegmentCoverageSchema = z.object({
  segment: z.union([SegmentSchema, z.literal('unsegmented')]),
  interviews: z.number().int(),
  done: z.number().int(),
  companies: z.number().int(),
})

export const MetricsSummarySchema = z.object({
  interviews: z.number().int(),
  nps: z
    .object({
      value: z.number(),
      respondents: z.number().int(),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
    })
    .nullable(),
  csat: z.object({ value: z.number(), top2box: z.number(), respondents: z.number().int() }).nullable(),
  ces: z.object({ value: z.number(), respondents: z.number().int() }).nullable(),
  csi: z.object({ value: z.number(), percent: z.number(), rated: z.number().int() }).nullable(),
})
export type MetricsSummary = z.infer<typeof MetricsSummarySchema>

export const StudyDetailSchema = StudySummarySchema.extend({
  coverage: z.array(SegmentCoverageSchema),
  metrics: MetricsSummarySchema,
})
export type StudyDetail = z.infer<typeof StudyDetailSchema>
