import { z } from 'zod'
import { shellRead, shellWrite } from '../channel-spec'

const PathSchema = z
  .string()
  .trim()
  .min(1, 'Choose a file')
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'A path cannot contain NUL')

/** auto: on opening a library and once a day while it is open; manual: Back up now. */
export const BackupKindSchema = z.enum(['auto', 'manual'])
export type BackupKind = z.infer<typeof BackupKindSchema>

/** One backup file, as its name tells (library, UTC time, kind) and its size. */
export const BackupEntrySchema = z.object({
  path: z.string(),
  fileName: z.string(),
  library: z.string(),
  takenAt: z.string(),
  kind: BackupKindSchema,
  bytes: z.number().int().nonnegative(),
})
export type BackupEntry = z.infer<typeof BackupEntrySchema>

export const BackupsStatusSchema = z.object({
  /** The library these backups are of: the open one, else the last one opened (so a damaged one can be restored). */
  library: z.object({ path: z.string(), name: z.string(), open: z.boolean() }).nullable(),
  folder: z.string().nullable(),
  defaultFolder: z.string().nullable(),
  lastBackupAt: z.string().nullable(),
  /** Why the last automatic backup failed, until one succeeds. */
  lastError: z.string().nullable(),
  running: z.boolean(),
  /** Every backup in the folder, newest first (other libraries' too: the folder may be shared). */
  backups: z.array(BackupEntrySchema),
})
export type BackupsStatus = z.infer<typeof BackupsStatusSchema>

export const BackupPreviewSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
  /** newer: written by a newer Fieldnote, so not read; not_library: not a Fieldnote file at all. */
  status: z.enum(['ok', 'damaged', 'newer', 'not_library']),
  counts: z
    .object({ studies: z.number().int(), interviews: z.number().int(), highlights: z.number().int() })
    .nullable(),
  /** The newest created_at or updated_at in the backup. */
  lastChangeAt: z.string().nullable(),
  problems: z.array(z.string()),
})
export type BackupPreview = z.infer<typeof BackupPreviewSchema>

/**
 * Backups act on the library file and the app's settings, not inside the library's transaction: shell
 * channels. A backup copies the open library page by page beside the calls that go on meanwhile.
 */
export const backupsContract = {
  'backups:status': shellRead(z.undefined().optional(), BackupsStatusSchema),
  'backups:run': shellWrite(
    z.undefined().optional(),
    BackupEntrySchema.extend({ rotatedOut: z.array(z.string()) }),
    ['backups'],
  ),
  /** null: back to the default folder beside the library. */
  'backups:setFolder': shellWrite(z.object({ folder: PathSchema.nullable() }), BackupsStatusSchema, [
    'backups',
  ]),
  // The desktop app's folder dialog; in a browser the page walks folders with library:browse instead.
  'backups:chooseFolder': shellRead(z.undefined().optional(), z.object({ path: z.string().nullable() })),
  'backups:preview': shellRead(z.object({ path: PathSchema }), BackupPreviewSchema),
  /** Into a new library file; never over the open library or any existing file. Opening it is a library:open. */
  'backups:restore': shellWrite(
    z.object({ from: PathSchema, to: PathSchema }),
    z.object({ path: z.string() }),
    [],
  ),
} as const
