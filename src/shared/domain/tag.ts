import { z } from 'zod'
import { IdSchema } from './common'

/** A tuple, so db/schema.ts can declare the column's values from the same list as the zod enum. */
export const TAG_KINDS = [
  'theme',
  'churn_reason',
  'jtbd_force',
  'jtbd_phase',
  'journey_stage',
  'emotion',
  'satisfaction_driver',
  'custom',
] as const
export const TagKindSchema = z.enum(TAG_KINDS)
export type TagKind = z.infer<typeof TagKindSchema>

export const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #3366cc')
/** Churn-reason and other stable codes: letters, digits and dashes, e.g. PRC-01. */
export const TagCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/, 'Use a code like PRC-01')
  .max(40)

/** One tag as the renderer sees it. Tags form a tree through parentId (null = top level). */
export const TagSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  kind: TagKindSchema,
  color: z.string(),
  description: z.string(),
  ownerTeam: z.string(),
  prevention: z.string(),
  /** What the tag means to the roll-ups: 'push' | 'pull' | 'anxiety' | 'habit' for forces, a phase, stage or driver key. */
  semanticKey: z.string().nullable(),
  /** Emotion tags: −2 … +2. */
  emotionScore: z.number().int().min(-2).max(2).nullable(),
  position: z.number().int(),
  aliases: z.array(z.string()),
  /** Highlights tagged with this tag itself (not its children). */
  highlightCount: z.number().int(),
  /** Highlights tagged with this tag or any tag below it, each once: what a category stands for. */
  treeHighlightCount: z.number().int(),
})
export type Tag = z.infer<typeof TagSchema>

export const TagCreateSchema = z.object({
  name: z.string().trim().min(1, 'A tag needs a name').max(200),
  parentId: IdSchema.nullable().default(null),
  kind: TagKindSchema.default('theme'),
  code: TagCodeSchema.nullable().default(null),
  color: ColorSchema.optional(),
  description: z.string().max(4000).default(''),
  ownerTeam: z.string().max(200).default(''),
  prevention: z.string().max(4000).default(''),
  semanticKey: z.string().max(64).nullable().default(null),
  emotionScore: z.number().int().min(-2).max(2).nullable().default(null),
})
export type TagCreate = z.input<typeof TagCreateSchema>
