import { z } from 'zod'
import { LanguageSchema } from '../../domain/common'
import { OkSchema as Ok, shellRead, shellWrite } from '../channel-spec'

export const appContract = {
  'app:info': shellRead(
    z.undefined().optional(),
    z.object({
      version: z.string(),
      shell: z.enum(['electron', 'web']),
      canChooseFiles: z.boolean(),
      defaultLibraryPath: z.string(),
      startupError: z
        .object({
          code: z.string(),
          message: z.string(),
          params: z.record(z.string(), z.string()).optional(),
        })
        .nullable(),
    }),
  ),
  // The menu's language; the renderer changes its own strings, no library data changes.
  'app:setLanguage': shellWrite(z.object({ language: LanguageSchema }), Ok, []),
} as const
