import { existsSync, linkSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, extname, isAbsolute, resolve } from 'node:path'
import { AppError } from '../../../shared/ipc/errors'
import { checkDatabaseFile } from './check-file'
import { isNewerSchema } from './preview'
import { fileKind, withReadOnly } from './read-only'

export interface RestoreOptions {
  /** The backup file. */
  from: string
  /** The new library file; .fieldnote is added when it has no extension. */
  to: string
  /** The library open now, which a restore never writes over. */
  openLibraryPath: string | null
  migrationsFolder: string
}

const sameFile = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return resolve(a) === resolve(b)
  }
}

function targetOf(to: string, openLibraryPath: string | null): string {
  if (!isAbsolute(to))
    throw new AppError('VALIDATION', `Use a full path (starting with / or a drive letter), not "${to}".`)
  const path = extname(to) === '' ? `${resolve(to)}.fieldnote` : resolve(to)
  if (existsSync(path) && statSync(path).isDirectory())
    throw new AppError('LIBRARY_IS_FOLDER', `"${path}" is a folder; add a file name.`, undefined, { path })
  // Never over the open library, nor over any file (or a SQLite side file another library still needs).
  if (
    (openLibraryPath && sameFile(path, openLibraryPath)) ||
    [path, `${path}-wal`, `${path}-journal`].some(existsSync)
  )
    throw new AppError(
      'LIBRARY_EXISTS',
      `"${path}" already exists. Choose another name; Fieldnote never restores over a file.`,
      undefined,
      { path },
    )
  if (!existsSync(dirname(path)))
    throw new AppError('VALIDATION', `The folder "${dirname(path)}" does not exist; choose one that does.`)
  return path
}

/** Puts the checked copy in place without ever replacing a file, even one created a moment ago. */
function placeWithoutOverwriting(tmp: string, path: string): void {
  try {
    linkSync(tmp, path) // fails with EEXIST instead of replacing
    rmSync(tmp)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST')
      throw new AppError(
        'LIBRARY_EXISTS',
        `"${path}" appeared while restoring; nothing was replaced.`,
        undefined,
        {
          path,
        },
      )
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (existsSync(path))
      throw new AppError('LIBRARY_EXISTS', `"${path}" already exists; nothing was replaced.`, undefined, {
        path,
      })
    renameSync(tmp, path)
  }
}

/**
 * Restores a backup into a new library file: the backup is read with SQLite's online backup API on a
 * read-only connection (a consistent copy even of a WAL-mode file), the copy is checked with integrity_check
 * and foreign_key_check, and only then put in place under the new name. The backup and the open library are
 * never written to; a failure leaves no file behind.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<{ path: string }> {
  const path = targetOf(opts.to, opts.openLibraryPath)
  if (!existsSync(opts.from))
    throw new AppError('LIBRARY_NOT_FOUND', `No backup at "${opts.from}".`, undefined, { path: opts.from })
  const kind = fileKind(opts.from)
  if (kind !== 'library')
    throw new AppError(
      kind === 'sqlite' ? 'LIBRARY_FOREIGN' : 'LIBRARY_NOT_SQLITE',
      `"${opts.from}" is not a Fieldnote backup.`,
      undefined,
      { path: opts.from },
    )
  const tmp = `${path}.partial`
  rmSync(tmp, { force: true })
  try {
    await withReadOnly(opts.from, (db) => {
      if (isNewerSchema(db, opts.migrationsFolder))
        throw new AppError(
          'LIBRARY_NEWER_VERSION',
          `"${opts.from}" was written by a newer version of Fieldnote. Update Fieldnote to restore it.`,
          undefined,
          { path: opts.from },
        )
      return db.backup(tmp)
    })
    const problems = await checkDatabaseFile(tmp, 'full')
    if (problems.length > 0)
      throw new AppError(
        'LIBRARY_DAMAGED',
        `The backup "${opts.from}" is damaged (${problems.slice(0, 3).join('; ')}); nothing was restored. Choose an older backup.`,
        undefined,
        { path: opts.from },
      )
    placeWithoutOverwriting(tmp, path)
  } catch (err) {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true })
    if (err instanceof AppError) throw err
    throw new AppError(
      'LIBRARY_DAMAGED',
      `The backup "${opts.from}" could not be read (${(err as Error).message}); nothing was restored.`,
      undefined,
      { path: opts.from },
    )
  }
  return { path }
}
