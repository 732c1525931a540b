import { readdirSync, statSync, type Dirent } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { AppError } from '../../shared/ipc/errors'
import type { FolderListing } from '../../shared/ipc/contracts'
import { LIBRARY_EXTENSION } from './library-manager'

/** A folder with more entries than this is shown in part (with a note): a picker, not a file manager. */
export const MAX_ENTRIES = 2000

function kindOf(dir: string, e: Dirent): 'folder' | 'library' | null {
  if (e.name.startsWith('.')) return null
  let isDir = e.isDirectory()
  let isFile = e.isFile()
  if (e.isSymbolicLink()) {
    try {
      const st = statSync(join(dir, e.name))
      isDir = st.isDirectory()
      isFile = st.isFile()
    } catch {
      return null // a dangling link
    }
  }
  if (isDir) return 'folder'
  if (isFile && e.name.toLowerCase().endsWith(LIBRARY_EXTENSION)) return 'library'
  return null
}

function readable(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

/**
 * The browser-mode library picker: the names of one folder's sub-folders and .fieldnote files, nothing else
 * (no other files, no contents, no hidden entries). A browser cannot hand the server a file's path, so the
 * server lists folders for the page to walk through. `start` is where to begin when no folder is asked for.
 */
export function listFolder(requested: string | undefined, start: string): FolderListing {
  if (requested !== undefined && !isAbsolute(requested))
    throw new AppError(
      'VALIDATION',
      `Use a full folder path (starting with / or a drive letter), not "${requested}".`,
    )
  const dir = resolve(requested ?? (readable(start) ? start : homedir()))
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new AppError('NOT_FOUND', `There is no folder at "${dir}".`, undefined, { path: dir })
    if (code === 'ENOTDIR')
      throw new AppError('VALIDATION', `"${dir}" is a file, not a folder.`, undefined, { path: dir })
    throw new AppError('FORBIDDEN', `The folder "${dir}" cannot be read (${code ?? 'error'}).`, undefined, {
      path: dir,
    })
  }
  const listed = entries
    .map((e) => ({ name: e.name, path: join(dir, e.name), kind: kindOf(dir, e) }))
    .filter((e): e is FolderListing['entries'][number] => e.kind !== null)
    .sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === 'folder' ? -1 : 1) ||
        a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }),
    )
  const parent = dirname(dir)
  return {
    dir,
    parent: parent === dir ? null : parent,
    home: homedir(),
    separator: sep,
    entries: listed.slice(0, MAX_ENTRIES),
    truncated: listed.length > MAX_ENTRIES,
  }
}
