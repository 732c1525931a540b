import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LibraryManager } from '../../src/main/library/library-manager'
import { backupFileName, parseBackupName } from '../../src/main/services/backups/names'
import { isoWeekOf, keptBackups, rotateBackups } from '../../src/main/services/backups/rotation'
import type { BackupKind } from '../../src/shared/ipc/contracts/backups'
import { MIGRATIONS, TestClock, makeTempDir, removeTempDir } from './helpers'

const NOW = new Date('2026-03-02T09:00:00Z') // a Monday: ISO week 2026-W10 starts today

/** Backups at 03:00 and 15:00 UTC every day from 1 January up to now, and Back up now copies here and there. */
function history(): { takenAt: string; kind: BackupKind }[] {
  const out: { takenAt: string; kind: BackupKind }[] = []
  for (let day = Date.parse('2026-01-01T00:00:00Z'); day <= NOW.getTime(); day += 86_400_000)
    for (const hour of [3, 15]) {
      const at = day + hour * 3_600_000
      if (at <= NOW.getTime()) out.push({ takenAt: new Date(at).toISOString(), kind: 'auto' })
    }
  for (const at of ['01-05T10', '01-20T10', '02-01T10', '02-10T10', '02-20T10', '03-01T16', '03-02T08'])
    out.push({ takenAt: `2026-${at}:00:00.000Z`, kind: 'manual' })
  return out
}

const EXPECTED_KEPT = [
  '2026-03-02T08:00:00.000Z manual', // today's newest, this week's newest, a recent manual copy
  '2026-03-01T16:00:00.000Z manual', // yesterday's newest and last week's (W09)
  '2026-02-28T15:00:00.000Z auto',
  '2026-02-27T15:00:00.000Z auto',
  '2026-02-26T15:00:00.000Z auto',
  '2026-02-25T15:00:00.000Z auto',
  '2026-02-24T15:00:00.000Z auto', // the 7th day back
  '2026-02-22T15:00:00.000Z auto', // W08's newest
  '2026-02-20T10:00:00.000Z manual', // manual copies 3–5
  '2026-02-15T15:00:00.000Z auto', // W07's newest: the 4th week
  '2026-02-10T10:00:00.000Z manual',
  '2026-02-01T10:00:00.000Z manual',
]

describe('rotation', () => {
  it('keeps the newest of each of the last 7 days and 4 ISO weeks, and the 5 newest Back up now copies', () => {
    const all = history()
    const kept = [...keptBackups(all, NOW)]
      .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
      .map((b) => `${b.takenAt} ${b.kind}`)
    expect(kept).toEqual(EXPECTED_KEPT)
  })

  it('ISO weeks start on Monday and a year can end in week 53', () => {
    expect(isoWeekOf(Date.parse('2026-03-01T23:59:59Z'))).toBe('2026-W09')
    expect(isoWeekOf(Date.parse('2026-03-02T00:00:00Z'))).toBe('2026-W10')
    expect(isoWeekOf(Date.parse('2026-12-31T12:00:00Z'))).toBe('2026-W53')
    expect(isoWeekOf(Date.parse('2027-01-03T12:00:00Z'))).toBe('2026-W53')
    expect(isoWeekOf(Date.parse('2027-01-04T00:00:00Z'))).toBe('2027-W01')
    expect(isoWeekOf(Date.parse('2024-12-30T00:00:00Z'))).toBe('2025-W01')
  })

  it('file names sort by time and read back', () => {
    const name = backupFileName('Client research', new Date('2026-12-07T15:30:12.345Z'), 'manual')
    expect(name).toBe('Client research 2026-12-07T153012Z manual.fieldnote-backup')
    expect(parseBackupName(name)).toEqual({
      library: 'Client research',
      takenAt: '2026-12-07T15:30:12.000Z',
      kind: 'manual',
    })
    expect(parseBackupName('Client research 2026-12-07T153012Z.fieldnote-backup')?.kind).toBe('auto')
    expect(parseBackupName('Client research.fieldnote')).toBeNull()
    expect(parseBackupName('Client 2026-12-07T153012Z.fieldnote-backup.partial')).toBeNull()
  })

  describe('in a folder', () => {
    let dir: string
    afterEach(() => removeTempDir(dir))

    it('deletes exactly this library’s backups that are not kept; a future one, other libraries and other files stay', () => {
      dir = makeTempDir()
      const files = history().map((b) => backupFileName('Lib', new Date(b.takenAt), b.kind))
      const others = [
        backupFileName('Other lib', new Date('2025-06-01T00:00:00Z'), 'auto'),
        backupFileName('Lib', new Date('2026-03-05T00:00:00Z'), 'auto'), // the clock was ahead once
        'Lib notes.txt',
        'Lib.fieldnote',
      ]
      for (const f of [...files, ...others]) writeFileSync(join(dir, f), '')
      const gone = rotateBackups(dir, 'Lib', NOW)
      expect(gone).toHaveLength(files.length - EXPECTED_KEPT.length)
      const expected = [
        ...EXPECTED_KEPT.map((k) => {
          const [at, kind] = k.split(' ')
          return backupFileName('Lib', new Date(at as string), kind as BackupKind)
        }),
        ...others,
      ]
      expect(readdirSync(dir).sort()).toEqual(expected.sort())
    })
  })
})

describe('automatic backups', () => {
  let dir: string
  let libraries: LibraryManager | null = null
  afterEach(() => {
    libraries?.close()
    removeTempDir(dir)
  })

  const backupsIn = (folder: string) => {
    try {
      return readdirSync(folder).filter((f) => f.endsWith('.fieldnote-backup'))
    } catch {
      return []
    }
  }
  async function until(test: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 25))
  }

  it('on opening a library whose last backup is over a day old, and once a day while it stays open', async () => {
    dir = makeTempDir()
    const clock = new TestClock()
    const path = join(dir, 'Lib.fieldnote')
    const folder = join(dir, 'Backups')
    const manager = () =>
      new LibraryManager({
        dataDir: join(dir, 'data'),
        migrationsFolder: MIGRATIONS,
        now: clock.now,
        autoBackup: { firstDelayMs: 0, checkEveryMs: 20 },
      })
    libraries = manager()
    await libraries.create(path)
    // A new library: its first daily backup is a day after it was created.
    await new Promise((r) => setTimeout(r, 100))
    expect(backupsIn(folder)).toEqual([])
    clock.advance(86_400_000)
    await until(() => backupsIn(folder).length === 1)
    expect(backupsIn(folder)).toEqual(['Lib 2026-03-03T090000Z.fieldnote-backup'])

    // Reopened an hour later: the last backup is recent, nothing happens.
    libraries.close()
    clock.advance(3_600_000)
    libraries = manager()
    await libraries.open(path)
    await new Promise((r) => setTimeout(r, 100))
    expect(backupsIn(folder)).toHaveLength(1)

    // Reopened two days later: one backup right away.
    libraries.close()
    clock.advance(2 * 86_400_000)
    libraries = manager()
    await libraries.open(path)
    await until(() => backupsIn(folder).length === 2)
    expect(backupsIn(folder).sort()).toEqual([
      'Lib 2026-03-03T090000Z.fieldnote-backup',
      'Lib 2026-03-05T100000Z.fieldnote-backup',
    ])
    await until(() => !libraries?.backups.status().running)
    expect(libraries.backups.status().lastBackupAt).toBe('2026-03-05T10:00:00.000Z')
  })
})
