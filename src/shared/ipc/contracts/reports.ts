import { z } from 'zod'
import { REPORT_SECTION_IDS } from '../../reports/model'
import { ReportOptionsSchema } from '../../reports/options'
import { asyncRead, jobControl, progressRead, read } from '../channel-spec'

export const REPORT_FORMATS = ['html', 'pdf', 'docx', 'pptx', 'xlsx', 'csv', 'md'] as const
export const ReportFormatSchema = z.enum(REPORT_FORMATS)
export type ReportFormat = z.infer<typeof ReportFormatSchema>

const ReplacementSchema = z.object({ original: z.string(), replacement: z.string(), count: z.number().int() })

export const ReportPreviewSchema = z.object({
  /** The HTML export itself: what the preview shows is what the file will hold. */
  html: z.string(),
  title: z.string(),
  sections: z.array(z.object({ id: z.enum(REPORT_SECTION_IDS), title: z.string() })),
  /** What anonymizing replaced (empty when not asked); shown to the user, never exported. */
  replacements: z.array(ReplacementSchema),
})

export const ReportFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** The file's bytes, base64: the same answer travels over Electron IPC and the web bridge. */
  base64: z.string(),
})

export const reportsContract = {
  'reports:preview': read(ReportOptionsSchema, ReportPreviewSchema),
  /**
   * Builds the report from the open library in one read transaction, then writes the format outside it (the
   * office writers are asynchronous; a PDF is printed by the shell: Electron, or a local Chromium).
   */
  'reports:render': asyncRead(ReportOptionsSchema.extend({ format: ReportFormatSchema }), ReportFileSchema),
  /** How far the running export is (building the model, writing the file, printing), or null when none runs. */
  'reports:progress': progressRead(
    z.undefined().optional(),
    z
      .object({
        step: z.enum(['model', 'writing', 'printing']),
        done: z.number().int().min(0),
        total: z.number().int().min(0),
      })
      .nullable(),
  ),
  /** Stops the running export at its next step; it then fails with CANCELLED and no file is made. */
  'reports:cancel': jobControl(z.undefined().optional(), z.object({ cancelled: z.boolean() })),
} as const
