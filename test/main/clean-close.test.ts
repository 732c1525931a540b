import Database from 'better-sqlite3'
import { openSync, readSync, closeSync, statSync, utimesSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryManager } from '../../src/main/library/library-manager'
import { MIGRATIONS, makeTempDir, removeTempDir } from './helpers'

let dir: string
beforeEach(() => {
  dir = makeTempDir()
})
afterEach(() => removeTempDir(dir))

/** Overwrites the middle of the first table's b-tree page, which quick_check reports and a schema read does not. */
function corruptTablePage(path: string): void {
  const db = new Database(path, { readonly: true })
  const { rootpage } = db.prepare("select rootpage from sqlite_master where name = 'studies'").get() as {
    rootpage: number
  }
  const pageSize = db.pragma('page_size', { simple: true }) as number
  db.close()
  const fd = openSync(path, 'r+')
  const at = (rootpage - 1) * pageSize + 8
  const buf = Buffer.alloc(4)
  readSync(fd, buf, 0, 4, at)
  writeSync(fd, Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4, at)
  closeSync(fd)
}

describe('the integrity scan on open', () => {
  it('is skipped only for a file exactly as Fieldnote cleanly closed it; any outside change brings it back', async () => {
    const path = join(dir, 'Lib.fieldnote')
    const manager = new LibraryManager({ dataDir: join(dir, 'data'), migrationsFolder: MIGRATIONS })
    await manager.create(path)
    manager
      .context()
      .sqlite.prepare("insert into studies (id, name, method) values ('s1', 'A study', 'exit')")
      .run()
    manager.close()
    // Reopening the untouched file works (and skips the scan).
    await manager.open(path)
    manager.close()

    // The same damage, made by something else, changes the file's mtime: the scan runs and refuses it.
    const before = statSync(path)
    corruptTablePage(path)
    utimesSync(path, before.atime, new Date(before.mtimeMs + 5000))
    await expect(manager.open(path)).rejects.toMatchObject({ code: 'LIBRARY_DAMAGED' })
  })
})
