import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FIELDNOTE_APPLICATION_ID, openLibrary } from '../../src/main/db/open-library'
import { DEFAULT_LIBRARY_NAME } from '../../src/main/library/library-manager'
import type { AppContext } from '../../src/main/ipc/app-context'
import {
  call,
  fail,
  fingerprint,
  makeApp,
  makeTempDir,
  MIGRATIONS,
  removeTempDir,
  rowCounts,
  TestClock,
} from './helpers'

let dir: string
let clock: TestClock
const apps: AppContext[] = []
const undoReadOnly: (() => void)[] = []

function newApp(dataDir = join(dir, 'data')): AppContext {
  const app = makeApp(dataDir, clock)
  apps.push(app)
  return app
}

/**
 * Makes a file or folder unwritable for this process. We run as root, which ignores permission bits, so
 * as root the immutable attribute is used (access(W_OK) then fails with EPERM even for root).
 */
function makeReadOnly(path: string, isDir: boolean): void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', path])
    undoReadOnly.push(() => execFileSync('chattr', ['-i', path]))
  } else {
    chmodSync(path, isDir ? 0o555 : 0o444)
    undoReadOnly.push(() => chmodSync(path, isDir ? 0o755 : 0o644))
  }
}

/** A real library with a few rows, closed so its WAL is checkpointed into the main file. */
async function makeLibrary(path: string): Promise<void> {
  const app = newApp(join(dir, `maker-${apps.length}`))
  await call(app, 'library:create', { path })
  for (let i = 0; i < 30; i++)
    await call(app, 'studies:create', {
      name: `Study ${i} ${'x'.repeat(150)}`,
      method: 'exit',
      targetInterviews: 10,
      goal: 'g'.repeat(2000),
    })
  await call(app, 'companies:create', { name: 'Acme', segment: 'A', mrrMinor: 1000 })
  app.libraries.close()
  expect(existsSync(`${path}-wal`)).toBe(false)
}

function pageOf(path: string, table: string): { pageSize: number; root: number } {
  // Read-write on purpose: closing the last read-write connection removes the -wal and -shm files, where a
  // read-only connection would leave them behind.
  const db = new Database(path, { fileMustExist: true })
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const root = (
      db.prepare('select rootpage from sqlite_master where name = ?').get(table) as { rootpage: number }
    ).rootpage
    return { pageSize, root }
  } finally {
    db.close()
  }
}

beforeEach(() => {
  dir = makeTempDir()
  clock = new TestClock()
})

afterEach(() => {
  while (undoReadOnly.length) undoReadOnly.pop()?.()
  for (const a of apps.splice(0)) a.libraries.close()
  removeTempDir(dir)
})

