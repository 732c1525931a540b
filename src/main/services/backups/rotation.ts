import { rmSync } from 'node:fs'
import type { BackupEntry, BackupKind } from '../../../shared/ipc/contracts/backups'
import { listBackups } from './names'

export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4
/** Back up now copies kept besides the rotation: the one taken before a risky change must survive the day. */
export const KEEP_MANUAL = 5

const DAY_MS = 86_400_000

/** The UTC day of a time, as YYYY-MM-DD. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The ISO 8601 week (Monday first; week 1 holds the year's first Thursday) of a UTC time, as YYYY-Www. */
export function isoWeekOf(ms: number): string {
  const d = new Date(ms)
  const weekday = (d.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - weekday + 3)
  const year = new Date(thursday).getUTCFullYear()
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/**
 * Which backups rotation keeps: the newest of each of the last 7 UTC days (today included), the newest of
 * each of the last 4 ISO weeks (this one included), the 5 newest Back up now copies, and anything dated after
 * `now` (a clock that was ahead: never delete what cannot be placed). UTC days keep the rule the same
 * whatever time zone the computer is set to on a trip.
 */
export function keptBackups<T extends { takenAt: string; kind: BackupKind }>(
  backups: T[],
  now: Date,
): Set<T> {
  const nowMs = now.getTime()
  const days = new Set(Array.from({ length: KEEP_DAILY }, (_, i) => dayOf(nowMs - i * DAY_MS)))
  const weeks = new Set(Array.from({ length: KEEP_WEEKLY }, (_, i) => isoWeekOf(nowMs - i * 7 * DAY_MS)))
  const newestFirst = [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt))
  const kept = new Set<T>()
  const seenDays = new Set<string>()
  const seenWeeks = new Set<string>()
  let manual = 0
  for (const b of newestFirst) {
    const ms = Date.parse(b.takenAt)
    if (ms > nowMs) kept.add(b)
    const day = dayOf(ms)
    if (days.has(day) && !seenDays.has(day) && ms <= nowMs) {
      seenDays.add(day)
      kept.add(b)
    }
    const week = isoWeekOf(ms)
    if (weeks.has(week) && !seenWeeks.has(week) && ms <= nowMs) {
      seenWeeks.add(week)
      kept.add(b)
    }
    if (b.kind === 'manual' && manual < KEEP_MANUAL) {
      manual++
      kept.add(b)
    }
  }
  return kept
}

/** Deletes this library's backups that rotation does not keep; other libraries' files are never touched. */
export function rotateBackups(folder: string, library: string, now: Date): BackupEntry[] {
  const own = listBackups(folder).filter((b) => b.library === library)
  const kept = keptBackups(own, now)
  const gone = own.filter((b) => !kept.has(b))
  for (const b of gone) rmSync(b.path, { force: true })
  return gone
}
