import { BrowserWindow } from 'electron'

/**
 * Prints a self-contained HTML report to PDF with Electron's own Chromium: a hidden, sandboxed window with
 * JavaScript off and every request refused (the report needs none), closed afterwards.
 */
export async function printHtmlWithElectron(html: string): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false },
  })
  try {
    win.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*'] }, (_d, done) =>
      done({ cancel: true }),
    )
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
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
