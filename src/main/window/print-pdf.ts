import { BrowserWindow } from 'electron'
import type { PdfPrinter, PreparedPrint } from '../services/reports/pdf-printer'
import { htmlForPrinting } from '../../shared/reports/pdf-page'

/**
 * In memory (no "persist:"), and not the app's session: the request filter below would otherwise refuse the
 * app window's own requests too (the dev server's), and a report's page shares no storage with the app.
 */
const PRINT_PARTITION = 'fieldnote-print'

/** A hidden, sandboxed window with JavaScript off and every request refused (the report needs none). */
function printWindow(): BrowserWindow {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      javascript: false,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      partition: PRINT_PARTITION,
    },
  })
  win.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*'] }, (_d, done) =>
    done({ cancel: true }),
  )
  return win
}

/** Prints in the window, then closes it. Tags, outline and page as in bridge/chromium-pdf.ts. */
async function printIn(win: BrowserWindow, html: string): Promise<Uint8Array> {
  try {
    const page = Buffer.from(htmlForPrinting(html), 'utf8').toString('base64')
    await win.loadURL(`data:text/html;charset=utf-8;base64,${page}`)
    const pdf = await win.webContents.printToPDF({
      printBackground: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
      // Page size, margins and page numbers come from the report's CSS (shared/reports/pdf-page.ts).
      preferCSSPageSize: true,
    })
    return new Uint8Array(pdf)
  } finally {
    win.destroy()
  }
}

/** Prints a self-contained HTML report to PDF with Electron's own Chromium. */
export const printHtmlWithElectron: PdfPrinter = (html) => printIn(printWindow(), html)

/** The window (and its renderer process) is made while the export still builds the report. */
printHtmlWithElectron.prepare = (): PreparedPrint => {
  const win = printWindow()
  let used = false
  return {
    print: (html) => {
      used = true
      return printIn(win, html)
    },
    release: () => {
      if (!used) win.destroy()
    },
  }
}
