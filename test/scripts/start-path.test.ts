// `npm start` on a fresh machine, without the internet: a loopback server plays Electron's download mirror
// (ELECTRON_MIRROR, with its SHASUMS256.txt checked), Electron's own installer downloads and unpacks a stand-in
// Electron that records how it was started, and electron-vite builds the app and starts it. All of it happens in
// a temp copy of the project, so the repository's own node_modules/electron is never touched.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '../..')
const electronVersion = (
  JSON.parse(readFileSync(join(repo, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string
  }
).version
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`
const executableInZip = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron'
// Things in the repository the temp project must not share: what the start path writes, and our own copies.
const notLinked = new Set([
  'node_modules',
  'out',
  'package.json',
  'scripts',
  '.git',
  '.tools',
  'dist',
  'test-results',
  '.tmp',
])

const temps: string[] = []
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

/**
 * The project as a fresh clone after `npm install` would have it: the real sources and build config (linked),
 * its own package.json and start scripts, and a node_modules whose electron package is a copy with no binary.
 */
function freshProject(): string {
  const dir = tempDir('fieldnote-start-')
  for (const name of readdirSync(repo))
    if (!notLinked.has(name)) symlinkSync(join(repo, name), join(dir, name))
  cpSync(join(repo, 'package.json'), join(dir, 'package.json'))
  mkdirSync(join(dir, 'scripts'))
  for (const f of ['start.mjs', 'electron-runtime.mjs'])
    cpSync(join(repo, 'scripts', f), join(dir, 'scripts', f))
  const modules = join(dir, 'node_modules')
  mkdirSync(modules)
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (name === 'electron') continue
    symlinkSync(join(repo, 'node_modules', name), join(modules, name))
  }
  cpSync(join(repo, 'node_modules/electron'), join(modules, 'electron'), {
    recursive: true,
    filter: (src) => !/[\\/](dist|path\.txt)$/.test(src),
  })
  return dir
}

/** A stand-in Electron that writes its working folder and arguments, one per line, to $STANDIN_LOG. */
const standInScript = '#!/bin/sh\n{ pwd; for a in "$@"; do printf \'%s\\n\' "$a"; done; } > "$STANDIN_LOG"\n'

function standInZip(): Buffer {
  const exec = { os: 3, attrs: (0o100755 << 16) >>> 0 } // unix, regular file, rwxr-xr-x
  return Buffer.from(
    zipSync({
      [executableInZip]: [new TextEncoder().encode(standInScript), exec],
      version: new TextEncoder().encode(electronVersion),
      // Stored, not deflated: 2 MB on the wire, so the download takes long enough to report progress.
      'resources.pak': [new Uint8Array(2_000_000).fill(7), { level: 0 }],
    }),
  )
}

interface Mirror {
  url: string
  requests: string[]
  server: Server
}

/** A loopback mirror laid out like Electron's releases: v<version>/<zip> and v<version>/SHASUMS256.txt. */
async function startMirror(mode: 'serve' | 'refuse'): Promise<Mirror> {
  const zip = standInZip()
  const shasums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`
  const requests: string[] = []
  const server = createServer((req, res) => {
    requests.push(req.url ?? '')
    if (mode === 'serve' && req.url === `/v${electronVersion}/${zipName}`) {
      // Half now, half later: a slow network, during which the start script must show how far it got.
      res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': zip.length })
      res.write(zip.subarray(0, zip.length / 2))
      setTimeout(() => res.end(zip.subarray(zip.length / 2)), 1200)
    } else if (mode === 'serve' && req.url === `/v${electronVersion}/SHASUMS256.txt`) {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(shasums)
    } else {
      res.writeHead(404).end('Not Found')
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as { port: number }).port
  return { url: `http://127.0.0.1:${port}/`, requests, server }
}

const mirrors: Server[] = []
afterEach(() => {
  for (const s of mirrors.splice(0)) s.close()
})
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})

interface Run {
  code: number | null
  output: string
}

/** `npm <args>` in the project as a user would type it, with Electron's download settings in the environment. */
function npm(project: string, args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const base: Record<string, string | undefined> = { ...process.env }
  // What vitest sets is not what a user's shell has; and no Electron of this machine may stand in.
  for (const k of Object.keys(base)) if (/^(VITEST|NODE_ENV$|ELECTRON_)/.test(k)) delete base[k]
  return new Promise((done) => {
    const child = spawn('npm', args, {
      cwd: project,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('close', (code) => done({ code, output }))
  })
}

function downloadEnv(project: string, mirrorUrl: string, log: string): Record<string, string> {
  return {
    ELECTRON_MIRROR: mirrorUrl,
    electron_use_remote_checksums: '1',
    electron_config_cache: join(project, '.electron-cache'),
    STANDIN_LOG: log,
  }
}

/** What the stand-in recorded: the folder it ran in and its arguments. */
function startedWith(log: string): { cwd: string; args: string[] } {
  const [cwd = '', ...args] = readFileSync(log, 'utf8').trimEnd().split('\n')
  return { cwd, args }
}

/** The main entry the app folder Electron was given points at (package.json "main"), as Electron resolves it. */
function mainEntryOf(appFolder: string): string {
  const main = (JSON.parse(readFileSync(join(appFolder, 'package.json'), 'utf8')) as { main: string }).main
  return resolve(appFolder, main)
}

const realElectronBefore = readdirSync(join(repo, 'node_modules/electron')).sort()

describe('npm start on a fresh clone', () => {
  let project: string
  let electronDir: string
  beforeAll(() => {
    project = freshProject()
    electronDir = join(project, 'node_modules/electron')
  })

  it('downloads Electron through its installer from the mirror, unpacks it, writes path.txt and starts it on the built main entry', async () => {
    const mirror = await startMirror('serve')
    mirrors.push(mirror.server)
    const log = join(project, 'started-1.txt')
    const run = await npm(project, ['start'], downloadEnv(project, mirror.url, log))
    expect(run.code, run.output).toBe(0)

    // Electron's installer fetched the zip and verified it against the mirror's checksums.
    expect(mirror.requests).toContain(`/v${electronVersion}/${zipName}`)
    expect(mirror.requests).toContain(`/v${electronVersion}/SHASUMS256.txt`)
    expect(run.output).toContain(
      `Electron ${electronVersion} (${process.platform}-${process.arch}) is not installed yet`,
    )
    expect(run.output).toMatch(/^ {2}1\.0 MB downloaded$/m)
    expect(run.output).toMatch(new RegExp(`Electron ${electronVersion.replaceAll('.', '\\.')} installed in`))

    expect(readFileSync(join(electronDir, 'path.txt'), 'utf8')).toBe(executableInZip)
    expect(statSync(join(electronDir, 'dist', executableInZip)).mode & 0o111).not.toBe(0)

    // electron-vite built the app and started the installed executable on it.
    const started = startedWith(log)
    expect(realpathSync(started.cwd)).toBe(realpathSync(project))
    expect(started.args[0]).toBe('.')
    const entry = mainEntryOf(resolve(started.cwd, started.args[0]!))
    expect(entry).toBe(join(realpathSync(project), 'out/main/index.js'))
    expect(readFileSync(entry, 'utf8')).toContain('requestSingleInstanceLock')
  })

  it('starts again with the mirror gone: the download happened once', async () => {
    const gone = await startMirror('refuse')
    gone.server.close()
    const log = join(project, 'started-2.txt')
    const run = await npm(project, ['start'], downloadEnv(project, gone.url, log))
    expect(run.code, run.output).toBe(0)
    expect(run.output).not.toContain('not installed yet')
    expect(startedWith(log).args[0]).toBe('.')
  })
})

describe('npm start when Electron cannot be downloaded', () => {
  let project: string
  beforeAll(() => {
    project = freshProject()
  })

  function expectOneClearMessage(run: Run, reason: RegExp): void {
    expect(run.code).not.toBe(0)
    expect(run.output).toMatch(reason)
    expect(run.output).toContain(`Fieldnote cannot start: Electron ${electronVersion}`)
    expect(run.output).toContain('The first start needs the internet once')
    expect(run.output).toContain('ELECTRON_MIRROR=')
    expect(run.output).toContain('ELECTRON_OVERRIDE_DIST_PATH=')
    // No stack trace, neither ours nor the installer's nor electron-vite's.
    expect(run.output).not.toMatch(/^\s+at /m)
    expect(run.output).not.toContain('Electron uninstall')
    // Nothing half-installed, and nothing built or started.
    expect(existsSync(join(project, 'node_modules/electron/path.txt'))).toBe(false)
    expect(existsSync(join(project, 'out'))).toBe(false)
  }

  it('says what failed and what to do when the mirror refuses the download (404)', async () => {
    const mirror = await startMirror('refuse')
    mirrors.push(mirror.server)
    const log = join(project, 'started.txt')
    const run = await npm(project, ['start'], downloadEnv(project, mirror.url, log))
    expectOneClearMessage(run, /failed: Response code 404 \(Not Found\) for http:\/\/127\.0\.0\.1:\d+\/v/)
    expect(existsSync(log)).toBe(false)
  })

  it('says so when there is no connection at all', async () => {
    const gone = await startMirror('refuse')
    gone.server.close()
    const run = await npm(project, ['start'], downloadEnv(project, gone.url, join(project, 'started.txt')))
    expectOneClearMessage(run, new RegExp(`failed: could not connect to ${new URL(gone.url).host}`))
  })

  it('uses an Electron already unpacked elsewhere (ELECTRON_OVERRIDE_DIST_PATH) without downloading, for start and dev', async () => {
    const gone = await startMirror('refuse')
    gone.server.close()
    const dist = tempDir('fieldnote-electron-dist-')
    mkdirSync(join(dist, executableInZip, '..'), { recursive: true })
    writeFileSync(join(dist, executableInZip), standInScript, { mode: 0o755 })
    for (const script of [['start'], ['run', 'dev']]) {
      const log = join(project, `started-override-${script.at(-1)}.txt`)
      const run = await npm(project, script, {
        ...downloadEnv(project, gone.url, log),
        ELECTRON_OVERRIDE_DIST_PATH: dist,
      })
      expect(run.code, run.output).toBe(0)
      expect(run.output).not.toContain('not installed yet')
      expect(startedWith(log).args[0]).toBe('.')
    }
    rmSync(join(project, 'out'), { recursive: true, force: true })
  })
})

describe('the repository itself', () => {
  it('keeps its own node_modules/electron untouched by these tests', () => {
    expect(readdirSync(join(repo, 'node_modules/electron')).sort()).toEqual(realElectronBefore)
  })
})
