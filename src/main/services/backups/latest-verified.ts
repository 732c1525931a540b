import type { BackupEntry } from '../../../shared/ipc/contracts/backups'
import { readLibraryHeader, type LibraryHeader } from '../../db/library-header'
import { FIELDNOTE_APPLICATION_ID } from '../../db/open-library'
import { listBackups } from './names'
import { isNewerSchema } from './preview'
import { withReadOnlySync } from './read-only'

const whole = (h: LibraryHeader) =>
  h.magicOk &&
  h.applicationId === FIELDNOTE_APPLICATION_ID &&
  (h.declaredBytes === null || h.size >= h.declaredBytes)

/**
 * The newest backup of a library that can still be restored: every backup passed integrity_check and
 * foreign_key_check before it got its name, so what is looked at here is only what can have happened since,
 * in a few milliseconds whatever its size (a library that failed to open must be explained within 2 s): the
 * header is still a Fieldnote library's, the file is as long as its header says, and it was not written by a
 * newer Fieldnote. The restore itself checks the copy in full again before it is put in place.
 */
export function latestVerifiedBackup(
  folder: string,
  library: string,
  migrationsFolder: string,
): BackupEntry | null {
  for (const backup of listBackups(folder)) {
    if (backup.library !== library) continue
    try {
      if (!whole(readLibraryHeader(backup.path))) continue
      if (withReadOnlySync(backup.path, (db) => isNewerSchema(db, migrationsFolder))) continue
      return backup
    } catch {
      // Unreadable, or gone since the listing: the next older one, then.
    }
  }
  return null
}
