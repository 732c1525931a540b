import { z } from 'zod'

// Tuples so db/schema.ts declares its enum columns from them (one list per enum).
export const INSIGHT_STATUSES = ['draft', 'validated', 'shared'] as const
export const InsightStatusSchema = z.enum(INSIGHT_STATUSES)
export type InsightStatus = z.infer<typeof InsightStatusSchema>

export const STANCES = ['for', 'against'] as const
export const StanceSchema = z.enum(STANCES)
