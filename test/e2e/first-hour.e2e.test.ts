import Database from 'better-sqlite3'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  closeAppInBrowser,
  launchBrowser,
  screenshot,
  startApp,
  watchConsole,
  type RunningApp,
} from './harness'

/**
 * What a new user meets in the first hour, at 1440×900 in Chromium on the real server and SQLite: the
 * starter codebooks offered on the empty Codebook page and in the empty Ctrl+K picker, code chips that
 * stay on one line, the Code field's hint under the Code field, and the evidence list using the window.
 */
describe('first hour', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    problems = watchConsole(page)
    await page.goto(app.url)
    await page.getByRole('link', { name: 'Codebook' }).waitFor()
  })

  afterAll(() => closeAppInBrowser({ browser, app }))

  it('offers the six starter codebooks on the first-run Codebook page', async () => {
    await page.getByRole('link', { name: 'Codebook' }).click()
    const starters = page.getByRole('list', { name: 'Add starter codebook' })
    await expect.poll(() => starters.getByRole('button').count()).toBe(6)
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your codebook is empty' }).isVisible())
      .toBe(true)
    await screenshot(page, 'first-hour-01-codebook-starters')
  })

  it('offers them in the empty Ctrl+K picker too; one click fills it', async () => {
    await page.getByRole('link', { name: 'Studies' }).click()
    await page.getByRole('button', { name: 'Create your first study' }).click()
    const study = page.getByRole('dialog', { name: 'New study' })
    await study.getByLabel('Name').fill('Why teams leave')
    await study.getByRole('combobox', { name: 'Method' }).selectOption('exit')
    await study.getByRole('button', { name: 'Create study' }).click()
    await page.getByRole('button', { name: 'New interview' }).click()
    await page
      .getByRole('dialog', { name: 'New interview' })
      .getByRole('button', { name: 'Create and open' })
      .click()
    const notes = page.getByRole('textbox', { name: /^Notes for:/ })
    await notes.click()
    await page.keyboard.type('The renewal price doubled overnight.')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Control+k')
    const picker = page.getByRole('dialog', { name: 'Tag the selection' })
    const starters = picker.getByRole('list', { name: 'Add starter codebook' })
    await expect.poll(() => starters.getByRole('button').count()).toBe(6)
    await expect.poll(() => picker.getByText(/Your codebook is empty/).isVisible()).toBe(true)
    await screenshot(page, 'first-hour-02-picker-starters')

    await starters.getByRole('button', { name: /^Churn reasons/ }).click()
    await expect.poll(() => picker.getByRole('status').textContent()).toContain('50 tags added')
    await page.keyboard.type('PRC-01')
    await expect.poll(() => picker.getByRole('option').first().textContent()).toMatch(/^PRC-01 /)
    await page.keyboard.press('Enter')
    await expect.poll(() => picker.isVisible()).toBe(false)
    await expect
      .poll(() => notes.locator('mark.hl').textContent())
      .toBe('The renewal price doubled overnight.')
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 })
      .toBe('All changes saved')
  })

  it('keeps every code chip on one line and puts the Code hint under the Code field', async () => {
    await page.getByRole('link', { name: 'Codebook' }).click()
    const codes = page.getByRole('navigation', { name: 'Tags' }).locator('.tag-code')
    await expect.poll(() => codes.count()).toBe(50)
    // An inline box that wraps has one client rect per line.
    const lines = await codes.evaluateAll((els) => els.map((el) => el.getClientRects().length))
    expect(lines.filter((n) => n !== 1)).toEqual([])

    await page.getByRole('button', { name: 'New tag' }).click()
    const dialog = page.getByRole('dialog', { name: /tag/i })
    const code = await dialog.getByRole('textbox', { name: 'Code' }).boundingBox()
    const name = await dialog.getByRole('textbox', { name: 'Name' }).boundingBox()
    const hint = await dialog.getByText(/Optional, e\.g\. PRC-01/).boundingBox()
    expect(hint!.x).toBeGreaterThanOrEqual(code!.x - 1)
    expect(hint!.x).toBeGreaterThan(name!.x + name!.width)
    expect(hint!.y).toBeGreaterThan(code!.y)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  })

  it('shows the evidence list in the window’s height, not a small box', async () => {
    // Forty more quotes on the saved note, arranged in the library file (tagging is tested elsewhere).
    const file = readdirSync(app.dataDir).find((f) => f.endsWith('.fieldnote'))
    const db = new Database(join(app.dataDir, file!))
    try {
      db.pragma('busy_timeout = 5000')
      const note = db
        .prepare(`select id, interview_id from interview_notes where plain_text <> ''`)
        .get() as {
        id: string
        interview_id: string
      }
      const tag = db.prepare(`select id from tags where code = 'PRC-01'`).pluck().get() as string
      const hl = db.prepare(
        'insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, ?, 0, 5, ?)',
      )
      const tagIt = db.prepare('insert into highlight_tags (highlight_id, tag_id) values (?, ?)')
      db.transaction(() => {
        for (let i = 0; i < 40; i++) {
          hl.run(
            `fh-${i}`,
            note.interview_id,
            note.id,
            `Quote ${i}: the renewal price doubled and nobody warned us.`,
          )
          tagIt.run(`fh-${i}`, tag)
        }
      })()
    } finally {
      db.close()
    }
    await page.getByRole('link', { name: 'Evidence & search' }).click()
    await page.reload()
    await expect
      .poll(() => page.getByTestId('evidence-counts').textContent())
      .toBe('41 highlights · 0 participants · 0 companies')
    const quotes = page.getByRole('region', { name: 'Quotes' })
    await quotes.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    // The page scrolls as one: with the filters scrolled away, the quotes fill the 900-pixel window.
    const visible = () =>
      quotes.locator('li[aria-posinset]').evaluateAll(
        (lis) =>
          lis.filter((li) => {
            const r = li.getBoundingClientRect()
            return r.top >= 0 && r.bottom <= window.innerHeight
          }).length,
      )
    await expect.poll(visible).toBeGreaterThanOrEqual(7)
    await screenshot(page, 'first-hour-03-evidence-list')
  })

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([])
  })
})
