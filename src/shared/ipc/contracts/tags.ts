import { z } from 'zod'
import { IdSchema, LanguageSchema } from '../../domain/common'
import { ColorSchema, TagCodeSchema, TagCreateSchema, TagKindSchema, TagSchema } from '../../domain/tag'
import { OkSchema as Ok, read, write } from '../channel-spec'
import { QUOTE_READS, TAGGING_READS } from '../domains'

export const STARTER_CODEBOOKS = [
  'churn_reasons',
  'jtbd_forces',
  'jtbd_phases',
  'journey_stages',
  'emotions',
  'satisfaction_drivers',
] as const
export const StarterCodebookSchema = z.enum(STARTER_CODEBOOKS)

export const tagsContract = {
  /** Every live tag, flat (parentId makes the tree), ordered by parent then position. */
  'tags:list': read(z.object({ kind: TagKindSchema.optional() }).optional(), z.array(TagSchema)),
  'tags:create': write(TagCreateSchema, TagSchema, ['tags', 'evidence', 'matrix']),
  /** Renaming keeps the old name as an alias, so older reports stay explainable. */
  'tags:update': write(
    z.object({
      id: IdSchema,
      name: z.string().trim().min(1, 'A tag needs a name').max(200).optional(),
      code: TagCodeSchema.nullable().optional(),
      kind: TagKindSchema.optional(),
      color: ColorSchema.optional(),
      description: z.string().max(4000).optional(),
      ownerTeam: z.string().max(200).optional(),
      prevention: z.string().max(4000).optional(),
      semanticKey: z.string().max(64).nullable().optional(),
      emotionScore: z.number().int().min(-2).max(2).nullable().optional(),
    }),
    TagSchema,
    [...QUOTE_READS, 'tags'],
  ),
  'tags:move': write(
    z.object({ id: IdSchema, parentId: IdSchema.nullable(), position: z.number().int().min(0).optional() }),
    TagSchema,
    [...QUOTE_READS, 'tags'],
  ),
  /**
   * Moves every highlight of source onto target, keeps source's name and code as aliases of target; returns
   * the target with the id tags:undoMerge takes.
   */
  'tags:merge': write(
    z.object({ sourceId: IdSchema, targetId: IdSchema }),
    TagSchema.extend({ mergeId: z.string() }),
    [...TAGGING_READS, ...QUOTE_READS],
  ),
  /** Separates a merged tag again, with its highlights, reasons, aliases, children and place; returns it. */
  'tags:undoMerge': write(z.object({ mergeId: IdSchema }), TagSchema, [...TAGGING_READS, ...QUOTE_READS]),
  'tags:deleteImpact': read(
    z.object({ id: IdSchema }),
    z.object({ name: z.string(), tags: z.number().int(), highlights: z.number().int() }),
  ),
  /** Soft delete of the tag and its subtree; tags:restore undoes it. */
  'tags:delete': write(z.object({ id: IdSchema }), Ok, [...TAGGING_READS, ...QUOTE_READS]),
  'tags:restore': write(z.object({ id: IdSchema }), TagSchema, [...TAGGING_READS, ...QUOTE_READS]),
  'tags:seedStarter': write(
    z.object({ codebook: StarterCodebookSchema, language: LanguageSchema }),
    z.object({ created: z.number().int(), skipped: z.number().int() }),
    ['tags', 'evidence', 'churn', 'forces', 'matrix'],
  ),
  /** REFI-QDA codebook (.qdc) as XML text; the renderer saves it as a file. */
  'tags:exportQdc': read(z.undefined().optional(), z.object({ xml: z.string(), fileName: z.string() })),
  'tags:importQdc': write(
    z.object({
      xml: z
        .string()
        .min(1, 'The file is empty.')
        .max(20_000_000, 'The file is larger than 20 MB; a codebook is much smaller.'),
    }),
    z.object({
      created: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      /** The file's code groups (<Sets>) by name: Fieldnote has none to put them in, so they are listed. */
      codeGroups: z.array(z.string()),
    }),
    ['tags', 'evidence', 'churn', 'forces', 'matrix'],
  ),
} as const
