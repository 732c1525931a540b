import { rmSync } from 'node:fs'
import type { BackupEntry } from '../../../shared/ipc/contracts/backups'
import { erasureHeldBy, type Erasure } from '../../../shared/domain/erasure'
import type { LibraryBackups } from '../../db/context'
import { listBackups } from './names'

/** This library's backups in its folder that still hold what `erasure` removed (or will remove), newest first. */
export function backupsHolding(backups: LibraryBackups, erasure: Erasure): BackupEntry[] {
  return listBackups(backups.folder).filter(
    (b) => b.library === backups.library && erasureHeldBy(b.takenAt, [erasure]) !== null,
  )
}

/**
 * Deletes backups Fieldnote made (entries from listBackups: this library's names in its backup folder), on
 * the person's explicit choice only. A file that cannot be deleted is reported, not retried.
 */
export function deleteBackups(entries: readonly Pick<BackupEntry, 'path' | 'fileName'>[]): {
  deleted: string[]
  failed: string[]
} {
  const deleted: string[] = []
  const failed: string[] = []
  for (const b of entries)
    try {
      rmSync(b.path)
      deleted.push(b.fileName)
    } catch {
      failed.push(b.fileName)
    }
  return { deleted, failed }
}
