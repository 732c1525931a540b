import { app, BrowserWindow, dialog, ipcMain, type IpcMainEvent } from 'electron'
import { join } from 'node:path'
import type { Language } from '../shared/domain/common'
import { FLUSH_DONE, FLUSH_REQUEST } from '../shared/ipc/transport'
import { findMigrationsFolder } from './app-paths'
import type { AppContext } from './ipc/app-context'
import { waitForExclusive } from './ipc/exclusive'
import { fromAppPage, registerIpc } from './ipc/register-electron'
import { libraryFileFromArgv } from './library/launch-file'
import { LIBRARY_EXTENSION, LibraryManager } from './library/library-manager'
import { dialogText, installMenu } from './menu'
import { createMainWindow, hardenSession, RENDERER_INDEX_URL } from './window/create-window'
import { guardEveryWebContents } from './window/guards'
import { printHtmlWithElectron } from './window/print-pdf'

// Lifecycle only: everything with logic lives in services, shared with the web bridge and the tests.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
let mainWindow: BrowserWindow | null = null
let language: Language = 'en'
/** Set by Cmd+Q / app.quit(): once the window has saved and closed, the app quits too (also on macOS). */
let quitting = false

const libraries = new LibraryManager({
  dataDir: app.getPath('userData'),
  migrationsFolder: findMigrationsFolder([
    join(process.resourcesPath, 'drizzle'),
    join(__dirname, '../../resources/drizzle'),
  ]),
  autoBackup: true,
})

const context: AppContext = {
  libraries,
  shell: {
    kind: 'electron',
    version: app.getVersion(),
    async chooseLibraryFile(mode, defaultPath) {
      const text = dialogText(language)
      const filters = [{ name: text.fileType, extensions: [LIBRARY_EXTENSION.slice(1)] }]
      if (mode === 'open') {
        const r = await dialog.showOpenDialog({
          title: text.openTitle,
          defaultPath,
          filters,
          properties: ['openFile'],
        })
        return r.canceled ? null : (r.filePaths[0] ?? null)
      }
      const r = await dialog.showSaveDialog({ title: text.newTitle, defaultPath, filters })
      return r.canceled ? null : (r.filePath ?? null)
    },
    async chooseFolder(defaultPath) {
      const r = await dialog.showOpenDialog({
        title: dialogText(language).backupFolderTitle,
        defaultPath,
        properties: ['openDirectory', 'createDirectory'],
      })
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    setLanguage: (next) => {
      language = next
      installMenu(() => mainWindow, next)
    },
    printToPdf: printHtmlWithElectron,
  },
}

/**
 * Ask the page to save every pending edit before the window goes away (after a running import ends). If the
 * page reports that something could not be saved, ask before closing; if it does not answer in 5 s (hung),
 * close anyway.
 */
function flushThenClose(win: BrowserWindow): void {
  let closing = false
  win.on('close', (event) => {
    if (closing) return
    event.preventDefault()
    closing = true
    let answered = false
    const finish = (saved: unknown) => {
      if (answered) return
      answered = true
      ipcMain.removeListener(FLUSH_DONE, onDone)
      if (win.isDestroyed()) return
      if (saved === false) {
        const text = dialogText(language)
        const choice = dialog.showMessageBoxSync(win, {
          type: 'warning',
          message: text.unsavedMessage,
          detail: text.unsavedDetail,
          buttons: [text.keepOpen, text.closeAnyway],
          defaultId: 0,
          cancelId: 0,
        })
        if (choice === 0) {
          closing = false
          quitting = false
          return
        }
      }
      win.destroy()
      if (quitting) app.quit()
    }
    // Only this window's own page may say it has saved (and so let the window close).
    const onDone = (event: IpcMainEvent, saved: unknown) => {
      if (event.sender === win.webContents && fromAppPage(event, devServerUrl)) finish(saved)
    }
    ipcMain.on(FLUSH_DONE, onDone)
    // A large import holds the library and the page's saves queue behind it: let it finish (or fail and
    // roll back) first, so the 5 s allowance is for the saves alone and none is cut off by the close.
    void waitForExclusive(context).then(() => {
      if (win.isDestroyed()) return
      setTimeout(() => finish(true), 5000).unref()
      win.webContents.send(FLUSH_REQUEST)
    })
  })
}

app.enableSandbox()
guardEveryWebContents(devServerUrl, RENDERER_INDEX_URL)

// One instance per user: two windows on the same library would overwrite each other's notes.
if (!app.requestSingleInstanceLock()) app.quit()
app.on('second-instance', () => {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
})
// A .fieldnote file the app was launched with: in argv on Linux and Windows, as 'open-file' (before ready) on
// macOS. A file opened while the app already runs only brings the window forward (see second-instance).
let launchFile = libraryFileFromArgv(process.argv)
app.on('open-file', (event, path) => {
  event.preventDefault()
  if (!app.isReady()) launchFile = path
})
app.on('before-quit', () => {
  quitting = true
})

void app.whenReady().then(async () => {
  hardenSession()
  // On failure the renderer shows the library screen with the reason; the file is left as it was.
  await libraries.openAtStartup(launchFile)
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
