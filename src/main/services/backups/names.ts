import { readdirSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import type { BackupEntry, BackupKind } from '../../../shared/ipc/contracts/backups'

/** Not .fieldnote: a backup is not a library to open and edit (rotation would delete the edits later). */
export const BACKUP_EXTENSION = '.fieldnote-backup'
/** What a backup is written to first; never renamed into place before it passed its check. */
export const PARTIAL_SUFFIX = '.partial'

/**
 * "<library> 2026-12-07T153012Z.fieldnote-backup", "… manual.fieldnote-backup" for Back up now: the library's
 * name first, then the UTC time (ISO 8601 basic), so a folder listing sorts each library's backups by time.
 */
export function backupFileName(library: string, at: Date, kind: BackupKind): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  const day = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`
  return `${library} ${day}${stamp.slice(8)}${kind === 'manual' ? ' manual' : ''}${BACKUP_EXTENSION}`
}

const NAME = /^(.+) (\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z( manual)?\.fieldnote-backup$/

export function parseBackupName(
  fileName: string,
): { library: string; takenAt: string; kind: BackupKind } | null {
  const m = NAME.exec(fileName)
  if (!m) return null
  const takenAt = `${m[2]}T${m[3]}:${m[4]}:${m[5]}.000Z`
  if (Number.isNaN(Date.parse(takenAt))) return null
  return { library: m[1] as string, takenAt, kind: m[6] ? 'manual' : 'auto' }
}

/** The library's name as its backups carry it: the file name without .fieldnote. */
export function libraryNameOf(libraryPath: string): string {
  return basename(libraryPath, extname(libraryPath))
}

/** Every backup in the folder (of any library), newest first; a missing folder holds none. */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  const out: BackupEntry[] = []
  for (const fileName of names) {
    const parsed = parseBackupName(fileName)
    if (!parsed) continue
    const path = join(folder, fileName)
    try {
      const st = statSync(path)
      if (st.isFile()) out.push({ path, fileName, ...parsed, bytes: st.size })
    } catch {
      // Gone between the listing and the stat (rotation in another window): not there, then.
    }
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || a.fileName.localeCompare(b.fileName))
}
