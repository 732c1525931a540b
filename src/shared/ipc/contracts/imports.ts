import { z } from 'zod'
import { CountSchema as Count, IdSchema } from '../../domain/common'
import { asyncWrite, progressRead, read } from '../channel-spec'
import { PEOPLE_READS, QUOTE_READS } from '../domains'

const CsvTextSchema = z.string().min(1, 'The file is empty').max(20_000_000, 'The file is larger than 20 MB')
const MappingSchema = z.record(z.string().max(40), z.string().max(500).nullable())
export const ImportKindSchema = z.enum(['companies', 'churnSurvey'])

/** A rejected row: every problem found in it, and the same joined into one sentence (for the command line). */
const RowProblemSchema = z.object({ line: Count, message: z.string(), problems: z.array(z.string()) })
export const ImportReportSchema = z.object({
  kind: ImportKindSchema,
  /** False when nothing was written (rows were rejected and skipping them was not asked for, or a preview). */
  committed: z.boolean(),
  totalRows: Count,
  imported: Count,
  createdCompanies: z.array(z.string()),
  updatedCompanies: z.array(z.string()),
  unmapped: Count,
  /** Survey rows skipped because the same cancellation (company, study, date, reason, comment) is already there. */
  alreadyImported: Count,
  rejected: z.array(RowProblemSchema),
  /** Cells that a spreadsheet would run as formulas; stored as plain text, never evaluated. */
  formulaCells: z.array(z.object({ line: Count, column: z.string(), value: z.string() })),
})
export type ImportReport = z.infer<typeof ImportReportSchema>

const ImportInputSchema = z.object({
  csv: CsvTextSchema,
  mapping: MappingSchema.optional(),
  /** Import the valid rows and report the rest; by default one bad row rejects the whole file. */
  skipInvalid: z.boolean().default(false),
  /** Only validate and report; write nothing. */
  dryRun: z.boolean().default(false),
})

export const importsContract = {
  /** Headers, first rows and a suggested column mapping of a CSV, before importing it. */
  'imports:preview': read(
    z.object({ kind: ImportKindSchema, csv: CsvTextSchema }),
    z.object({
      headers: z.array(z.string()),
      sample: z.array(z.array(z.string())),
      totalRows: Count,
      fields: z.array(z.object({ field: z.string(), required: z.boolean() })),
      suggestedMapping: z.record(z.string(), z.string().nullable()),
      standardLayout: z.boolean(),
    }),
  ),
  /** Large files are saved in batches (one transaction) while the library is held; see imports:progress. */
  'imports:companies': asyncWrite(ImportInputSchema, ImportReportSchema, [...PEOPLE_READS, ...QUOTE_READS]),
  'imports:churnSurvey': asyncWrite(
    ImportInputSchema.extend({ studyId: IdSchema.nullable().optional() }),
    ImportReportSchema,
    [...QUOTE_READS, 'companies'],
  ),
  /** How far the running import is (rows saved of total), or null when none is saving. */
  'imports:progress': progressRead(
    z.undefined().optional(),
    z.object({ done: Count, total: Count }).nullable(),
  ),
} as const
