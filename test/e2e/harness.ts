import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const ROOT = join(import.meta.dirname, '..', '..')
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots')

export interface RunningApp {
  url: string
  dataDir: string
  stop(): Promise<void>
}

/**
 * Starts the real browser-mode server (built main bundle, real SQLite) and waits for its ready line.
 * `args` go to the server after the data folder (e.g. --port N, --library FILE, --new-token).
 */
export function startApp(
  dataDir = mkdtempSync(join(tmpdir(), 'fieldnote-e2e-')),
  args: string[] = ['--port', '0'],
  // The bench bundles this file elsewhere, so it names the project folder itself.
  root = ROOT,
): Promise<RunningApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'out', 'main', 'web.js'), '--data-dir', dataDir, ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web server did not start: ${stderr}`)), 30_000)
    timer.unref()
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /FIELDNOTE_READY (.+)/.exec(out)
      if (!m?.[1]) return
      clearTimeout(timer)
      const { url } = JSON.parse(m[1]) as { url: string }
      resolve({
        url,
        dataDir,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
    child.once('exit', (code) => reject(new Error(`web server exited with ${code}: ${stderr}`)))
  })
}

export async function launchBrowser(): Promise<Browser> {
  // Playwright gives every launch a fresh, throw-away profile of its own.
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Fails the test on any console error or CSP violation: the page must run clean under its strict CSP. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  page.on('pageerror', (e) => problems.push(e.message))
  return problems
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false })
}

export interface BrowserSession {
  browser: Browser
  app: RunningApp
  page: Page
  problems: string[]
}

/** A fresh app server (own data folder) and a Chromium page on it, watched for console errors. */
export async function openAppInBrowser(): Promise<BrowserSession> {
  const browser = await launchBrowser()
  const app = await startApp()
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  const problems = watchConsole(page)
  await page.goto(app.url)
  return { browser, app, page, problems }
}

export async function closeAppInBrowser(s: { browser?: Browser; app?: RunningApp }): Promise<void> {
  await s.browser?.close()
  await s.app?.stop()
}

/** Selects a phrase of the open transcript's text in the page, as a mouse drag would. */
export async function selectTranscriptPhrase(page: Page, phrase: string): Promise<void> {
  await page.getByRole('textbox', { name: /^Transcript / }).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      window.getSelection()?.removeAllRanges()
      window.getSelection()?.addRange(range)
      // The browser reports a selection change in a later task; tell the editor now, as a mouse drag
      // (which fires many such events long before a key press) effectively does.
      document.dispatchEvent(new Event('selectionchange'))
      return
    }
    throw new Error(`"${wanted}" is not in the transcript`)
  }, phrase)
}

/** Calls a channel through the same web bridge the page uses, to arrange data the test is not about. */
export async function bridgeCall<T>(app: RunningApp, channel: string, input?: unknown): Promise<T> {
  const url = new URL(app.url)
  const res = await fetch(new URL('/api/invoke', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldnote-token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify({ channel, input }),
  })
  const env = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!env.ok) throw new Error(`${channel}: ${env.error?.message}`)
  return env.value
}
