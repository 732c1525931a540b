import { existsSync } from 'node:fs'

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
 * Prints a self-contained HTML report to PDF with a local Chromium, for where Electron is not running (the
 * command line, browser mode). The page gets no network: the report has no external URL, and a request for
 * one is refused rather than fetched. JavaScript is off, as the report has none.
 */
export async function printHtmlWithChromium(html: string): Promise<Uint8Array> {
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
    await page.setContent(html, { waitUntil: 'load' })
    const pdf = await page.pdf({
      printBackground: true,
      outline: true,
      tagged: true,
      // Page size, margins and page numbers come from the report's CSS (shared/reports/pdf-page.ts).
      preferCSSPageSize: true,
    })
    return new Uint8Array(pdf)
  } finally {
    await browser.close()
  }
}
