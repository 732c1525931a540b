// The Electron shell's security configuration, checked by running it: src/main/index.ts starts against a
// recording stand-in for Electron (fake-electron.ts; the binary cannot run here) with a real library, and
// every window it makes, every page's guards, the IPC sender checks and the close handshake are read back.
// A scan of the sources (TypeScript's parser) makes sure no window, outside-link or IPC listener is made
// anywhere this test does not run.
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FLUSH_DONE, FLUSH_REQUEST, INVOKE_CHANNEL } from '../../src/shared/ipc/transport'
import * as electron from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

const { app, BrowserWindow, ipcMain, shell, session, fakeEvent } = electron
const repo = resolve(import.meta.dirname, '../..')

let RENDERER_INDEX_URL = ''
let RENDERER_INDEX_FILE = ''
let PRELOAD_FILE = ''
let CONTENT_SECURITY_POLICY = ''
let mainWindow: electron.BrowserWindow
let printWindows: electron.BrowserWindow[] = []

beforeAll(async () => {
  // Where a packaged app finds its migrations first; here, the repository's own.
  Object.assign(process, { resourcesPath: join(repo, 'resources') })
  delete process.env['ELECTRON_RENDERER_URL']
  await import('../../src/main/index')
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1), { timeout: 15_000 })
  mainWindow = BrowserWindow.created[0] as electron.BrowserWindow
  ;({ RENDERER_INDEX_URL, RENDERER_INDEX_FILE, PRELOAD_FILE } =
    await import('../../src/main/window/create-window'))
  ;({ CONTENT_SECURITY_POLICY } = await import('../../src/main/window/security'))
  // The report printer's windows: one printed at once, one prepared ahead and let go unused.
  const { printHtmlWithElectron } = await import('../../src/main/window/print-pdf')
  expect(new TextDecoder().decode(await printHtmlWithElectron('<p>Quote</p>'))).toMatch(/^%PDF/)
  printHtmlWithElectron.prepare?.().release()
  printWindows = BrowserWindow.created.slice(1)
}, 30_000)

afterAll(() => {
  app.emit('will-quit')
  rmSync(app.userData, { recursive: true, force: true })
})

/** Preferences every page must have, whatever else its window sets. */
const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
}

const HOSTILE = [
  'file:///etc/passwd',
  'file://fileserver/share/payload.exe',
  'smb://host/share',
  '\\\\host\\share',
  '//host/share',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=invoice&crumb=location:\\\\evil.example\\share',
  'fieldnote://open?path=/etc',
  'https://user:pass@example.com/',
  'file:///opt/Fieldnote/resources/app.asar/out/renderer/other.html',
]

