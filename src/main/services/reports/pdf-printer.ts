/**
 * A shell's PDF printer (Electron's printToPDF, or a local Chromium), as the report export calls it. A printer
 * may also be told ahead that a print is coming: it then starts what it needs (Chromium's launch, Electron's
 * hidden window) while the export still builds the model and the HTML, a second of work in this process that
 * the start-up of another process can overlap (bench: report_pdf_ms).
 */
export interface PdfPrinter {
  (html: string): Promise<Uint8Array>
  prepare?: () => PreparedPrint
}

/** A print being got ready: print once, or release() to let go of what was started (safe to call always). */
export interface PreparedPrint {
  print: (html: string) => Promise<Uint8Array>
  release: () => void
}

export function preparePrint(printer: PdfPrinter): PreparedPrint {
  return printer.prepare?.() ?? { print: printer, release: () => {} }
}
