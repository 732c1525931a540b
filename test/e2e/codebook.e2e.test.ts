import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  launchBrowser,
  screenshot,
  startApp,
  watchConsole,
  type RunningApp,
  closeAppInBrowser,
} from './harness'

/**
 * The codebook through the real UI, handlers and SQLite: seed the churn-reason starter, rename a reason,
 * delete a category and undo it, export the codebook as .qdc.
 */
describe('codebook', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })
    problems = watchConsole(page)
    await page.goto(app.url)
    await page.getByRole('link', { name: 'Codebook' }).waitFor()
  })

  afterAll(() => closeAppInBrowser({ browser, app }))

  const tree = () => page.getByRole('navigation', { name: 'Tags' })

  it('seeds the churn-reason starter codebook from the empty state', async () => {
    await page.getByRole('link', { name: 'Codebook' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your codebook is empty' }).isVisible())
      .toBe(true)
    await screenshot(page, 'codebook-01-empty')
    await page.getByRole('button', { name: 'Churn reasons (10 categories, 40 codes)' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('50 tags added')
    await expect.poll(() => tree().getByRole('link').count()).toBe(50)
  })

  it('renames a reason; the old name stays as an alias', async () => {
    await tree()
      .getByRole('link', { name: /PRC-01/ })
      .click()
    const name = page.getByRole('textbox', { name: 'Name' })
    await expect.poll(() => name.inputValue()).toBe('Price too high / poor price-value')
    await name.fill('Too expensive for the value')
    await page.getByRole('button', { name: 'Save tag' }).click()
    await expect
      .poll(() => page.getByText('Also known as: Price too high / poor price-value').isVisible())
      .toBe(true)
    await expect
      .poll(() =>
        tree()
          .getByRole('link', { name: /PRC-01 Too expensive for the value/ })
          .isVisible(),
      )
      .toBe(true)
    await screenshot(page, 'codebook-02-tag-editor')
  })

  it('deletes a category with its reasons after showing the impact, then undoes it', async () => {
    await tree()
      .getByRole('link', { name: /^PRC Price and commercial terms/ })
      .click()
    await page.getByRole('button', { name: 'Delete tag…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete tag “Price and commercial terms”?' })
    await expect
      .poll(() => dialog.getByText('This deletes the tag and its sub-tags: 6 tags in all.').isVisible())
      .toBe(true)
    await expect.poll(() => dialog.getByText('No highlights use these tags.').isVisible()).toBe(true)
    await screenshot(page, 'codebook-03-delete-impact')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => tree().getByRole('link').count()).toBe(44)
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Deleted “Price and commercial terms”.')
    await screenshot(page, 'codebook-04-undo')
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => tree().getByRole('link').count()).toBe(50)
    await expect
      .poll(() =>
        tree()
          .getByRole('link', { name: /PRC-01 Too expensive for the value/ })
          .isVisible(),
      )
      .toBe(true)
  })

  it('merges a reason into another after explaining it, then undoes the merge', async () => {
    await tree()
      .getByRole('link', { name: /PRC-02/ })
      .click()
    const mergeInto = page.getByRole('combobox', { name: 'Merge into' })
    const target = mergeInto.locator('option', { hasText: 'Too expensive for the value' })
    await mergeInto.selectOption((await target.getAttribute('value'))!)
    await expect.poll(() => page.getByText(/You can undo this right after\./).isVisible()).toBe(true)
    await page.getByRole('button', { name: /^Merge into “Too expensive for the value”/ }).click()
    await expect.poll(() => tree().getByRole('link').count()).toBe(49)
    await expect.poll(() => page.getByRole('status').textContent()).toContain('was merged into')
    await screenshot(page, 'codebook-04b-merge-undo')
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => tree().getByRole('link').count()).toBe(50)
    await expect
      .poll(() =>
        tree()
          .getByRole('link', { name: /PRC-02/ })
          .isVisible(),
      )
      .toBe(true)
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Restored')
  })

  it('adds another starter from the menu, filters, and exports a .qdc file', async () => {
    await page.getByRole('button', { name: /Add starter codebook/ }).click()
    await page.getByRole('menuitem', { name: 'JTBD forces (push, pull, anxiety, habit)' }).click()
    await expect.poll(() => tree().getByRole('link').count()).toBe(55)
    await page.getByRole('searchbox', { name: 'Find a tag' }).fill('anxiety')
    await expect.poll(() => tree().getByRole('link').count()).toBe(2)
    await page.getByRole('searchbox', { name: 'Find a tag' }).fill('')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export .qdc' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^Fieldnote codebook \d{4}-\d{2}-\d{2}\.qdc$/)
    const path = await download.path()
    const xml = readFileSync(path, 'utf8')
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"')
    expect(xml).toContain('name="Too expensive for the value"')
    await tree()
      .getByRole('link', { name: /PRC-02/ })
      .click()
    await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).isVisible()).toBe(true)
    await screenshot(page, 'codebook-05-tree')
    expect(problems).toEqual([])
  })

  it('in Russian, seeds a starter with Russian names', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru')
    await page.getByRole('button', { name: /Добавить готовую кодовую книгу/ }).click()
    await page.getByRole('menuitem', { name: 'Эмоции (−2 … +2)' }).click()
    const ruTree = page.getByRole('navigation', { name: 'Теги' })
    await expect
      .poll(() => ruTree.getByRole('link', { name: /Очень негативно \(−2\)/ }).isVisible())
      .toBe(true)
    await ruTree.getByRole('link', { name: /Очень негативно/ }).click()
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Название' }).inputValue())
      .toBe('Очень негативно (−2)')
    await screenshot(page, 'codebook-06-ru')
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en')
    expect(problems).toEqual([])
  })
})
