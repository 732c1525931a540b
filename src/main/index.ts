import { app, BrowserWindow, dialog, ipcMain } from 'electron'
import { join } from 'node:path'
import { FLUSH_DONE, FLUSH_REQUEST } from '../shared/ipc/transport'
import { findMigrationsFolder } from './app-paths'
import type { AppContext } from './ipc/app-context'
import { registerIpc } from './ipc/register-electron'
import { LIBRARY_EXTENSION, LibraryManager } from './library/library-manager'
import { installMenu } from './menu'
import { createMainWindow, hardenSession } from './window/create-window'

// Lifecycle only: everything with logic lives in services, shared with the web bridge and the tests.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
let mainWindow: BrowserWindow | null = null

const libraries = new LibraryManager({
  dataDir: app.getPath('userData'),
  migrationsFolder: findMigrationsFolder([join(process.resourcesPath, 'drizzle'), join(__dirname, '../../resources/drizzle')]),
})

const context: AppContext = {
  libraries,
  shell: {
    kind: 'electron',
    version: app.getVersion(),
    async chooseLibraryFile(mode, defaultPath) {
      const filters = [{ name: 'Fieldnote library', extensions: [LIBRARY_EXTENSION.slice(1)] }]
      if (mode === 'open') {
        const r = await dialog.showOpenDialog({ title: 'Open library', defaultPath, filters, properties: ['openFile'] })
        return r.canceled ? null : (r.filePaths[0] ?? null)
      }
      const r = await dialog.showSaveDialog({ title: 'New library', defaultPath, filters })
      return r.canceled ? null : (r.filePath ?? null)
    },
    setLanguage: (language) => installMenu(() => mainWindow, language),
  },
}

/** Ask the page to save pending notes before the window goes away; give up after 3 s rather than hang. */
function flushThenClose(win: BrowserWindow): void {
  let closing = false
  win.on('close', (event) => {
    if (closing) return
    event.preventDefault()
    closing = true
    const done = () => {
      ipcMain.removeListener(FLUSH_DONE, done)
      if (!win.isDestroyed()) win.destroy()
    }
    ipcMain.on(FLUSH_DONE, done)
    setTimeout(done, 3000).unref()
    win.webContents.send(FLUSH_REQUEST)
  })
}

app.enableSandbox()

void app.whenReady().then(async () => {
  hardenSession()
  // On failure the renderer shows the library screen with the reason; the file is left as it was.
  await libraries.openAtStartup()
  registerIpc(context, devServerUrl)
  installMenu(() => mainWindow)
  mainWindow = createMainWindow(devServerUrl)
  flushThenClose(mainWindow)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) {
      mainWindow = createMainWindow(devServerUrl)
      flushThenClose(mainWindow)
    }
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.on('will-quit', () => libraries.close())
