// The installers' configuration (electron-builder.yml), checked offline: electron-builder validates it, and a
// real `electron-builder --dir` packs the app around a stand-in Electron (no download), so what goes into
// app.asar, what sits beside it and which fuses end up set are read back from the result.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '../..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// A fuse's state is one byte of the wire: ASCII '1' on, '0' off.
const ENABLED = 0x31
const DISABLED = 0x30

const wanted = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts (and its check does refuse a wrong one)', async () => {
    const config = await getConfig(repo, null, null)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // A misspelt fuse would otherwise leave that fuse at Electron's default without a word.
    const broken = await getConfig(repo, null, { electronFuses: { runAsNod: false } } as never)
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration.electronFuses/,
    )
  })

  it('builds AppImage and deb, dmg, nsis for Fieldnote with the .fieldnote association', async () => {
    const config = await getConfig(repo, null, null)
    expect(config.productName).toBe('Fieldnote')
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toBe('dmg')
    expect(config.win?.target).toBe('nsis')
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'fieldnote', name: 'Fieldnote library' }),
    ])
    expect(existsSync(join(repo, String(config.icon)))).toBe(true)
  })
})

describe('the packaged app (electron-builder --dir around a stand-in Electron)', () => {
  let work: string
  let appDir: string
  let files: string[]

  beforeAll(() => {
    // `npm test` builds out/ before any test runs; run alone, this test builds it itself.
    if (!existsSync(join(repo, 'out/main/index.js'))) {
      const build = spawnSync(
        process.execPath,
        [join(repo, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
        {
          cwd: repo,
          encoding: 'utf8',
        },
      )
      expect(build.status, build.stderr).toBe(0)
    }
    work = mkdtempSync(join(tmpdir(), 'fieldnote-pack-'))
    // What electron-builder copies as Electron: an executable carrying a fuse wire with Electron's defaults
    // (version 1, 8 fuses), so flipping the fuses is done and checked for real.
    const electronDist = join(work, 'electron')
    mkdirSync(electronDist)
    writeFileSync(join(electronDist, 'electron'), `#!/bin/sh\n# ${SENTINEL}\x01\x0810110001\n`, {
      mode: 0o755,
    })
    writeFileSync(join(electronDist, 'version'), '45.4.1')
    writeFileSync(join(electronDist, 'LICENSE'), 'MIT')
    const out = join(work, 'dist')
    const pack = spawnSync(
      process.execPath,
      [
        join(repo, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${out}`,
      ],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
    )
    expect(pack.status, pack.stdout + pack.stderr).toBe(0)
    appDir = join(out, process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`)
    files = listPackage(join(appDir, 'resources/app.asar'), { isPack: false }).map((f) =>
      f.replaceAll('\\', '/'),
    )
  }, 120_000)
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('holds the built app (out/) and resources/, and no tests, sources or source maps', () => {
    for (const f of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/resources/icon.png',
    ]) {
      expect(files).toContain(f)
    }
    const own = files.filter((f) => !f.startsWith('/node_modules/'))
    expect(own.filter((f) => /^\/(src|test|bench|scripts|docs|\.ci|\.tools)(\/|$)/.test(f))).toEqual([])
    expect(files.filter((f) => /\.(ts|tsx|map)$/.test(f))).toEqual([])
    expect(
      own.filter(
        (f) =>
          /^\/[^/]+$/.test(f) &&
          f !== '/package.json' &&
          !['/out', '/resources', '/node_modules'].includes(f),
      ),
    ).toEqual([])
  })

  it('brings the production dependencies, and better-sqlite3 unpacked where Electron can load it', () => {
    for (const dep of [
      'better-sqlite3',
      'drizzle-orm',
      'mammoth',
      'jszip',
      'fast-xml-parser',
      'strnum',
      'zod',
    ]) {
      expect(files).toContain(`/node_modules/${dep}/package.json`)
    }
    expect(
      files.some((f) => f.startsWith('/node_modules/electron/') || f.startsWith('/node_modules/vitest/')),
    ).toBe(false)
    expect(
      existsSync(
        join(
          appDir,
          'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds',
          `linux-${process.arch}.node`,
        ),
      ),
    ).toBe(true)
  })

  it('puts the migrations beside app.asar, where the main process looks first', () => {
    const journal = join(appDir, 'resources/drizzle/meta/_journal.json')
    expect(readFileSync(journal, 'utf8')).toBe(
      readFileSync(join(repo, 'resources/drizzle/meta/_journal.json'), 'utf8'),
    )
    expect(files.some((f) => f.startsWith('/resources/drizzle'))).toBe(false)
  })

  it('sets the fuses in the executable, which carries the app name', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'fieldnote'))
    for (const [fuse, on] of Object.entries(wanted)) {
      expect({ fuse: FuseV1Options[Number(fuse)], state: wire[Number(fuse) as FuseV1Options] }).toEqual({
        fuse: FuseV1Options[Number(fuse)],
        state: on ? ENABLED : DISABLED,
      })
    }
  })
})
