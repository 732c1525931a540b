import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, startApp, watchConsole, type RunningApp } from './harness'

const ROOT = join(import.meta.dirname, '..', '..')
const LIBRARY = 'Fieldnote Library.fieldnote'

interface Wrapper {
  child: ChildProcess
  url: string
  port: number
  out: () => string
  err: () => string
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** `npm run web -- --no-build …` as a user runs it: the wrapper script, which starts the server. */
function startWrapper(dataDir: string, args: string[] = []): Promise<Wrapper> {
  // Its own process group, so a test can send Ctrl+C to the whole group as a terminal does.
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'web.mjs'), '--no-build', '--data-dir', dataDir, '--port', '0', ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  )
  let out = ''
  let err = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line: ${err}`)), 30_000)
    timer.unref()
    child.stdout?.on('data', () => {
      const m = /FIELDNOTE_READY (.+)/.exec(out)
      if (!m?.[1]) return
      clearTimeout(timer)
      const ready = JSON.parse(m[1]) as { url: string; port: number }
      resolve({ child, ...ready, out: () => out, err: () => err, exit })
    })
    void exit.then(({ code }) => reject(new Error(`exited with ${code}: ${err}`)))
  })
}

async function invokeStatus(port: number, token: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldnote-token': token },
    body: JSON.stringify({ channel: 'library:current' }),
  })
  return res.status
}

const dirs: string[] = []
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fieldnote-life-'))
  dirs.push(d)
  return d
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe('npm run web: Ctrl+C stops it cleanly', () => {
  it.each([
    ['the wrapper alone (as `kill -INT`)', false],
    ['the whole process group (as a terminal Ctrl+C: two signals reach the server)', true],
  ])('SIGINT to %s: exit 0, library closed with its WAL folded in, stopped once', async (_, group) => {
    const dataDir = tempDir()
    const w = await startWrapper(dataDir)
    const token = new URL(w.url).searchParams.get('token') ?? ''
    expect(await invokeStatus(w.port, token)).toBe(200)
    const library = join(dataDir, LIBRARY)
    expect(existsSync(`${library}-wal`)).toBe(true)
    if (group) process.kill(-w.child.pid!, 'SIGINT')
    else w.child.kill('SIGINT')
    expect(await w.exit).toEqual({ code: 0, signal: null })
    expect(w.out().match(/Fieldnote stopped \(SIGINT\)/g)).toHaveLength(1)
    expect(w.err()).toBe('')
    expect(existsSync(`${library}-wal`)).toBe(false)
    const settings = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as {
      cleanCloses: Record<string, unknown>
    }
    expect(Object.keys(settings.cleanCloses)).toEqual([library])
    // The token appears in the URL line and the ready line's URL, nowhere else.
    expect(w.out().split(token).length - 1).toBe(2)
  })
})

describe('a restart on the same --port keeps an open tab working', () => {
  let browser: Browser
  let app: RunningApp | null = null
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    await app?.stop()
    app = null
  })

  it('reload after a restart shows the library; after --new-token the tab is told its key is gone', async () => {
    const dataDir = tempDir()
    app = await startApp(dataDir)
    const port = new URL(app.url).port
    const page = await browser.newPage()
    const problems = watchConsole(page)
    await page.goto(app.url)
    // "No studies yet" needs a successful studies:list call, so it proves the token was accepted.
    await page.getByRole('heading', { name: 'No studies yet' }).waitFor()
    // The token has left the address bar; the tab keeps it in sessionStorage, as after any first load.
    expect(page.url()).not.toContain('token=')
    // Stop only once the page is idle: a request cut by the stop itself is not what this test is about.
    await page.waitForLoadState('networkidle')
    expect(problems).toEqual([])
    await app.stop()

    app = await startApp(dataDir, ['--port', port])
    expect(new URL(app.url).port).toBe(port)
    // What counts is the tab after the restart, so only problems from the reload on are kept.
    problems.length = 0
    await page.reload()
    await page.getByRole('heading', { name: 'No studies yet' }).waitFor()
    expect(problems).toEqual([])
    await app.stop()

    app = await startApp(dataDir, ['--port', port, '--new-token'])
    await page.reload()
    await page.getByText('This tab lost its access key').first().waitFor()
    await page.close()
  })
})