describe('every window and its page', () => {
  it('sandboxes every renderer process before the app is ready', () => {
    expect(app.sandboxEnabled).toBe(true)
  })

  it('makes the main window isolated, sandboxed, without Node or <webview>, with our preload only', () => {
    expect(mainWindow.options.webPreferences).toEqual({ ...SECURE, preload: PRELOAD_FILE, spellcheck: true })
    // Our bundle: out/preload/index.js beside out/renderer/, as electron-vite builds them.
    expect(relative(dirname(RENDERER_INDEX_FILE), PRELOAD_FILE)).toBe(join('..', 'preload', 'index.js'))
    expect(mainWindow.loaded).toEqual({ file: RENDERER_INDEX_FILE })
  })

  it('makes the PDF printer windows hidden, script-less and preload-less, in a session of their own', () => {
    expect(printWindows).toHaveLength(2)
    for (const win of printWindows) {
      expect(win.options.show).toBe(false)
      expect(win.options.webPreferences).toMatchObject({ ...SECURE, javascript: false })
      expect(win.options.webPreferences?.['preload']).toBeUndefined()
      expect(win.webContents.session).not.toBe(session.defaultSession)
      // The report needs nothing from a network: any request is cancelled.
      const done = vi.fn()
      win.webContents.session.beforeRequest?.listener(
        { url: 'https://tracker.example/p.gif' } as never,
        done as never,
      )
      expect(done).toHaveBeenCalledWith({ cancel: true })
      expect(win.destroyed).toBe(true)
    }
    expect(printWindows[0]?.loaded?.url).toMatch(/^data:text\/html;charset=utf-8;base64,/)
  })

  it('gives every page the secure preferences and, at most, our preload', () => {
    for (const win of BrowserWindow.created) {
      expect(win.options.webPreferences).toMatchObject(SECURE)
      expect([undefined, PRELOAD_FILE]).toContain(win.options.webPreferences?.['preload'])
    }
  })

  it('guards every page: navigation, redirects, pop-ups, <webview>, permissions', () => {
    for (const win of BrowserWindow.created) {
      const wc = win.webContents
      for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview'])
        expect({ event, listeners: wc.listenerCount(event) }).toEqual({ event, listeners: 1 })
      expect(wc.windowOpenHandler).toBeTypeOf('function')
      const ses = wc.session
      const answer = vi.fn()
      ses.permissionRequest?.(wc as never, 'media' as never, answer as never)
      expect(answer).toHaveBeenCalledWith(false)
      expect(ses.permissionCheck?.()).toBe(false)
      expect(ses.devicePermission?.()).toBe(false)
    }
  })

  it('keeps the page in the app and sends only safe links to the OS', () => {
    for (const win of BrowserWindow.created) {
      const wc = win.webContents
      const navigate = (url: string) => {
        const e = fakeEvent({ url })
        wc.emit('will-navigate', e)
        return e.defaultPrevented
      }
      shell.opened.length = 0
      expect(navigate(`${RENDERER_INDEX_URL}#/studies`)).toBe(false)
      expect(navigate('https://example.com/help')).toBe(true)
      expect(navigate(' https://example.com/help')).toBe(true)
      // What the OS gets is the parsed URL, not the text the page gave.
      expect(shell.opened).toEqual(['https://example.com/help', 'https://example.com/help'])
      shell.opened.length = 0
      for (const url of HOSTILE) expect({ url, prevented: navigate(url) }).toEqual({ url, prevented: true })
      expect(shell.opened).toEqual([])
    }
  })

  it('refuses redirects out of the app without opening them', () => {
    for (const win of BrowserWindow.created) {
      shell.opened.length = 0
      for (const url of ['https://example.com/', ...HOSTILE]) {
        const e = fakeEvent({ url })
        win.webContents.emit('will-redirect', e)
        expect({ url, prevented: e.defaultPrevented }).toEqual({ url, prevented: true })
      }
      const inside = fakeEvent({ url: RENDERER_INDEX_URL })
      win.webContents.emit('will-redirect', inside)
      expect(inside.defaultPrevented).toBe(false)
      expect(shell.opened).toEqual([])
    }
  })

  it('opens no window: a safe link goes to the OS, anything else nowhere', () => {
    for (const win of BrowserWindow.created) {
      const open = win.webContents.windowOpenHandler
      shell.opened.length = 0
      expect(open?.({ url: 'mailto:research@example.com' })).toEqual({ action: 'deny' })
      expect(open?.({ url: RENDERER_INDEX_URL })).toEqual({ action: 'deny' })
      for (const url of HOSTILE) expect(open?.({ url })).toEqual({ action: 'deny' })
      expect(shell.opened).toEqual(['mailto:research@example.com'])
    }
  })

  it('refuses to attach a <webview>', () => {
    for (const win of BrowserWindow.created) {
      const e = fakeEvent()
      win.webContents.emit('will-attach-webview', e, {}, {})
      expect(e.defaultPrevented).toBe(true)
    }
  })

  it('serves the app session its Content-Security-Policy as a header', () => {
    const done = vi.fn()
    session.defaultSession.headersReceived?.(
      { responseHeaders: { 'X-Other': ['kept'] } } as never,
      done as never,
    )
    expect(done).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['kept'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
})

describe('IPC from the page', () => {
  const frame = (url: string, parent: unknown = null) => ({ url, parent })

  it('answers the app page, and refuses frames inside it, other pages and unknown senders', async () => {
    const handler = ipcMain.handlers.get(INVOKE_CHANNEL)
    expect([...ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL])
    const call = (senderFrame: unknown) =>
      handler?.({ senderFrame } as never, 'app:info' as never, undefined as never)
    await expect(call(frame(`${RENDERER_INDEX_URL}#/studies`))).resolves.toMatchObject({
      ok: true,
      value: { shell: 'electron', version: '0.0.0-test' },
    })
    for (const senderFrame of [
      frame(RENDERER_INDEX_URL, frame(RENDERER_INDEX_URL)),
      frame('about:srcdoc', frame(RENDERER_INDEX_URL)),
      frame('https://evil.example/'),
      frame('file:///home/user/Downloads/renderer/index.html'),
      frame('data:text/html,<p>x</p>'),
      null,
    ])
      await expect(call(senderFrame)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('lets the window close only when its own page says it has saved', async () => {
    const close = fakeEvent()
    mainWindow.emit('close', close)
    expect(close.defaultPrevented).toBe(true)
    await vi.waitFor(() => expect(mainWindow.webContents.sent.map((m) => m.channel)).toContain(FLUSH_REQUEST))
    const other = new electron.FakeWebContents(session.defaultSession)
    ipcMain.emit(FLUSH_DONE, { sender: other, senderFrame: frame(RENDERER_INDEX_URL) }, true)
    ipcMain.emit(
      FLUSH_DONE,
      { sender: mainWindow.webContents, senderFrame: frame('about:srcdoc', frame(RENDERER_INDEX_URL)) },
      true,
    )
    expect(mainWindow.destroyed).toBe(false)
    ipcMain.emit(FLUSH_DONE, { sender: mainWindow.webContents, senderFrame: frame(RENDERER_INDEX_URL) }, true)
    expect(mainWindow.destroyed).toBe(true)
  })
})

/** The shell's sources (src/main, src/preload), parsed once. */
let parsed: { file: string; source: ts.SourceFile }[] | null = null
function shellSources() {
  if (parsed) return parsed
  const files: string[] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.tsx?$/.test(e.name)) files.push(p)
    }
  }
  walk(join(repo, 'src/main'))
  walk(join(repo, 'src/preload'))
  parsed = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    // A file that names none of these (an alias is named where it is imported) has none of the sites.
    if (!/BrowserWindow|BrowserView|WebContents|webContents|openExternal|ipcMain/.test(text)) continue
    parsed.push({
      file: relative(repo, file),
      source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true),
    })
  }
  return parsed
}

/** The files with a node that matches. */
function sitesOf(match: (node: ts.Node) => boolean): string[] {
  const found = new Set<string>()
  for (const { file, source } of shellSources()) {
    const visit = (node: ts.Node): void => {
      if (match(node)) found.add(file)
      else ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return [...found].sort()
}

const nameOf = (e: ts.Expression): string =>
  ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : ''

describe('no window, outside link or IPC listener is made where this test does not look', () => {
  it('makes windows and pages only in create-window.ts and print-pdf.ts', () => {
    expect(
      sitesOf(
        (n) =>
          (ts.isNewExpression(n) &&
            ['BrowserWindow', 'BrowserView', 'WebContentsView', 'WebContents'].includes(
              nameOf(n.expression),
            )) ||
          (ts.isPropertyAccessExpression(n) &&
            n.name.text === 'create' &&
            nameOf(n.expression) === 'webContents'),
      ),
    ).toEqual(['src/main/window/create-window.ts', 'src/main/window/print-pdf.ts'])
  })

  it('opens outside links only in the guards', () => {
    expect(sitesOf((n) => ts.isPropertyAccessExpression(n) && n.name.text === 'openExternal')).toEqual([
      'src/main/window/guards.ts',
    ])
  })

  it('listens to the page only in register-electron.ts (calls) and index.ts (the close handshake)', () => {
    expect(
      sitesOf(
        (n) =>
          ts.isCallExpression(n) &&
          ts.isPropertyAccessExpression(n.expression) &&
          nameOf(n.expression.expression) === 'ipcMain' &&
          ['on', 'once', 'handle', 'handleOnce', 'addListener'].includes(n.expression.name.text),
      ),
    ).toEqual(['src/main/index.ts', 'src/main/ipc/register-electron.ts'])
  })
})
