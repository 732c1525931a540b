import { accessSync, constants } from 'node:fs'
import { dirname } from 'node:path'
import { AppError, type ErrorCode } from '../../shared/ipc/errors'
import { latestVerifiedBackup } from '../services/backups/latest-verified'
import { libraryNameOf } from '../services/backups/names'

/** Refusals of a library that is (or was) there, where its latest backup is the way back to its data. */
const OFFER_FOR: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'LIBRARY_NOT_FOUND',
  'LIBRARY_EMPTY_FILE',
  'LIBRARY_NOT_SQLITE',
  'LIBRARY_FOREIGN',
  'LIBRARY_DAMAGED',
  'LIBRARY_READ_ONLY',
  'LIBRARY_NEWER_VERSION',
  'LIBRARY_UNREADABLE',
  'LIBRARY_LOCKED',
  'LIBRARY_GONE',
])

export interface OfferPlaces {
  /** Where this library's backups go (settings, else the Backups folder beside it). */
  backupFolder: string
  migrationsFolder: string
  /** Where the restored copy goes when the library's own folder is not there: the app's data folder. */
  fallbackFolder: string
}

/**
 * Adds to a refusal the latest verified backup of that library, for the screen to offer "Restore the latest
 * verified backup (date)…": params backupPath and backupTakenAt, and restoreFolder, where the new file goes
 * (beside the library; the app's data folder when the library's folder is gone or read-only). The restore never writes
 * over the refused file: it makes a new one (backups:restore). Other errors, and refusals of a library with
 * no backup, pass through unchanged.
 */
export function withRestoreOffer<E>(err: E, path: string, places: OfferPlaces): E | AppError {
  if (!(err instanceof AppError) || !OFFER_FOR.has(err.code)) return err
  let backup
  try {
    backup = latestVerifiedBackup(places.backupFolder, libraryNameOf(path), places.migrationsFolder)
  } catch {
    return err
  }
  if (!backup) return err
  return new AppError(err.code, err.message, err.issues, {
    ...err.params,
    path,
    backupPath: backup.path,
    backupTakenAt: backup.takenAt,
    restoreFolder: writable(dirname(path)) ? dirname(path) : places.fallbackFolder,
  })
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK)
    return true
  } catch {
    return false
  }
}
