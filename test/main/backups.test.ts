import Database from 'better-sqlite3'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, fail, invoke, setupApp, sha256, sqliteOf, type TestApp } from './helpers'
import { allRows, seedForBackup } from './backups-fixture'

let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

const seed = () =>
  seedForBackup(
    (c, i) => call(t.app, c, i),
    () => t.clock.advance(60_000),
  )
const backupsFolder = () => join(t.dir, 'Backups')

function withFile<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

describe('Back up now', () => {
  it('writes one checked file beside the library, named after it and the time, holding every row', async () => {
    await seed()
    const before = allRows(sqliteOf(t.app))
    const written = await call(t.app, 'backups:run')
    expect(written.fileName).toBe('Test 2026-03-02T090200Z manual.fieldnote-backup')
    expect(written.path).toBe(join(backupsFolder(), written.fileName))
    expect(readdirSync(backupsFolder())).toEqual([written.fileName])
    withFile(written.path, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
      // One self-contained file: a rollback journal, not the library's WAL.
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete')
      expect(allRows(db)).toEqual(before)
    })
    expect(before['highlights']).toHaveLength(2)
    expect(before['transcripts']).toHaveLength(1)
    const status = await call(t.app, 'backups:status')
    expect(status).toMatchObject({
      library: { path: t.libraryPath, name: 'Test', open: true },
      folder: backupsFolder(),
      defaultFolder: backupsFolder(),
      lastBackupAt: '2026-03-02T09:02:00.000Z',
      running: false,
    })
    expect(status.backups.map((b) => b.fileName)).toEqual([written.fileName])
  })

  it('goes to the folder the person chose, remembered across restarts', async () => {
    const chosen = join(t.dir, 'elsewhere', 'Fieldnote backups')
    await call(t.app, 'backups:setFolder', { folder: chosen })
    const written = await call(t.app, 'backups:run')
    expect(written.path.startsWith(join(chosen, 'Test '))).toBe(true)
    await t.reopen()
    expect((await call(t.app, 'backups:status')).folder).toBe(chosen)
    expect((await call(t.app, 'backups:setFolder', { folder: null })).folder).toBe(backupsFolder())
  })

  it('a folder through a file fails with BACKUP_FAILED and leaves nothing', async () => {
    writeFileSync(join(t.dir, 'a-file'), 'x')
    await call(t.app, 'backups:setFolder', { folder: join(t.dir, 'a-file', 'backups') })
    const err = await fail(t.app, 'backups:run')
    expect(err.code).toBe('BACKUP_FAILED')
    expect(readdirSync(t.dir).sort()).toEqual([
      'Test.fieldnote',
      'Test.fieldnote-shm',
      'Test.fieldnote-wal',
      'a-file',
      'data',
    ])
    expect((await call(t.app, 'backups:status')).lastBackupAt).toBeNull()
  })

  it('a copy that fails integrity_check is not kept: an index that disagrees with its table', async () => {
    await seed()
    // The index's definition is changed under it, so its entries no longer match the column it claims to
    // index: quick_check (and so opening) passes, only integrity_check compares an index with its table.
    const sqlite = sqliteOf(t.app)
    const index = sqlite
      .prepare(
        "select name, sql from sqlite_master where type = 'index' and tbl_name = 'participants' and sql like '%(`company_id`)%'",
      )
      .get() as { name: string; sql: string }
    expect(index).toBeDefined()
    sqlite.unsafeMode(true) // lets writable_schema edit sqlite_master (better-sqlite3 runs in defensive mode)
    sqlite.pragma('writable_schema = ON')
    sqlite
      .prepare('update sqlite_master set sql = ? where name = ?')
      .run(index.sql.replace('(`company_id`)', '(`name`)'), index.name)
    sqlite.pragma('writable_schema = OFF')
    t.app.libraries.close()
    await t.app.libraries.open(t.libraryPath)
    const err = await fail(t.app, 'backups:run')
    expect(err.code).toBe('BACKUP_FAILED')
    expect(err.message).toMatch(/failed its check.*index/i)
    expect(readdirSync(backupsFolder())).toEqual([])
  })

  it('closing the library while it copies stops the backup and removes the partial file', async () => {
    await seed()
    const running = invoke(t.app, 'backups:run', undefined)
    t.app.libraries.close()
    const env = await running
    expect(env).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED' } })
    expect(readdirSync(backupsFolder())).toEqual([])
  })

  it('without an open library there is nothing to back up, but the last library’s backups are still listed', async () => {
    await call(t.app, 'backups:run')
    t.app.libraries.close()
    expect((await fail(t.app, 'backups:run')).code).toBe('NO_LIBRARY')
    const status = await call(t.app, 'backups:status')
    expect(status.library).toEqual({ path: t.libraryPath, name: 'Test', open: false })
    expect(status.backups).toHaveLength(1)
  })

  it('refuses a folder another library of the same name already backs up into', async () => {
    const shared = join(t.dir, 'shared')
    await call(t.app, 'backups:setFolder', { folder: shared })
    mkdirSync(join(t.dir, 'other'))
    await t.app.libraries.create(join(t.dir, 'other', 'Test.fieldnote'))
    expect((await fail(t.app, 'backups:setFolder', { folder: shared })).code).toBe('CONFLICT')
    expect((await call(t.app, 'backups:setFolder', { folder: join(t.dir, 'shared-2') })).folder).toBe(
      join(t.dir, 'shared-2'),
    )
  })
})

