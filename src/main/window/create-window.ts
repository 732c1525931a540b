import { BrowserWindow, session } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { denyPermissions } from './guards'
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from './security'

/** The packaged renderer page; the only file:// URL the window may show or accept IPC from. */
export const RENDERER_INDEX_FILE = join(__dirname, '../renderer/index.html')
export const RENDERER_INDEX_URL = pathToFileURL(RENDERER_INDEX_FILE).href
/** Our preload, the only one any window gets (the PDF printer's window has none). */
export const PRELOAD_FILE = join(__dirname, '../preload/index.js')

export function hardenSession(): void {
  denyPermissions(session.defaultSession)
  // The page carries the same policy in a <meta> (src/renderer/index.html); the header covers what is served
  // over HTTP (the dev server).
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
}

/** The app's window. Its navigation, pop-ups, webviews and permissions are guarded in guards.ts. */
export function createMainWindow(devServerUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Fieldnote',
    webPreferences: secureWebPreferences(PRELOAD_FILE),
  })
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(RENDERER_INDEX_FILE)
  return win
}
