import { existsSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import type { PdfPrinter, PreparedPrint } from '../services/reports/pdf-printer'
import { htmlForPrinting } from '../../shared/reports/pdf-page'

/** Where a Chromium is usually installed; CHROMIUM_PATH overrides. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
]

export class NoChromiumError extends Error {}

export function findChromium(): string | null {
  const env = process.env['CHROMIUM_PATH']
  if (env) return existsSync(env) ? env : null
  return CANDIDATES.find((p) => existsSync(p)) ?? null
}

/**
 * Chromium with one blank page, ready for a report. The page gets no network: the report has no external
 * URL, and a request for one is refused rather than fetched. JavaScript is off, as the report has none.
 */
async function openPage(): Promise<{ browser: Browser; page: Page }> {
  const executablePath = findChromium()
  if (!executablePath)
    throw new NoChromiumError(
      'PDF needs Chromium or Google Chrome outside the desktop app: install one, or set CHROMIUM_PATH to it.',
    )
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    await page.route('**/*', (route) => route.abort())
    return { browser, page }
  } catch (err) {
    await browser.close()
    throw err
  }
}

/**
 * Prints on the opened page, then closes its browser: a Chromium kept for the next export would hold the
 * command line's process open after its work, and browser mode's exports are far apart.
 */
async function printWith(
  opening: Promise<{ browser: Browser; page: Page }>,
  html: string,
): Promise<Uint8Array> {
  const { browser, page } = await opening
  try {
    // The page has nothing to fetch: 'domcontentloaded' measured no faster than 'load' over setContent and pdf.
    await page.setContent(htmlForPrinting(html), { waitUntil: 'load' })
    const pdf = await page.pdf({
      printBackground: true,
      // The outline (bookmarks from h1-h3) is built from the tags: Chromium makes neither without both.
      outline: true,
      tagged: true,
      // Page size, margins and page numbers come from the report's CSS (shared/reports/pdf-page.ts).
      preferCSSPageSize: true,
    })
    return new Uint8Array(pdf)
  } finally {
    // Not awaited: the file is ready, and Chromium's shutdown (0.2 s) need not delay it. The process still
    // waits for it before it can exit.
    browser.close().catch(() => {})
  }
}

/**
 * Prints a self-contained HTML report to PDF with a local Chromium, for where Electron is not running (the
 * command line, browser mode).
 */
export const printHtmlWithChromium: PdfPrinter = (html) => printWith(openPage(), html)

/** Chromium launches and opens its page (half a second) while the export still builds the report here. */
printHtmlWithChromium.prepare = (): PreparedPrint => {
  const opening = openPage()
  // A failed launch is reported by print(); unprinted, it is nobody's error.
  opening.catch(() => {})
  let used = false
  return {
    print: (html) => {
      used = true
      return printWith(opening, html)
    },
    release: () => {
      if (!used) opening.then(({ browser }) => browser.close()).catch(() => {})
    },
  }
}
