import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAppInBrowser, openAppInBrowser, screenshot, type BrowserSession } from './harness'

const G = (n: number) => `0f9e1c2a-6666-4a2b-9c3d-${String(n).padStart(12, '0')}`

/** A project as NVivo writes one: CRLF text counted as two characters, a lower-case sources folder. */
function nvivoProject(dir: string): string {
  const text = 'Why did you cancel?\r\nThe invoices doubled overnight.\r\nSupport never answered.'
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Churn calls (NVivo)" origin="NVivo 14">
  <CodeBook><Codes>
    <Code guid="${G(1)}" name="Billing shock" isCodable="true" color="#CC3333"/>
    <Code guid="${G(2)}" name="Support silence" isCodable="true" color="#3366CC"/>
  </Codes></CodeBook>
  <Cases><Case guid="${G(3)}" name="Mira Holt"><SourceRef targetGUID="${G(4)}"/></Case></Cases>
  <Sources><TextSource guid="${G(4)}" name="Call with Mira" plainTextPath="internal://${G(4)}.txt">
    <PlainTextSelection guid="${G(5)}" startPosition="21" endPosition="52"><Coding guid="${G(6)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="${G(7)}" startPosition="54" endPosition="77"><Coding guid="${G(8)}"><CodeRef targetGUID="${G(2)}"/></Coding></PlainTextSelection>
  </TextSource></Sources>
</Project>`
  const path = join(dir, 'churn-calls.qdpx')
  writeFileSync(path, zipSync({ 'project.qde': strToU8(qde), [`sources/${G(4)}.txt`]: strToU8(text) }))
  return path
}

describe('a REFI-QDA project imported in the browser', () => {
  let s: BrowserSession
  let dir: string
  beforeAll(async () => {
    s = await openAppInBrowser()
    dir = mkdtempSync(join(tmpdir(), 'fieldnote-qdpx-e2e-'))
  }, 60_000)
  afterAll(async () => {
    await closeAppInBrowser(s)
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports the .qdpx on the Studies page and shows its codings on the same words in the evidence list', async () => {
    const { page } = s
    await page.getByRole('link', { name: 'Studies' }).click()
    await page.getByLabel('Import a REFI-QDA project…').setInputFiles(nvivoProject(dir))
    const dialog = page.getByRole('dialog', { name: 'Imported “Churn calls (NVivo)”' })
    await dialog.getByText('From NVivo 14.').waitFor()
    await screenshot(page, 'qdpx-01-import-report')
    await dialog.getByRole('button', { name: 'Open the study' }).click()
    await page.getByRole('heading', { name: 'Churn calls (NVivo)', level: 2 }).waitFor()

    await page.getByRole('link', { name: 'Evidence & search' }).click()
    await expect
      .poll(() => page.getByTestId('evidence-counts').textContent())
      .toBe('2 highlights · 1 participant · 0 companies')
    const quotes = page.getByRole('region', { name: 'Quotes' })
    await quotes.getByText('The invoices doubled overnight.').waitFor()
    await quotes.getByText('Support never answered.').waitFor()
    await page.getByRole('combobox', { name: 'Tag (with sub-tags)' }).selectOption({ label: 'Billing shock' })
    await expect
      .poll(() => page.getByTestId('evidence-counts').textContent())
      .toBe('1 highlight · 1 participant · 0 companies')
    await screenshot(page, 'qdpx-02-evidence')
    expect(s.problems).toEqual([])
  }, 90_000)
})
