import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_ENTRIES } from '../../src/main/library/folder-browser'
import { call, fail, setupApp, type TestApp } from './helpers'

let t: TestApp
let root: string

beforeEach(async () => {
  t = await setupApp()
  root = join(t.dir, 'browse')
  mkdirSync(join(root, 'b clients'), { recursive: true })
  mkdirSync(join(root, 'A archive'))
  mkdirSync(join(root, 'folder 10'))
  mkdirSync(join(root, 'folder 9'))
  mkdirSync(join(root, '.hidden'))
  writeFileSync(join(root, 'Research.fieldnote'), '')
  writeFileSync(join(root, 'OLD.FIELDNOTE'), '')
  writeFileSync(join(root, '.secret.fieldnote'), '')
  writeFileSync(join(root, 'notes.txt'), 'not listed')
  writeFileSync(join(root, 'Research.fieldnote-wal'), '')
  symlinkSync(join(root, 'A archive'), join(root, 'link to archive'))
  symlinkSync(join(root, 'gone'), join(root, 'dangling.fieldnote'))
})
afterEach(() => t.cleanup())

describe('library:browse, the browser-mode picker', () => {
  it('lists only sub-folders and .fieldnote files, folders first, in natural order', async () => {
    const listing = await call(t.app, 'library:browse', { dir: root })
    expect(listing).toMatchObject({ dir: root, parent: t.dir, separator: '/', truncated: false })
    expect(listing.entries).toEqual([
      { name: 'A archive', path: join(root, 'A archive'), kind: 'folder' },
      { name: 'b clients', path: join(root, 'b clients'), kind: 'folder' },
      { name: 'folder 9', path: join(root, 'folder 9'), kind: 'folder' },
      { name: 'folder 10', path: join(root, 'folder 10'), kind: 'folder' },
      { name: 'link to archive', path: join(root, 'link to archive'), kind: 'folder' },
      { name: 'OLD.FIELDNOTE', path: join(root, 'OLD.FIELDNOTE'), kind: 'library' },
      { name: 'Research.fieldnote', path: join(root, 'Research.fieldnote'), kind: 'library' },
    ])
  })

  it("starts in the open library's folder, and at / has no parent", async () => {
    expect((await call(t.app, 'library:browse', {})).dir).toBe(t.dir)
    expect((await call(t.app, 'library:browse', { dir: '/' })).parent).toBeNull()
  })

  it('says what is wrong with a folder it cannot list', async () => {
    expect(await fail(t.app, 'library:browse', { dir: 'relative/path' })).toMatchObject({
      code: 'VALIDATION',
      message: 'Use a full folder path (starting with / or a drive letter), not "relative/path".',
    })
    expect(await fail(t.app, 'library:browse', { dir: join(root, 'nope') })).toMatchObject({
      code: 'NOT_FOUND',
      message: `There is no folder at "${join(root, 'nope')}".`,
    })
    expect(await fail(t.app, 'library:browse', { dir: join(root, 'notes.txt') })).toMatchObject({
      code: 'VALIDATION',
      message: `"${join(root, 'notes.txt')}" is a file, not a folder.`,
    })
  })

  it(`shows at most ${MAX_ENTRIES} entries of a huge folder and says it did`, async () => {
    const big = join(t.dir, 'big')
    for (let i = 0; i <= MAX_ENTRIES; i++) mkdirSync(join(big, `d${i}`), { recursive: true })
    const listing = await call(t.app, 'library:browse', { dir: big })
    expect(listing.entries).toHaveLength(MAX_ENTRIES)
    expect(listing.truncated).toBe(true)
  })

  it('is refused in the desktop app, which has the system dialog', async () => {
    t.app.shell.chooseLibraryFile = () => Promise.resolve(null)
    expect((await fail(t.app, 'library:browse', { dir: root })).code).toBe('FORBIDDEN')
  })
})
