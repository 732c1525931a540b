import { BrowserWindow } from 'electron'
import { PDF_FOOTER, PDF_HEADER, PDF_MARGIN_CM } from '../../shared/reports/pdf-page'

const CM_PER_INCH = 2.54

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
    const inch = (cm: number) => cm / CM_PER_INCH
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER,
      footerTemplate: PDF_FOOTER,
      margins: {
        top: inch(PDF_MARGIN_CM.top),
        bottom: inch(PDF_MARGIN_CM.bottom),
        left: inch(PDF_MARGIN_CM.left),
        right: inch(PDF_MARGIN_CM.right),
      },
    })
    return new Uint8Array(pdf)
  } finally {
    win.destroy()
  }
}
