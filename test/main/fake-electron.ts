/**
 * A stand-in for the `electron` module (its binary cannot run here) that records what the shell asks of it:
 * every window's options, the listeners and handlers put on each page and session, IPC handlers, what was
 * opened outside. It behaves as Electron does where the shell relies on it: 'web-contents-created' is emitted
 * while a window is constructed, a partition name gives that partition's session, events carry
 * preventDefault.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

type Handler = (...args: never[]) => unknown

export class FakeSession {
  permissionRequest: Handler | null = null
  permissionCheck: Handler | null = null
  devicePermission: Handler | null = null
  beforeRequest: { filter: unknown; listener: Handler } | null = null
  headersReceived: Handler | null = null
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(h: Handler) {
    this.permissionRequest = h
  }
  setPermissionCheckHandler(h: Handler) {
    this.permissionCheck = h
  }
  setDevicePermissionHandler(h: Handler) {
    this.devicePermission = h
  }
  webRequest = {
    onBeforeRequest: (filter: unknown, listener: Handler) => {
      this.beforeRequest = { filter, listener }
    },
    onHeadersReceived: (listener: Handler) => {
      this.headersReceived = listener
    },
  }
}

const defaultSession = new FakeSession('')
const partitions = new Map<string, FakeSession>()
function sessionFor(partition: string | undefined): FakeSession {
  if (!partition) return defaultSession
  let s = partitions.get(partition)
  if (!s) partitions.set(partition, (s = new FakeSession(partition)))
  return s
}
export const session = {
  defaultSession,
  fromPartition: (p: string) => sessionFor(p),
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null
  readonly sent: { channel: string; args: unknown[] }[] = []
  destroyed = false
  constructor(readonly session: FakeSession) {
    super()
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args })
  }
  isDestroyed() {
    return this.destroyed
  }
  printToPDF() {
    return Promise.resolve(Buffer.from('%PDF-1.7 fake'))
  }
}

/** What a listener gets: Electron's event with the URL in it and preventDefault. */
export function fakeEvent(fields: Record<string, unknown> = {}) {
  const e = { defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true), ...fields }
  return e
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  sandboxEnabled: false,
  quitCalls: 0,
  userData: mkdtempSync(join(tmpdir(), 'fieldnote-fake-electron-')),
  enableSandbox() {
    // Electron requires this before the app is ready; a later call would be too late to sandbox every page.
    if (app.ready) throw new Error('enableSandbox() after ready')
    app.sandboxEnabled = true
  },
  ready: false,
  getPath: (_name: string) => app.userData,
  getVersion: () => '0.0.0-test',
  requestSingleInstanceLock: () => true,
  isReady: () => app.ready,
  whenReady: () =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        app.ready = true
        resolve()
      }),
    ),
  quit() {
    app.quitCalls++
  },
})

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = []
  readonly webContents: FakeWebContents
  loaded: { url?: string; file?: string } | null = null
  destroyed = false
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super()
    this.webContents = new FakeWebContents(sessionFor(options.webPreferences?.['partition'] as string))
    BrowserWindow.created.push(this)
    app.emit('web-contents-created', fakeEvent(), this.webContents)
  }
  static getAllWindows() {
    return BrowserWindow.created.filter((w) => !w.destroyed)
  }
  loadURL(url: string) {
    this.loaded = { url }
    return Promise.resolve()
  }
  loadFile(file: string) {
    this.loaded = { file }
    return Promise.resolve()
  }
  show() {}
  focus() {}
  isMinimized() {
    return false
  }
  restore() {}
  isDestroyed() {
    return this.destroyed
  }
  destroy() {
    this.destroyed = true
    this.webContents.destroyed = true
  }
}

export const shell = {
  opened: [] as string[],
  openExternal: (url: string) => (shell.opened.push(url), Promise.resolve()),
}

export const ipcMain = Object.assign(new EventEmitter(), {
  handlers: new Map<string, Handler>(),
  handle(channel: string, h: Handler) {
    if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    ipcMain.handlers.set(channel, h)
  },
})

export const dialog = {
  messageBoxes: 0,
  showMessageBoxSync: () => (dialog.messageBoxes++, 1),
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
}

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu: (_menu: unknown) => {},
}

export default { app, BrowserWindow, session, shell, ipcMain, dialog, Menu }
