import { z } from 'zod'
import { IdSchema, IsoDateSchema, SegmentSchema } from '../domain/common'
import { REPORT_SECTION_IDS } from './model'

/** What a report covers and how: the same options drive the preview, every format and the command line. */
export const ReportOptionsSchema = z.object({
  /** One study, or the whole library (null). */
  studyId: IdSchema.nullable().default(null),
  title: z.string().trim().max(300).default(''),
  /** Plain text; blank lines separate paragraphs. */
  summary: z.string().max(20_000).default(''),
  /** The sections in the order they appear; each at most once. */
  sections: z
    .array(z.enum(REPORT_SECTION_IDS))
    .max(REPORT_SECTION_IDS.length)
    .refine((s) => new Set(s).size === s.length, 'A section can appear only once')
    .default([...REPORT_SECTION_IDS]),
  filters: z
    .object({
      segment: SegmentSchema.nullable().default(null),
      /** Interviews conducted (else scheduled, else created) on or after / before these dates. */
      from: IsoDateSchema.nullable().default(null),
      to: IsoDateSchema.nullable().default(null),
      /** Only quotes tagged with this tag (or a sub-tag) in the quote sections. */
      tagId: IdSchema.nullable().default(null),
    })
    .default({ segment: null, from: null, to: null, tagId: null }),
  anonymize: z.boolean().default(false),
  language: z.enum(['en', 'ru']).default('en'),
})
export type ReportOptions = z.infer<typeof ReportOptionsSchema>
export type ReportOptionsInput = z.input<typeof ReportOptionsSchema>
