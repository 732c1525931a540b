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
