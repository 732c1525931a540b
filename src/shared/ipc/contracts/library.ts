import { z } from 'zod'
import { ALL_DOMAINS } from '../domains'
import { shellRead, switchLibrary } from '../channel-spec'

export const PathSchema = z
  .string()
  .trim()
  .min(1, 'Choose a file')
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'A path cannot contain NUL')

export const LibraryInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  backupPath: z.string().nullable(),
})
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>

/** One folder as the browser-mode library picker shows it: sub-folders and .fieldnote files only. */
export const FolderListingSchema = z.object({
  dir: z.string(),
  parent: z.string().nullable(),
  home: z.string(),
  separator: z.enum(['/', '\\']),
  entries: z.array(z.object({ name: z.string(), path: z.string(), kind: z.enum(['folder', 'library']) })),
  truncated: z.boolean(),
})
export type FolderListing = z.infer<typeof FolderListingSchema>

export const libraryContract = {
  'library:current': shellRead(z.undefined().optional(), LibraryInfoSchema.nullable()),
  'library:open': switchLibrary(z.object({ path: PathSchema }), LibraryInfoSchema, ALL_DOMAINS),
  'library:create': switchLibrary(z.object({ path: PathSchema }), LibraryInfoSchema, ALL_DOMAINS),
  'library:recent': shellRead(
    z.undefined().optional(),
    z.array(z.object({ path: z.string(), exists: z.boolean() })),
  ),
  'library:choose': shellRead(
    z.object({ mode: z.enum(['open', 'create']) }),
    z.object({ path: z.string().nullable() }),
  ),
  // Browser mode only (the desktop app has the system dialog): where library:choose cannot be.
  'library:browse': shellRead(z.object({ dir: PathSchema.optional() }), FolderListingSchema),
} as const
