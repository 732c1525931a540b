import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_LIBRARY_NAME } from '../../src/main/library/library-manager'
import type { AppContext } from '../../src/main/ipc/app-context'
import { call, fail, makeApp, makeTempDir, removeTempDir, setupApp, sqliteOf, TestClock } from './helpers'

let dir: string
const apps: AppContext[] = []

function newApp(dataDir = join(dir, 'data')): AppContext {
  const app = makeApp(dataDir, new TestClock())
  apps.push(app)
  return app
}

beforeEach(() => {
  dir = makeTempDir()
})

afterEach(() => {
  for (const app of apps.splice(0)) app.libraries.close()
  removeTempDir(dir)
})

describe('a path that is not a library file says what is wrong with it, once', () => {
  it('opening a folder names the folder and says it is one (not an internal error), and touches nothing', async () => {
    const folder = join(dir, 'Research')
    mkdirSync(folder)
    writeFileSync(join(folder, 'notes.txt'), 'kept')
    const err = await fail(newApp(), 'library:open', { path: folder })
    expect(err).toMatchObject({ code: 'LIBRARY_IS_FOLDER', params: { path: folder } })
    expect(err.message).toBe(
      `"${folder}" is a folder, not a Fieldnote library. Choose a .fieldnote file inside it.`,
    )
    expect(readdirSync(folder)).toEqual(['notes.txt'])
    expect(readdirSync(dir)).toEqual(['Research'])
  })

  it('creating at a folder path refuses instead of writing "<folder>.fieldnote" beside it', async () => {
    const folder = join(dir, 'Clients')
    mkdirSync(folder)
    const err = await fail(newApp(), 'library:create', { path: folder })
    expect(err).toMatchObject({ code: 'LIBRARY_IS_FOLDER', params: { path: folder } })
    expect(err.message).toContain(join(folder, DEFAULT_LIBRARY_NAME))
    expect(existsSync(`${folder}.fieldnote`)).toBe(false)
    expect(readdirSync(folder)).toEqual([])
  })

  it('creating "X" where X.fieldnote is a folder refuses with the folder named', async () => {
    mkdirSync(join(dir, 'Odd.fieldnote'))
    const err = await fail(newApp(), 'library:create', { path: join(dir, 'Odd') })
    expect(err).toMatchObject({ code: 'LIBRARY_IS_FOLDER', params: { path: join(dir, 'Odd.fieldnote') } })
  })

  // Root reads every file whatever its mode bits, so this can only be checked as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('an unreadable file says so and names it', async () => {
    const path = join(dir, 'Locked.fieldnote')
    writeFileSync(path, 'x')
    chmodSync(path, 0o200)
    const err = await fail(newApp(), 'library:open', { path })
    expect(err).toMatchObject({ code: 'LIBRARY_UNREADABLE', params: { path } })
  })

  it('a library asked for at startup that is missing is explained on app:info and never created', async () => {
    const missing = join(dir, 'Typo.fieldnote')
    const app = newApp()
    expect(await app.libraries.openAtStartup(missing)).toBeNull()
    expect((await call(app, 'app:info')).startupError).toEqual({
      code: 'LIBRARY_NOT_FOUND',
      message: `No library at "${missing}".`,
      params: { path: missing },
    })
    expect(existsSync(missing)).toBe(false)
    // The default library is not opened or created in its place: the user asked for a particular file.
    expect(existsSync(join(dir, 'data', DEFAULT_LIBRARY_NAME))).toBe(false)
    expect(await call(app, 'library:current')).toBeNull()
  })

  it('a folder asked for at startup is explained as a folder', async () => {
    const app = newApp()
    expect(await app.libraries.openAtStartup(dir)).toBeNull()
    expect((await call(app, 'app:info')).startupError).toMatchObject({
      code: 'LIBRARY_IS_FOLDER',
      params: { path: dir },
    })
  })

  it('a library asked for at startup that exists is opened', async () => {
    const path = join(dir, 'Real.fieldnote')
    const maker = newApp(join(dir, 'maker'))
    await call(maker, 'library:create', { path })
    maker.libraries.close()
    const app = newApp()
    expect((await app.libraries.openAtStartup(path))?.path).toBe(path)
    expect(app.libraries.startupError).toBeNull()
  })

  it('an unexpected failure does not repeat the screen\'s "Something went wrong:" title', async () => {
    const t = await setupApp()
    try {
      sqliteOf(t.app).exec(
        "create temp trigger boom before insert on studies begin select raise(abort, 'disk trouble'); end",
      )
      const err = await fail(t.app, 'studies:create', { name: 'S', method: 'exit', targetInterviews: 5 })
      expect(err).toEqual({
        code: 'INTERNAL',
        message: 'Fieldnote hit an unexpected error and stopped; nothing was changed.',
      })
    } finally {
      t.cleanup()
    }
  })
})
