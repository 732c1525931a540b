import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  screenshot,
  startApp,
  watchConsole,
  type RunningApp,
  openAppInBrowser,
  closeAppInBrowser,
} from './harness'

async function createStudyWithInterview(page: Page, studyName: string): Promise<string> {
  await page.getByRole('link', { name: 'Studies' }).click()
  await page.getByRole('button', { name: 'New study' }).click()
  const dialog = page.getByRole('dialog', { name: 'New study' })
  await dialog.getByLabel('Name').fill(studyName)
  await dialog.getByRole('combobox', { name: 'Method' }).selectOption('exit')
  await dialog.getByRole('button', { name: 'Create study' }).click()
  await page.getByRole('button', { name: 'New interview' }).click()
  await page
    .getByRole('dialog', { name: 'New interview' })
    .getByRole('button', { name: 'Create and open' })
    .click()
  await expect.poll(() => page.getByRole('button', { name: 'Start interview' }).isVisible()).toBe(true)
  return page.evaluate(() => window.location.hash)
}

describe('durability, libraries and the other screens', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;({ browser, app, page, problems } = await openAppInBrowser())
  })

  afterAll(() => closeAppInBrowser({ browser, app }))

  it('keeps notes typed right before the window closes', async () => {
    const hash = await createStudyWithInterview(page, 'Cancellations in Q3')
    await page.getByRole('textbox', { name: /^Notes for:/ }).click()
    await page.keyboard.type('Price went up 30% at renewal')
    // No waiting for the save indicator: close at once, as a user closing the laptop would.
    await page.close({ runBeforeUnload: true })

    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    problems.push(...watchConsole(page))
    await app.stop()
    app = await startApp(app.dataDir)
    await page.goto(app.url)
    await page.evaluate((h) => (window.location.hash = h), hash)
    await expect
      .poll(() => page.getByRole('textbox', { name: /^Notes for:/ }).textContent())
      .toContain('Price went up 30% at renewal')
  })

  it('shows scripts: built-in templates read-only, duplicated copies editable', async () => {
    await page.getByRole('link', { name: 'Scripts' }).click()
    await page
      .getByRole('link', { name: /Exit interview.*EN/ })
      .first()
      .click()
    await expect.poll(() => page.getByText('Built-in templates cannot be changed').isVisible()).toBe(true)
    await screenshot(page, '05-scripts-template')
    await page.getByRole('button', { name: 'Duplicate' }).click()
    await expect.poll(() => page.getByRole('heading', { name: /^Edit “/ }).isVisible()).toBe(true)
    const firstQuestion = page.getByRole('textbox', { name: 'Question 1' }).first()
    await firstQuestion.fill('Why are you cancelling today?')
    // Leaving with unsaved script edits asks first; staying keeps them on screen.
    const asked: string[] = []
    page.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()))
    await page.getByRole('link', { name: 'Companies' }).click()
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toMatch(/^Your changes to “.+” are not saved\. Leave and lose them\?$/)
    expect(await firstQuestion.inputValue()).toBe('Why are you cancelling today?')
    expect(page.url()).toContain('#/scripts/')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Saved' }).isVisible()).toBe(true)
    await screenshot(page, '06-script-editor')
  })

  it('shows each segment’s share of MRR beside the 80/20 expectation', async () => {
    await page.getByRole('link', { name: 'Companies' }).click()
    for (const [name, segment, mrr] of [
      ['Northwind', 'A', '5000'],
      ['Contoso', 'B', '3000'],
      ['Tailspin', 'C', '1500'],
      ['Fabrikam', 'D', '500'],
    ] as const) {
      await page.getByRole('button', { name: 'New company' }).click()
      const dialog = page.getByRole('dialog', { name: 'New company' })
      await dialog.getByLabel('Name').fill(name)
      await dialog.getByRole('combobox', { name: 'Segment' }).selectOption(segment)
      await dialog.getByLabel('MRR').fill(mrr)
      await dialog.getByRole('button', { name: 'Create company' }).click()
      await expect.poll(() => page.getByRole('heading', { name, level: 2 }).isVisible()).toBe(true)
    }
    await page.getByRole('link', { name: 'Companies' }).click()
    // "about 80%" is in the sentence whatever the share is, so wait for the measured figure itself.
    await expect
      .poll(() => page.getByTestId('ab-share').textContent())
      .toContain('Segments A+B bring 80.0% of active MRR')
    await screenshot(page, '07-companies-shares')
  })

  it('refuses a file that is not a library, with a clear message, and leaves it untouched', async () => {
    const notALibrary = join(app.dataDir, 'meeting-notes.fieldnote')
    writeFileSync(notALibrary, 'Just some text, not a database.\n')
    const before = createHash('sha256').update(readFileSync(notALibrary)).digest('hex')
    await page.getByRole('link', { name: 'Library' }).click()
    await page.getByRole('textbox', { name: 'Full path of a library file' }).fill(notALibrary)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('is not a Fieldnote library')
    expect(createHash('sha256').update(readFileSync(notALibrary)).digest('hex')).toBe(before)
    await screenshot(page, '08-library')
  })

  it('creates a second library and switches between them', async () => {
    const second = join(app.dataDir, 'Client B.fieldnote')
    await page.getByRole('textbox', { name: 'Full path of the new library file' }).fill(second)
    await page.getByRole('button', { name: 'Create library' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'No studies yet' }).isVisible()).toBe(true)
    await page.getByRole('link', { name: 'Library' }).click()
    await page.getByRole('button', { name: /^Open .*Fieldnote Library\.fieldnote$/ }).click()
    await expect.poll(() => page.getByRole('link', { name: /Cancellations in Q3/ }).isVisible()).toBe(true)
  })

  it('ran without console errors or CSP violations', () => {
    expect(problems.filter((p) => !p.includes('status of 4'))).toEqual([])
  })
})
