import { existsSync, rmdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import type { AppContext } from '../ipc/app-context'

/**
 * What an import creates on disk before it knows the import will be saved, so a refused one can take it away
 * again: a library file that was not there, with its SQLite side files, and the folders made for it. A file
 * that existed is never in here, so a refusal can only ever remove what this run made.
 */
export interface Created {
  library: string
  folders: string[]
}

/** What creating a library at `path` would add: the file (if missing) and the folders above it that are. */
export function whatCreatingWouldMake(path: string): Created | null {
  if (existsSync(path)) return null
  const folders: string[] = []
  for (let d = dirname(path); !existsSync(d) && dirname(d) !== d; d = dirname(d)) folders.push(d)
  return { library: path, folders }
}

export function discardCreated(app: AppContext, made: Created): void {
  app.libraries.close()
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${made.library}${suffix}`, { force: true })
  // Innermost first; rmdirSync refuses a folder that is not empty, so nothing else can go with them.
  for (const folder of made.folders)
    try {
      rmdirSync(folder)
    } catch {
      break
    }
}
