import { z } from 'zod'
import { IdSchema, IsoDateTimeSchema, SegmentSchema } from './common'
import { InterviewMethodSchema, ScriptBodySchema } from './script'
import { noteSizeMessage, noteSizeProblem, tooLargeParams } from '../notes/limits'

export const INTERVIEW_STATUSES = ['planned', 'in_progress', 'done'] as const
export const InterviewStatusSchema = z.enum(INTERVIEW_STATUSES)
export type InterviewStatus = z.infer<typeof InterviewStatusSchema>

/** Partial: a driver is absent until rated (zod 4's z.record over an enum would demand every key). */
export const CsiRatingsSchema = z.partialRecord(
  z.enum([
    'support_quality',
    'meets_requirements',
    'ease_of_doing_business',
    'ease_of_use',
    'ease_of_setup',
    'product_direction',
    'price_value',
  ]),
  z.number().int().min(1).max(5).nullable(),
)
export type CsiRatings = z.infer<typeof CsiRatingsSchema>

const ReasonSchema = z.string().max(5000)

export const InterviewCreateSchema = z.object({
  studyId: IdSchema,
  participantId: IdSchema.nullable().default(null),
  scriptId: IdSchema,
  title: z.string().trim().max(300).default(''),
  interviewer: z.string().trim().max(200).default(''),
  scheduledAt: IsoDateTimeSchema.nullable().default(null),
  plannedMinutes: z.number().int().min(5).max(600).default(60),
})
export type InterviewCreate = z.input<typeof InterviewCreateSchema>

export const InterviewUpdateSchema = z.object({
  id: IdSchema,
  participantId: IdSchema.nullable().optional(),
  title: z.string().trim().max(300).optional(),
  interviewer: z.string().trim().max(200).optional(),
  scheduledAt: IsoDateTimeSchema.nullable().optional(),
  plannedMinutes: z.number().int().min(5).max(600).optional(),
  status: InterviewStatusSchema.optional(),
  conductedAt: IsoDateTimeSchema.nullable().optional(),
  /** For interviews run without the clock: sets the recorded duration. */
  actualMinutes: z.number().int().min(0).max(1440).optional(),
  currentQuestionId: z.string().max(64).nullable().optional(),
  nps: z.number().int().min(0, 'NPS is 0–10').max(10, 'NPS is 0–10').nullable().optional(),
  npsReason: ReasonSchema.optional(),
  csat: z.number().int().min(1, 'CSAT is 1–5').max(5, 'CSAT is 1–5').nullable().optional(),
  csatReason: ReasonSchema.optional(),
  ces: z.number().int().min(1, 'CES is 1–7').max(7, 'CES is 1–7').nullable().optional(),
  cesReason: ReasonSchema.optional(),
  csiRatings: CsiRatingsSchema.optional(),
})
export type InterviewUpdate = z.input<typeof InterviewUpdateSchema>

export const TimerActionSchema = z.object({
  id: IdSchema,
  action: z.enum(['start', 'pause', 'finish', 'reopen']),
})

export const InterviewSchema = z.object({
  id: z.string(),
  studyId: z.string(),
  studyName: z.string(),
  method: InterviewMethodSchema,
  participantId: z.string().nullable(),
  participantName: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  companySegment: SegmentSchema.nullable(),
  title: z.string(),
  scriptSourceId: z.string().nullable(),
  scriptName: z.string(),
  interviewer: z.string(),
  status: InterviewStatusSchema,
  scheduledAt: z.string().nullable(),
  conductedAt: z.string().nullable(),
  plannedMinutes: z.number().int(),
  /** Elapsed time at the moment of the response; when running, add now − serverNow on the client. */
  elapsedMs: z.number().int(),
  /** Time accumulated up to the last pause; with timerStartedAt the client computes the live clock. */
  pausedElapsedMs: z.number().int(),
  timerStartedAt: z.string().nullable(),
  timerRunning: z.boolean(),
  actualMinutes: z.number().int(),
  currentQuestionId: z.string().nullable(),
  nps: z.number().int().nullable(),
  npsReason: z.string(),
  csat: z.number().int().nullable(),
  csatReason: z.string(),
  ces: z.number().int().nullable(),
  cesReason: z.string(),
  csiRatings: CsiRatingsSchema,
  notedQuestions: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Interview = z.infer<typeof InterviewSchema>

export const InterviewDetailSchema = InterviewSchema.extend({ script: ScriptBodySchema })
export type InterviewDetail = z.infer<typeof InterviewDetailSchema>

export const InterviewListInputSchema = z
  .object({
    studyId: IdSchema.optional(),
    participantId: IdSchema.optional(),
    companyId: IdSchema.optional(),
  })
  .optional()

/** A tiptap document: validated for shape (size: NoteSaveSchema); rendered by the editor, never as HTML. */
export const NoteDocSchema = z
  .object({ type: z.literal('doc'), content: z.array(z.unknown()).optional() })
  .passthrough()

/** Over-limit notes fail with issue params that dispatch reports as TOO_LARGE, which autosave never retries. */
export const NoteSaveSchema = z
  .object({
    interviewId: IdSchema,
    questionId: z.string().min(1).max(64),
    doc: NoteDocSchema,
    plainText: z.string(),
    elapsedMs: z.number().int().min(0).nullable().default(null),
  })
  .superRefine((note, ctx) => {
    const problem = noteSizeProblem(note.plainText.length, JSON.stringify(note.doc).length)
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: [problem.what === 'text' ? 'plainText' : 'doc'],
        message: noteSizeMessage(problem),
        params: tooLargeParams(problem),
      })
  })
export type NoteSave = z.input<typeof NoteSaveSchema>

export const NoteSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  questionId: z.string(),
  doc: z.record(z.string(), z.unknown()),
  plainText: z.string(),
  firstElapsedMs: z.number().int().nullable(),
  revision: z.number().int(),
  updatedAt: z.string(),
})
export type Note = z.infer<typeof NoteSchema>
