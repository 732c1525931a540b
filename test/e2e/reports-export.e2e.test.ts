import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshot, startApp, watchConsole, type RunningApp } from './harness'
import { seedExitStudy, type ExitCustomer } from './seed-exit-study'

const TITLE = 'Why customers left in Q1'
const PEOPLE = [
  {
    company: 'Acme Freight',
    segment: 'A',
    person: 'Ann Lee',
    said: 'The renewal price doubled overnight',
    reason: 'PRC-01',
  },
  {
    company: 'Birch Books',
    segment: 'A',
    person: 'Bo Park',
    said: 'Nobody answered our support tickets',
    reason: 'SUP-01',
  },
] as const satisfies readonly ExitCustomer[]

/**
 * The PDF printer's Chromium, behind a gate: the server's print waits until the test opens it, so a Cancel
 * is sure to land while the export is printing, however fast the machine.
 */
function gatedChromium(dir: string): { path: string; open: () => void } {
  const gate = join(dir, 'gate')
  const path = join(dir, 'chromium')
  const real = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  writeFileSync(path, `#!/bin/sh\nwhile [ ! -e '${gate}' ]; do sleep 0.05; done\nexec '${real}' "$@"\n`)
  chmodSync(path, 0o755)
  return { path, open: () => writeFileSync(gate, '') }
}

/** A DOCX body's paragraphs: each one's style and its text, runs joined. */
function docxParagraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, p = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    text: [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }))
}

/** Files exported from the Reports screen, caught as the browser downloads them, and a Cancel that stops one. */
describe('report exports in Chromium', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]
  let printer: ReturnType<typeof gatedChromium>
  const downloads = mkdtempSync(join(tmpdir(), 'fieldnote-report-downloads-'))

  /** Exports through the screen's button and returns the file as the browser saved it. */
  const exportAs = async (button: string): Promise<{ download: Download; bytes: Buffer }> => {
    const event = page.waitForEvent('download')
    await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: button }).click()
    const download = await event
    const path = join(downloads, download.suggestedFilename())
    await download.saveAs(path)
    return { download, bytes: readFileSync(path) }
  }
  const status = () => page.getByRole('region', { name: 'Export' }).getByRole('status')

  beforeAll(async () => {
    browser = await launchBrowser()
    printer = gatedChromium(mkdtempSync(join(tmpdir(), 'fieldnote-gated-chromium-')))
    // Only the server prints with the gated Chromium; the test's own browser was launched before.
    const saved = process.env['CHROMIUM_PATH']
    process.env['CHROMIUM_PATH'] = printer.path
    try {
      app = await startApp()
    } finally {
      if (saved === undefined) delete process.env['CHROMIUM_PATH']
      else process.env['CHROMIUM_PATH'] = saved
    }
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    problems = watchConsole(page)
    await page.goto(app.url)

    await seedExitStudy(app, PEOPLE, 4)
    await page.reload() // the data was made behind the UI's back

    await page.getByRole('link', { name: 'Reports' }).click()
    await page.getByLabel('Study', { exact: true }).selectOption({ label: 'Exit Q1' })
    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE)
    const frame = page.frameLocator('iframe[title="Report preview"]')
    await frame.getByRole('heading', { name: TITLE }).waitFor()
    await frame.getByText(PEOPLE[0].said).first().waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('downloads the HTML file: a whole document with the title and the quotes, and no script', async () => {
    const { download, bytes } = await exportAs('HTML')
    expect(download.suggestedFilename()).toBe(`${TITLE}.html`)
    const html = bytes.toString('utf8')
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain(`<h1>${TITLE}</h1>`)
    for (const p of PEOPLE) expect(html).toContain(p.said)
    expect(html).not.toMatch(/<script/i)
    await expect.poll(() => status().textContent()).toBe(`Exported ${TITLE}.html`)
  })

  it('downloads the Word file: the title as Title, sections as Heading 1, and the quotes', async () => {
    const { download, bytes } = await exportAs('Word (DOCX)')
    expect(download.suggestedFilename()).toBe(`${TITLE}.docx`)
    const part = unzipSync(new Uint8Array(bytes))['word/document.xml']
    expect(part).toBeDefined()
    const paras = docxParagraphs(strFromU8(part!))
    expect(paras.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual([TITLE])
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain('Churn reasons')
    for (const p of PEOPLE) expect(paras.some((para) => para.text.includes(p.said))).toBe(true)
    await expect.poll(() => status().textContent()).toBe(`Exported ${TITLE}.docx`)
  })

  it('stops a PDF export on Cancel while it prints, and downloads nothing', async () => {
    let downloaded = 0
    page.on('download', () => downloaded++)
    await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'PDF' }).click()
    await expect.poll(() => status().textContent()).toBe('Printing the PDF…')
    expect(await page.getByRole('button', { name: 'Exporting PDF…' }).isDisabled()).toBe(true)
    await screenshot(page, 'reports-02-exporting')
    const cancelled = page.waitForResponse(
      (r) => r.url().endsWith('/api/invoke') && r.request().postData()?.includes('"reports:cancel"') === true,
    )
    await page.getByRole('button', { name: 'Cancel export' }).click()
    expect(await (await cancelled).json()).toMatchObject({ ok: true, value: { cancelled: true } })
    printer.open()
    await expect.poll(() => status().textContent()).toBe('Export cancelled; no file was written.')
    await page.getByRole('button', { name: 'Cancel export' }).waitFor({ state: 'detached' })
    expect(
      await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'PDF' }).isEnabled(),
    ).toBe(true)
    expect(downloaded).toBe(0)
    expect(problems).toEqual([])
  })
})
