import { PDF_PAGE_CSS } from './pdf-page'

/**
 * The report's stylesheet, inlined in the one HTML file (no external URL may load). Written for the screen and
 * for Chromium's print to PDF: A4 margins, headings that stay with what follows, tables whose header repeats
 * on each page, and figures, quotes and insights that are not cut in two by a page break.
 */
export const REPORT_CSS = `${PDF_PAGE_CSS}
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; color: #1f2937; background: #fff;
  font: 11pt/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
h1 { font-size: 24pt; line-height: 1.2; margin: 0 0 0.4rem; }
h2 { font-size: 17pt; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid #e5e7eb; }
h3 { font-size: 13pt; margin: 1.4rem 0 0.4rem; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p, li { white-space: pre-line; orphans: 3; widows: 3; }
.subtitle { color: #4b5563; margin: 0 0 0.4rem; }
.note { color: #92400e; background: #fffbeb; border-left: 3px solid #d97706; padding: 0.4rem 0.8rem; }
nav ol { padding-left: 1.4rem; }
nav a { color: inherit; text-decoration: none; }
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: #4b5563; font-size: 9.5pt; margin-top: 0.3rem; }
.quote { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #2563eb; background: #f8fafc;
  font-style: italic; white-space: pre-line; break-inside: avoid; page-break-inside: avoid; }
.quote.against { border-left-color: #dc2626; background: #fef2f2; }
.quote footer { font-style: normal; color: #4b5563; font-size: 9.5pt; margin-top: 0.3rem; }
.stance { font-style: normal; font-weight: 600; color: #dc2626; margin-right: 0.4rem; }
.insight { border: 1px solid #e5e7eb; border-radius: 6px; padding: 0.8rem 1rem; margin: 1rem 0;
  break-inside: avoid; page-break-inside: avoid; }
.statement { font-size: 13pt; font-weight: 600; margin: 0 0 0.4rem; }
.confidence { color: #4b5563; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 9.5pt; }
caption { text-align: left; font-weight: 600; margin-bottom: 0.3rem; }
th, td { border: 1px solid #d1d5db; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left;
  white-space: pre-line; }
th { background: #f3f4f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
/* Numbers never break, but their long headers ("Companies mentioning") may: a table wider than the page makes
   Chromium shrink every page of the PDF to fit it (the churn table printed 11pt text at 9pt). */
td.num { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print { body { max-width: none; padding: 0; } nav { break-after: page; }
  /* An appendix can hold thousands of quotes: on paper they sit close, a printed page holds three times more. */
  .quote { margin: 0.3rem 0; padding: 0.2rem 0.6rem; font-size: 10pt; line-height: 1.35; }
  .quote footer { margin-top: 0.1rem; font-size: 8.5pt; } }
`
