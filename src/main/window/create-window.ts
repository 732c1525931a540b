import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY, decideNavigation, secureWebPreferences } from './security'

/** The packaged renderer page; the only file:// URL the window may show or accept IPC from. */
export const RENDERER_INDEX_FILE = join(__dirname, '../renderer/index.html')
export const RENDERER_INDEX_URL = pathToFileURL(RENDERER_INDEX_FILE).href

export function hardenSession(): void {
  // Deny every permission (camera, notifications, geolocation…): Fieldnote needs none of them.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
}

export function createMainWindow(devServerUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Fieldnote',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  })
  win.once('ready-to-show', () => win.show())

  win.webContents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, devServerUrl, RENDERER_INDEX_URL)
    if (decision.action === 'allow') return
    event.preventDefault()
    if (decision.action === 'open-external') void shell.openExternal(decision.url)
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url, devServerUrl, RENDERER_INDEX_URL)
    if (decision.action === 'open-external') void shell.openExternal(decision.url)
    return { action: 'deny' }
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())

  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(RENDERER_INDEX_FILE)
  return win
}
