import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshot, startApp, watchConsole, type RunningApp } from './harness'

/** The library page explains a bad path once, and its picker walks folders the server lists. */
describe('Library page in browser mode', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]
  let base: string
  const missing = () => join(base, 'Typo.fieldnote')

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'fieldnote-picker-'))
    mkdirSync(join(base, 'research', 'Clients'), { recursive: true })
    writeFileSync(join(base, 'research', 'notes.txt'), 'not a library')
    browser = await launchBrowser()
    app = await startApp(join(base, 'data'), ['--port', '0', '--library', missing()])
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    problems = watchConsole(page)
    await page.goto(app.url)
    await page.getByRole('link', { name: 'Library' }).click()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    rmSync(base, { recursive: true, force: true })
  })

  it('--library with a missing file says so on the screen, once, naming the path', async () => {
    const status = page.getByRole('status').filter({ hasText: 'No library is open' })
    await status.getByRole('alert').waitFor()
    await expect
      .poll(() => status.getByRole('alert').textContent())
      .toBe(`Library not found: There is no library at “${missing()}”.`)
    expect((await page.locator('body').innerText()).split(missing()).length - 1).toBe(1)
    expect(existsSync(missing())).toBe(false)
    await screenshot(page, 'library-01-startup-not-found')
  })

  it('opening a folder by its path says it is a folder, without "Something went wrong"', async () => {
    const folder = join(base, 'research')
    await page.getByRole('textbox', { name: 'Full path of a library file' }).fill(folder)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'That is a folder' })
    await alert.waitFor()
    expect(await alert.textContent()).toBe(
      `That is a folder: “${folder}” is a folder, not a library file. Open a .fieldnote file inside it, or add a file name to create a new library there.`,
    )
    expect(await page.getByText('Something went wrong').count()).toBe(0)
  })

  it('"Choose where to create…" walks folders and creates the library in the one chosen', async () => {
    await page.getByRole('button', { name: 'Choose where to create…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Choose a folder for the new library' })
    // It starts in the data folder (no library is open); walk up, then down into research › Clients.
    await expect.poll(() => dialog.locator('.path').innerText()).toContain(join(base, 'data'))
    await dialog.getByRole('button', { name: 'Up one folder' }).click()
    await dialog.getByRole('button', { name: 'Go into folder research' }).click()
    const list = dialog.getByRole('list', { name: `Contents of ${join(base, 'research')}`, exact: true })
    await list.waitFor()
    // Only folders and library files are listed: notes.txt is not.
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual(['▸ Clients'])
    await list.getByRole('button', { name: 'Go into folder Clients' }).click()
    await dialog.getByRole('textbox', { name: 'File name' }).fill('Acme research')
    await screenshot(page, 'library-03-picker-create')
    await dialog.getByRole('button', { name: 'Create here' }).click()
    await page.getByRole('heading', { name: 'Studies', exact: true }).waitFor()
    expect(existsSync(join(base, 'research', 'Clients', 'Acme research.fieldnote'))).toBe(true)
  })

  it('"Choose a library file…" opens a library picked from the list', async () => {
    await page.getByRole('link', { name: 'Library' }).click()
    await page.getByRole('textbox', { name: 'Full path of the new library file' }).fill(join(base, 'Other'))
    await page.getByRole('button', { name: 'Create library' }).click()
    await page.getByRole('heading', { name: 'Studies', exact: true }).waitFor()
    await page.getByRole('link', { name: 'Library' }).click()
    await page.getByText('Other', { exact: true }).waitFor()

    await page.getByRole('button', { name: 'Choose a library file…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Choose a library file' })
    // It starts beside the open library (Other.fieldnote in base).
    const list = dialog.getByRole('list', { name: `Contents of ${base}`, exact: true })
    await list.waitFor()
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual([
      '▸ data',
      '▸ research',
      'Other.fieldnote',
    ])
    await list.getByRole('button', { name: 'Go into folder research' }).click()
    await dialog.getByRole('button', { name: 'Go into folder Clients' }).click()
    await dialog.getByRole('button', { name: /Acme research\.fieldnote$/ }).waitFor()
    await screenshot(page, 'library-02-picker-open')
    await dialog.getByRole('button', { name: /Acme research\.fieldnote$/ }).click()
    await page.getByRole('heading', { name: 'Studies', exact: true }).waitFor()
    await page.getByRole('link', { name: 'Library' }).click()
    await page.getByText('Acme research', { exact: true }).waitFor()
    expect(problems).toEqual([])
  })
})
