/**
 * How a report is printed to PDF, the same in Electron (printToPDF) and in Chromium (the command line and
 * browser mode): A4, backgrounds kept, an outline from the headings, and "page N of M" in the footer. The
 * footer is Chromium's own template (its pageNumber/totalPages classes), not report content.
 */
export const PDF_FOOTER =
  '<div style="width:100%;font-size:8px;color:#6b7280;text-align:center;font-family:sans-serif">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
export const PDF_HEADER = '<span></span>'
export const PDF_MARGIN_CM = { top: 1.8, bottom: 1.8, left: 1.6, right: 1.6 }
