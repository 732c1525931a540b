/**
 * The issue-13 backup figures on the open research library (2,000 interviews, ~430 MB), through the real
 * channels: Back up now (online backup on the library's connection, integrity_check and foreign_key_check of
 * the copy in a worker thread, rename, rotation), the restore screen's preview, and a restore into a new file.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { AppContext } from '../src/main/ipc/app-context'
import { checkDatabaseFile } from '../src/main/services/backups/check-file'
import type { Call, Report } from './bench-types'

/** Times `fn` and the longest the event loop went without a turn meanwhile (what a note save would wait). */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; pauseMs: number }> {
  let longest = 0
  let last = performance.now()
  const probe = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 5)
  const t0 = performance.now()
  try {
    const value = await fn()
    return { value, ms: performance.now() - t0, pauseMs: Math.max(longest, performance.now() - last) }
  } finally {
    clearInterval(probe)
  }
}

export async function backupBench(app: AppContext, dir: string, call: Call, report: Report): Promise<void> {
  const backup = await timed(() => call(app, 'backups:run'))
  report('backup_ms', backup.ms, 'ms', 5_000)
  report('backup_event_loop_max_pause_ms', backup.pauseMs, 'ms')
  report('backup_file_mb', backup.value.bytes / 1024 / 1024, 'MB')
  // The check's share, again on the copy: the full integrity_check the backup ran, and quick_check beside it.
  const full = await timed(() => checkDatabaseFile(backup.value.path, 'full'))
  report('backup_integrity_check_ms', full.ms, 'ms')
  const quick = await timed(() => checkDatabaseFile(backup.value.path, 'quick'))
  report('backup_quick_check_ms', quick.ms, 'ms')
  const preview = await timed(() => call(app, 'backups:preview', { path: backup.value.path }))
  report('backup_preview_ms', preview.ms, 'ms')
  const to = join(dir, 'Research Library restored.fieldnote')
  const restore = await timed(() => call(app, 'backups:restore', { from: backup.value.path, to }))
  report('backup_restore_ms', restore.ms, 'ms')
}