describe('creating a library', () => {
  it('sets the Fieldnote application id, WAL, synchronous=FULL and foreign keys on', async () => {
    const path = join(dir, 'New.fieldnote')
    const lib = await openLibrary(path, { migrationsFolder: MIGRATIONS, create: true })
    try {
      expect(lib.sqlite.pragma('application_id', { simple: true })).toBe(0x464e4f54)
      expect(FIELDNOTE_APPLICATION_ID).toBe(0x464e4f54)
      expect(lib.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(lib.sqlite.pragma('synchronous', { simple: true })).toBe(2)
      expect(lib.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(lib.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
      expect(lib.backupPath).toBeNull()
      expect(rowCounts(lib.sqlite)).toEqual({
        studies: 0,
        companies: 0,
        participants: 0,
        scripts: 0,
        interviews: 0,
        interview_notes: 0,
      })
      const migrations = lib.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as {
        n: number
      }
      const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[]
      }
      expect(migrations.n).toBe(journal.entries.length)
    } finally {
      lib.close()
    }
    // The id is in the file header, big-endian at offset 68: "FNOT".
    expect(readFileSync(path).toString('latin1', 68, 72)).toBe('FNOT')
  })

  it('library:create adds the .fieldnote extension and opens the new library', async () => {
    const app = newApp()
    const info = await call(app, 'library:create', { path: join(dir, 'Client X') })
    expect(info).toEqual({ path: join(dir, 'Client X.fieldnote'), name: 'Client X', backupPath: null })
    expect(existsSync(join(dir, 'Client X.fieldnote'))).toBe(true)
    expect(await call(app, 'library:current')).toEqual(info)
  })

  it('library:create on an existing path is refused with LIBRARY_EXISTS and leaves the file untouched', async () => {
    const path = join(dir, 'Existing.fieldnote')
    await makeLibrary(path)
    const before = fingerprint(path)
    const app = newApp()
    const err = await fail(app, 'library:create', { path })
    expect(err.code).toBe('LIBRARY_EXISTS')
    expect(fingerprint(path)).toEqual(before)
    expect(await call(app, 'library:current')).toBeNull()
  })

  it('library:create in a read-only folder is refused with LIBRARY_READ_ONLY and creates nothing', async () => {
    const ro = join(dir, 'locked')
    mkdirSync(ro)
    makeReadOnly(ro, true)
    const err = await fail(newApp(), 'library:create', { path: join(ro, 'New.fieldnote') })
    expect(err.code).toBe('LIBRARY_READ_ONLY')
    expect(existsSync(join(ro, 'New.fieldnote'))).toBe(false)
  })

  it('library:create under a path that runs through a file fails with a clear error, not INTERNAL', async () => {
    const file = join(dir, 'a-file.txt')
    writeFileSync(file, 'hello')
    const err = await fail(newApp(), 'library:create', { path: join(file, 'sub', 'New.fieldnote') })
    expect(err.code).toBe('LIBRARY_READ_ONLY')
    expect(err.message).toContain(join(file, 'sub'))
    expect(readFileSync(file, 'utf8')).toBe('hello')
  })
})

describe('opening refuses files that are not a healthy Fieldnote library, leaving them untouched', () => {
  async function expectRefused(path: string, code: string): Promise<void> {
    const app = newApp()
    const good = await call(app, 'library:create', { path: join(dir, 'Good.fieldnote') })
    const before = fingerprint(path)
    expect(before.wal || before.shm || before.journal).toBe(false)
    const err = await fail(app, 'library:open', { path })
    expect(err.code).toBe(code)
    expect(err.message).toContain(path)
    expect(fingerprint(path)).toEqual(before)
    // The library that was open stays open.
    expect(await call(app, 'library:current')).toEqual(good)
    expect((await call(app, 'library:recent')).map((r) => r.path)).not.toContain(path)
  }

  it('a zero-byte file → LIBRARY_EMPTY_FILE', async () => {
    const path = join(dir, 'empty.fieldnote')
    writeFileSync(path, '')
    await expectRefused(path, 'LIBRARY_EMPTY_FILE')
  })

  it('a text file → LIBRARY_NOT_SQLITE', async () => {
    const path = join(dir, 'notes.fieldnote')
    writeFileSync(path, 'Interview notes\n'.repeat(40))
    await expectRefused(path, 'LIBRARY_NOT_SQLITE')
  })

  it('a short text file (under one header) → LIBRARY_NOT_SQLITE', async () => {
    const path = join(dir, 'tiny.fieldnote')
    writeFileSync(path, 'hi')
    await expectRefused(path, 'LIBRARY_NOT_SQLITE')
  })

  it("another program's SQLite file (application_id 0) → LIBRARY_FOREIGN", async () => {
    const path = join(dir, 'other.sqlite')
    const db = new Database(path)
    db.exec("create table t(a); insert into t values ('theirs')")
    expect(db.pragma('application_id', { simple: true })).toBe(0)
    db.close()
    await expectRefused(path, 'LIBRARY_FOREIGN')
  })

  it('a Fieldnote library with a corrupted b-tree page → LIBRARY_DAMAGED', async () => {
    const path = join(dir, 'Damaged.fieldnote')
    await makeLibrary(path)
    const { pageSize, root } = pageOf(path, 'studies')
    expect(root).toBeGreaterThan(1)
    // Overwrite the b-tree page header (type byte, freeblock, cell count, content start) with garbage.
    const fd = openSync(path, 'r+')
    try {
      const header = Buffer.alloc(1)
      readSync(fd, header, 0, 1, (root - 1) * pageSize)
      expect([0x05, 0x0d]).toContain(header[0]) // a table b-tree page before we touch it
      writeSync(
        fd,
        Buffer.from([0x77, 0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x13]),
        0,
        8,
        (root - 1) * pageSize,
      )
    } finally {
      closeSync(fd)
    }
    await expectRefused(path, 'LIBRARY_DAMAGED')
  })

  it('a library written by a newer Fieldnote → LIBRARY_NEWER_VERSION', async () => {
    const path = join(dir, 'Future.fieldnote')
    await makeLibrary(path)
    const db = new Database(path)
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(
      'from-the-future',
      4102444800000,
    )
    db.close()
    await expectRefused(path, 'LIBRARY_NEWER_VERSION')
  })

  it('a read-only library file → LIBRARY_READ_ONLY', async () => {
    const path = join(dir, 'Locked.fieldnote')
    await makeLibrary(path)
    makeReadOnly(path, false)
    await expectRefused(path, 'LIBRARY_READ_ONLY')
  })

  it('a library in a read-only folder → LIBRARY_READ_ONLY (SQLite could not create its WAL there)', async () => {
    const sub = join(dir, 'ro-folder')
    mkdirSync(sub)
    const path = join(sub, 'Lib.fieldnote')
    await makeLibrary(path)
    makeReadOnly(sub, true)
    await expectRefused(path, 'LIBRARY_READ_ONLY')
  })

  it('a missing path → LIBRARY_NOT_FOUND, and nothing is created', async () => {
    const path = join(dir, 'nope.fieldnote')
    const err = await fail(newApp(), 'library:open', { path })
    expect(err.code).toBe('LIBRARY_NOT_FOUND')
    expect(existsSync(path)).toBe(false)
  })

  it('a relative path → VALIDATION for open and create', async () => {
    const app = newApp()
    expect((await fail(app, 'library:open', { path: 'relative/lib.fieldnote' })).code).toBe('VALIDATION')
    expect((await fail(app, 'library:create', { path: 'lib.fieldnote' })).code).toBe('VALIDATION')
    expect(existsSync(join(process.cwd(), 'lib.fieldnote'))).toBe(false)
  })

  it('a healthy library opens again with its data', async () => {
    const path = join(dir, 'Healthy.fieldnote')
    await makeLibrary(path)
    const app = newApp()
    const info = await call(app, 'library:open', { path })
    expect(info).toEqual({ path, name: 'Healthy', backupPath: null })
    expect(rowCounts(app.libraries.context().sqlite)).toMatchObject({ studies: 30, companies: 1 })
  })
})

describe('LibraryManager settings and startup', () => {
  it('keeps the recent list and last library across instances', async () => {
    const a = join(dir, 'A.fieldnote')
    const b = join(dir, 'B.fieldnote')
    const first = newApp()
    await call(first, 'library:create', { path: a })
    await call(first, 'library:create', { path: b })
    await call(first, 'library:open', { path: a })
    expect(await call(first, 'library:recent')).toEqual([
      { path: a, exists: true },
      { path: b, exists: true },
    ])
    first.libraries.close()

    const second = newApp()
    expect(await call(second, 'library:current')).toBeNull()
    expect(await call(second, 'library:recent')).toEqual([
      { path: a, exists: true },
      { path: b, exists: true },
    ])
    const opened = await second.libraries.openAtStartup()
    expect(opened?.path).toBe(a)
    expect((await call(second, 'library:current'))?.path).toBe(a)
    second.libraries.close()

    rmSync(b)
    const third = newApp()
    expect(await call(third, 'library:recent')).toEqual([
      { path: a, exists: true },
      { path: b, exists: false },
    ])
  })

  it('openAtStartup creates the default library the first time', async () => {
    const dataDir = join(dir, 'fresh-data')
    const app = newApp(dataDir)
    const info = await app.libraries.openAtStartup()
    const expected = join(dataDir, DEFAULT_LIBRARY_NAME)
    expect(info).toEqual({ path: expected, name: 'Fieldnote Library', backupPath: null })
    expect(existsSync(expected)).toBe(true)
    const appInfo = await call(app, 'app:info')
    expect(appInfo).toEqual({
      version: 'test',
      shell: 'web',
      canChooseFiles: false,
      defaultLibraryPath: expected,
      startupError: null,
    })
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toEqual({
      recentLibraries: [expected],
      lastLibrary: expected,
      cleanCloses: {},
      backups: {},
    })
  })

  it('openAtStartup falls back to the default library when the last one was deleted', async () => {
    const dataDir = join(dir, 'data2')
    const gone = join(dir, 'Gone.fieldnote')
    const first = newApp(dataDir)
    await call(first, 'library:create', { path: gone })
    first.libraries.close()
    rmSync(gone)
    const second = newApp(dataDir)
    expect((await second.libraries.openAtStartup())?.path).toBe(join(dataDir, DEFAULT_LIBRARY_NAME))
    expect(second.libraries.startupError).toBeNull()
  })

  it('records a damaged last library as startupError instead of throwing, and creates nothing in its place', async () => {
    const dataDir = join(dir, 'data3')
    const path = join(dir, 'Last.fieldnote')
    const first = newApp(dataDir)
    await call(first, 'library:create', { path })
    first.libraries.close()
    writeFileSync(path, 'this used to be a library')
    const before = fingerprint(path)

    const second = newApp(dataDir)
    await expect(second.libraries.openAtStartup()).resolves.toBeNull()
    expect(second.libraries.startupError?.code).toBe('LIBRARY_NOT_SQLITE')
    expect(await call(second, 'library:current')).toBeNull()
    expect((await call(second, 'app:info')).startupError?.code).toBe('LIBRARY_NOT_SQLITE')
    expect((await fail(second, 'studies:list', {})).code).toBe('NO_LIBRARY')
    expect(existsSync(join(dataDir, DEFAULT_LIBRARY_NAME))).toBe(false)
    expect(fingerprint(path)).toEqual(before)

    // Opening another library clears the startup error.
    await call(second, 'library:create', { path: join(dir, 'Other.fieldnote') })
    expect((await call(second, 'app:info')).startupError).toBeNull()
  })

  it('records LIBRARY_DAMAGED for a corrupted last library', async () => {
    const dataDir = join(dir, 'data4')
    const path = join(dir, 'Corrupt.fieldnote')
    const first = newApp(dataDir)
    await call(first, 'library:create', { path })
    for (let i = 0; i < 20; i++)
      await call(first, 'studies:create', {
        name: `S${i}`,
        goal: 'g'.repeat(3000),
        method: 'journey',
        targetInterviews: 5,
      })
    first.libraries.close()
    const { pageSize, root } = pageOf(path, 'studies')
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(16, 0xee), 0, 16, (root - 1) * pageSize)
    closeSync(fd)

    const second = newApp(dataDir)
    expect(await second.libraries.openAtStartup()).toBeNull()
    expect(second.libraries.startupError?.code).toBe('LIBRARY_DAMAGED')
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false)
  })
})
