/**
 * How a report's page is printed to PDF, the same in Electron (printToPDF) and in Chromium (the command line
 * and browser mode): A4 with its margins and "N / M" in the bottom margin, all from the report's own CSS
 * (page-margin boxes; Chromium 131+, Electron 34+), so both printers are told only to prefer the CSS page.
 * Chromium's header and footer templates were dropped: they are laid out again on every page, which cost a
 * 470-page report over two seconds (bench: report_pdf_ms).
 */
export const PDF_PAGE_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #6b7280; } }`

/**
 * What both printers add to the report before they load it, and only there: the page they load is never
 * shown, yet Chromium lays out its screen view (a second of a 5,000-quote report) and lays it out again after
 * each of its two print passes (page count, then pages). Hidden content is not laid out for the screen; while
 * printing the screen rule does not apply, so the PDF is the same to the byte of its text. content-visibility
 * rather than display: none keeps the layout objects between the passes, so the second reuses the text the
 * first shaped (HarfBuzz calls halved in a trace). Bench: report_pdf_ms.
 */
export const PRINT_ONLY_CSS = '@media screen { body { content-visibility: hidden; } }'

export function htmlForPrinting(html: string): string {
  const head = html.indexOf('</head>')
  return head < 0 ? html : `${html.slice(0, head)}<style>${PRINT_ONLY_CSS}</style>${html.slice(head)}`
}
