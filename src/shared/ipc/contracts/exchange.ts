import { z } from 'zod'
import { IdSchema } from '../../domain/common'
import { snapshotRead, switchLibrary, write } from '../channel-spec'
import { ALL_DOMAINS } from '../domains'
import { LibraryInfoSchema, PathSchema } from './library'

/** The report's words for what was imported: sources are notes and transcripts, codes tags, codings tag links, cases people. */
export const LibraryJsonCountsSchema = z.object({
  studies: z.number().int(),
  interviews: z.number().int(),
  sources: z.number().int(),
  notes: z.number().int(),
  transcripts: z.number().int(),
  /** Live tags; deleted ones (kept for undo) are in `rows.tags`. */
  codes: z.number().int(),
  codings: z.number().int(),
  highlights: z.number().int(),
  cases: z.number().int(),
  companies: z.number().int(),
  surveyResponses: z.number().int(),
  scripts: z.number().int(),
  stories: z.number().int(),
  boards: z.number().int(),
  insights: z.number().int(),
})
export type LibraryJsonCounts = z.infer<typeof LibraryJsonCountsSchema>

export const LibraryJsonImportSchema = z.object({
  /** The new library the backup became; it is the open library now. */
  library: LibraryInfoSchema,
  counts: LibraryJsonCountsSchema,
  /** Rows written per table of the format. */
  rows: z.record(z.string(), z.number().int()),
  /** What the file had that was not imported, and why. */
  skipped: z.array(z.object({ what: z.string(), reason: z.string() })),
})
export type LibraryJsonImport = z.infer<typeof LibraryJsonImportSchema>

/** What a REFI-QDA project import brought in, and what it left out with the reason. */
export const QdpxImportReportSchema = z.object({
  study: z.object({ id: z.string(), name: z.string() }),
  origin: z.string(),
  sources: z.number().int(),
  codes: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  codings: z.number().int(),
  annotations: z.number().int(),
  cases: z.number().int(),
  companies: z.number().int(),
  variables: z.array(z.string()),
  insights: z.number().int(),
  codeGroups: z.array(z.string()),
  skipped: z.array(z.object({ item: z.string(), reason: z.string() })),
})

export const exchangeContract = {
  /** A study, or the whole library, as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder. */
  'exchange:exportQdpx': snapshotRead(
    z.object({ studyId: IdSchema.nullable().optional() }).optional(),
    z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
  ),
  /** A REFI-QDA project (.qdpx, or a bare .qde) into the open library as a new study; all or nothing. */
  'exchange:importQdpx': write(
    z.object({
      name: z.string().min(1).max(500),
      base64: z.string().min(1, 'The file is empty').max(700_000_000, 'The file is larger than 500 MB'),
    }),
    QdpxImportReportSchema,
    // Everything a study's data feeds; the library file itself, its backups and snapshots stay.
    ALL_DOMAINS.filter((d) => !['app', 'library', 'backups', 'exchange'].includes(d)),
  ),
  /** The open library, or one study of it, as a library JSON file (docs/library-json.schema.json). */
  'exchange:exportJson': snapshotRead(
    z.object({ studyId: IdSchema.nullable().optional() }).optional(),
    z.object({ json: z.string(), fileName: z.string() }),
  ),
  /**
   * Makes a new library at `path` from a library JSON file and opens it. The whole file is checked first;
   * a refused file creates nothing, and the library that was open stays open. Never writes over a file.
   */
  'exchange:importJson': switchLibrary(
    z.object({
      path: PathSchema,
      json: z.string().min(1, 'The file is empty').max(500_000_000, 'The file is larger than 500 MB'),
    }),
    LibraryJsonImportSchema,
    ALL_DOMAINS,
  ),
} as const