describe('preview', () => {
  it('counts studies, interviews and highlights, says when the library last changed, and checks the file', async () => {
    await seed()
    t.clock.advance(3_600_000)
    const { path } = await call(t.app, 'backups:run')
    const preview = await call(t.app, 'backups:preview', { path })
    expect(preview).toMatchObject({
      status: 'ok',
      counts: { studies: 2, interviews: 2, highlights: 2 },
      lastChangeAt: '2026-03-02T09:02:00.000Z',
      problems: [],
    })
    // Read-only: no side files, the backup unchanged.
    expect(readdirSync(backupsFolder())).toHaveLength(1)
  })

  it('a backup from a newer Fieldnote is said to be one, not read', async () => {
    const { path } = await call(t.app, 'backups:run')
    const db = new Database(path)
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(
      'future',
      4_102_444_800_000,
    )
    db.close()
    expect(await call(t.app, 'backups:preview', { path })).toMatchObject({ status: 'newer', counts: null })
    const to = join(t.dir, 'Restored.fieldnote')
    expect((await fail(t.app, 'backups:restore', { from: path, to })).code).toBe('LIBRARY_NEWER_VERSION')
    expect(existsSync(to) || existsSync(`${to}.partial`)).toBe(false)
  })

  it('a file that is not a Fieldnote backup is said to be none', async () => {
    const path = join(t.dir, 'notes.txt')
    writeFileSync(
      path,
      'not a database at all, just some text that is long enough to have a header.'.repeat(3),
    )
    expect(await call(t.app, 'backups:preview', { path })).toMatchObject({ status: 'not_library' })
  })
})

/** Overwrites pages of a SQLite file with garbage, as a failing disk or a bad sync would. */
function damage(path: string, pages: number[]): void {
  const fd = openSync(path, 'r+')
  try {
    for (const page of pages) writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, page * 4096)
  } finally {
    closeSync(fd)
  }
}

describe('restore drill: back up, damage the library, restore, compare every table', () => {
  it('brings back every row as it was at the backup, in a new file that opens', async () => {
    await seed()
    const atBackup = allRows(sqliteOf(t.app))
    const { path: backup } = await call(t.app, 'backups:run')
    // Work goes on after the backup, then the disk damages the file.
    await call(t.app, 'studies:create', { name: 'After the backup', method: 'exit', targetInterviews: 1 })
    t.app.libraries.close()
    const pages = statSync(t.libraryPath).size / 4096
    expect(pages).toBeGreaterThan(20)
    damage(t.libraryPath, [2, 3, 5, 8, 13, Math.floor(pages / 2), pages - 2])
    expect((await fail(t.app, 'library:open', { path: t.libraryPath })).code).toBe('LIBRARY_DAMAGED')

    // With no library open, the restore screen still finds the damaged library's backups.
    const status = await call(t.app, 'backups:status')
    expect(status.backups.map((b) => b.path)).toEqual([backup])
    const damagedSha = sha256(t.libraryPath)
    const to = join(t.dir, 'Test restored.fieldnote')
    expect(await call(t.app, 'backups:restore', { from: backup, to })).toEqual({ path: to })
    expect(sha256(t.libraryPath)).toBe(damagedSha)

    await call(t.app, 'library:open', { path: to })
    expect(allRows(sqliteOf(t.app))).toEqual(atBackup)
    expect((await call(t.app, 'studies:list')).map((s) => s.name).sort()).toEqual([
      'Churn study',
      'Onboarding study',
    ])
    // Search works on the restored file: its indexes came along.
    const found = await call(t.app, 'search:query', { q: 'spreadsheet ' })
    expect(JSON.stringify(found)).toContain('spreadsheet')
  })

  it('never restores over the open library or an existing file, and adds .fieldnote to a bare name', async () => {
    const { path: backup } = await call(t.app, 'backups:run')
    const existing = join(t.dir, 'Existing.fieldnote')
    writeFileSync(existing, 'keep me')
    for (const to of [t.libraryPath, existing]) {
      const sha = sha256(to)
      expect((await fail(t.app, 'backups:restore', { from: backup, to })).code).toBe('LIBRARY_EXISTS')
      expect(sha256(to)).toBe(sha)
      expect(existsSync(`${to}.partial`)).toBe(false)
    }
    expect((await fail(t.app, 'backups:restore', { from: backup, to: 'relative.fieldnote' })).code).toBe(
      'VALIDATION',
    )
    const restored = await call(t.app, 'backups:restore', { from: backup, to: join(t.dir, 'Bare') })
    expect(restored.path).toBe(join(t.dir, 'Bare.fieldnote'))
  })

  it('a damaged backup is refused and leaves no file', async () => {
    await seed()
    const { path: backup } = await call(t.app, 'backups:run')
    damage(backup, [3, 4])
    const to = join(t.dir, 'From damaged.fieldnote')
    const err = await fail(t.app, 'backups:restore', { from: backup, to })
    expect(err.code).toBe('LIBRARY_DAMAGED')
    expect(readdirSync(t.dir).filter((f) => f.startsWith('From damaged'))).toEqual([])
    expect((await call(t.app, 'backups:preview', { path: backup })).status).toBe('damaged')
  })
})
