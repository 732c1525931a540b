import { z } from 'zod'

export const IdSchema = z.string().min(1).max(100)
/** Calendar date as the user typed it, no time zone: YYYY-MM-DD. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Not a real calendar date',
  )
/** Instant in time, ISO 8601 with zone. */
export const IsoDateTimeSchema = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Not a valid date and time')
export const NameSchema = z.string().trim().min(1, 'A name is required').max(200)
export const LongTextSchema = z.string().max(20_000)
export const SearchSchema = z.object({ search: z.string().max(200).optional() }).optional()
export const ByIdSchema = z.object({ id: IdSchema })

// The value lists are tuples so db/schema.ts declares its enum columns from them (one list per enum).
export const SEGMENTS = ['A', 'B', 'C', 'D'] as const
export const SegmentSchema = z.enum(SEGMENTS)
/** Roll-ups count companies without a segment in a bucket of their own. */
export const SEGMENT_BUCKETS = [...SEGMENTS, 'unsegmented'] as const
export type SegmentBucket = (typeof SEGMENT_BUCKETS)[number]
export type Segment = z.infer<typeof SegmentSchema>

export const LANGUAGES = ['en', 'ru'] as const
export const LanguageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof LanguageSchema>

/** What deleting a record would take with it, shown before the user confirms. */
export const DeleteImpactSchema = z.object({
  name: z.string(),
  interviews: z.number().int(),
  participants: z.number().int(),
  notes: z.number().int(),
})
export type DeleteImpact = z.infer<typeof DeleteImpactSchema>

type UpdateShape<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner extends z.ZodType> ? Inner : S[K]>
}

/**
 * The fields of an input schema for a partial update: every field optional and without its default. zod 4's
 * .partial() keeps .default(), so an update that omits a field would write that default over the stored value.
 */
export function updateFields<S extends z.ZodRawShape>(fields: z.ZodObject<S>): z.ZodObject<UpdateShape<S>> {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, schema] of Object.entries(fields.shape) as [string, z.ZodType][])
    shape[key] = (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional()
  return z.object(shape) as unknown as z.ZodObject<UpdateShape<S>>
}

export const CountSchema = z.number().int()
/** A roll-up's scope: one study, or the whole library when omitted or null. */
export const StudyScopeSchema = z.object({ studyId: IdSchema.nullable().optional() }).optional()
