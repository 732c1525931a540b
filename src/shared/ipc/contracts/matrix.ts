import { z } from 'zod'
import { CountSchema as Count, IdSchema, SegmentSchema } from '../../domain/common'
import { TagKindSchema } from '../../domain/tag'
import { read } from '../channel-spec'

const TagSetSchema = z.union([z.object({ parentId: IdSchema }), z.object({ kind: TagKindSchema })])
const MatrixTagSchema = z.object({ id: z.string(), name: z.string(), code: z.string().nullable() })

export const matrixContract = {
  /**
   * Tag × tag: companies with highlights carrying both tags (descendants roll up onto the chosen tags).
   * Rows are `tags`; columns are `columns` if given (e.g. churn reasons × emotions), else the rows again.
   */
  'matrix:cooccurrence': read(
    z.object({
      tags: TagSetSchema,
      columns: TagSetSchema.optional(),
      studyId: IdSchema.nullable().optional(),
    }),
    z.object({
      tags: z.array(MatrixTagSchema),
      columns: z.array(MatrixTagSchema),
      counts: z.array(z.array(Count)),
    }),
  ),
  /** Tag × ABCD segment: companies per segment having the tag. */
  'matrix:segments': read(
    z.object({ tags: TagSetSchema, studyId: IdSchema.nullable().optional() }),
    z.object({
      tags: z.array(MatrixTagSchema),
      segments: z.array(z.union([SegmentSchema, z.literal('unsegmented')])),
      counts: z.array(z.array(Count)),
    }),
  ),
} as const
