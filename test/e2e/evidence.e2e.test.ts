import Database from 'better-sqlite3'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { screenshot, type RunningApp, openAppInBrowser, closeAppInBrowser } from './harness'

/**
 * A researcher writes notes in an interview, then finds them again: the search box on "Evidence & search"
 * finds the note as they type, highlights the match, and opens the interview at that question.
 */
describe('evidence and search', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;({ browser, app, page, problems } = await openAppInBrowser())
  })

  afterAll(() => closeAppInBrowser({ browser, app }))

  it('shows what to do while there is no evidence', async () => {
    await page.getByRole('link', { name: 'Evidence & search' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'No evidence yet' }).isVisible()).toBe(true)
    expect(await page.getByTestId('evidence-counts').textContent()).toBe(
      '0 highlights · 0 participants · 0 companies',
    )
    await screenshot(page, 'evidence-01-empty')
  })

  it('takes notes in an interview created through the UI', async () => {
    await page.getByRole('link', { name: 'Companies' }).click()
    await page.getByRole('button', { name: 'New company' }).click()
    const dialog = page.getByRole('dialog', { name: 'New company' })
    await dialog.getByLabel('Name').fill('Northwind Freight')
    await dialog.getByRole('combobox', { name: 'Segment' }).selectOption('B')
    await dialog.getByRole('button', { name: 'Create company' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Northwind Freight', level: 2 }).isVisible())
      .toBe(true)
    await page.getByRole('button', { name: 'New person' }).click()
    const person = page.getByRole('dialog', { name: 'New person' })
    await person.getByLabel('Name').fill('Mira Holt')
    await person.getByRole('button', { name: 'Add person' }).click()
    await expect.poll(() => page.getByRole('link', { name: 'Mira Holt' }).isVisible()).toBe(true)

    await page.getByRole('link', { name: 'Studies' }).click()
    await page.getByRole('button', { name: 'Create your first study' }).click()
    const study = page.getByRole('dialog', { name: 'New study' })
    await study.getByLabel('Name').fill('Why freight teams leave')
    await study.getByRole('combobox', { name: 'Method' }).selectOption('jtbd_switch')
    await study.getByRole('button', { name: 'Create study' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Why freight teams leave' }).isVisible())
      .toBe(true)
    await page.getByRole('button', { name: 'New interview' }).click()
    const iv = page.getByRole('dialog', { name: 'New interview' })
    await iv
      .getByRole('combobox', { name: 'Participant' })
      .selectOption({ label: 'Mira Holt — Northwind Freight' })
    await iv.getByRole('button', { name: 'Create and open' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Start interview' }).isVisible()).toBe(true)

    const notes = [
      'Dispatch ran on spreadsheets for years.',
      'The invoice reconciliation took <b>three</b> days every month.',
    ]
    for (const [i, text] of notes.entries()) {
      await page.getByRole('textbox', { name: /^Notes for:/ }).click()
      await page.keyboard.type(text)
      if (i < notes.length - 1) await page.keyboard.press('Alt+ArrowDown')
    }
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 })
      .toBe('All changes saved')
  })

  it('finds a note as you type, marks the match and opens the interview', async () => {
    await page.getByRole('link', { name: 'Evidence & search' }).click()
    const box = page.getByRole('searchbox', { name: /Search notes, transcripts/ })
    await box.click()
    await page.keyboard.type('reconcil')
    const results = page.getByRole('list', { name: 'Interview notes' })
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1)
    expect(await page.getByRole('region', { name: 'Search results' }).getByRole('listitem').count()).toBe(1)
    const hit = results.getByRole('listitem').first()
    expect(await hit.locator('mark').allTextContents()).toEqual(['reconciliation'])
    // The user's markup is shown as text, not run as HTML.
    expect(await hit.locator('b').count()).toBe(0)
    expect(await hit.textContent()).toContain('<b>three</b>')
    expect(await hit.textContent()).toContain('Why freight teams leave · Mira Holt · Northwind Freight (B)')
    await screenshot(page, 'evidence-02-search')

    await hit.getByRole('link', { name: /Open interview Mira Holt/ }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Mira Holt', level: 1 }).isVisible()).toBe(true)
    expect(page.url()).toMatch(/#\/interview\/[^/]+\/[^/]+$/)
  })

  it('lists tagged quotes with counts and filters them by a parent tag', async () => {
    // Tagging is another screen's job; arrange two highlights on the saved notes directly in the library file.
    const file = readdirSync(app.dataDir).find((f) => f.endsWith('.fieldnote'))
    expect(file).toBeDefined()
    const db = new Database(join(app.dataDir, file!))
    try {
      db.pragma('busy_timeout = 5000')
      const notes = db
        .prepare(
          `select id, interview_id, plain_text from interview_notes where plain_text <> '' order by plain_text`,
        )
        .all() as { id: string; interview_id: string; plain_text: string }[]
      expect(notes).toHaveLength(2)
      db.prepare(
        `insert into tags (id, parent_id, name, color) values ('t-manual', null, 'Manual work', '#c2410c'), ('t-sheets', 't-manual', 'Spreadsheets', '#ea580c'), ('t-billing', null, 'Billing', '#2563eb')`,
      ).run()
      const hl = db.prepare(
        'insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote, memo) values (?, ?, ?, 0, ?, ?, ?)',
      )
      hl.run(
        'e2e-h1',
        notes[0]!.interview_id,
        notes[0]!.id,
        notes[0]!.plain_text.length,
        notes[0]!.plain_text,
        'Classic push',
      )
      hl.run(
        'e2e-h2',
        notes[1]!.interview_id,
        notes[1]!.id,
        notes[1]!.plain_text.length,
        notes[1]!.plain_text,
        '',
      )
      db.prepare(
        `insert into highlight_tags (highlight_id, tag_id) values ('e2e-h1', 't-sheets'), ('e2e-h2', 't-billing'), ('e2e-h2', 't-manual')`,
      ).run()
    } finally {
      db.close()
    }
    await page.getByRole('link', { name: 'Evidence & search' }).click()
    await page.reload()
    await expect
      .poll(() => page.getByTestId('evidence-counts').textContent())
      .toBe('2 highlights · 1 participant · 1 company')
    const quotes = page.getByRole('region', { name: 'Quotes' })
    await expect.poll(() => quotes.getByRole('button', { name: 'Copy quote' }).count()).toBe(2)
    await page.getByRole('combobox', { name: 'Tag (with sub-tags)' }).selectOption({ label: 'Manual work' })
    await expect
      .poll(() => page.getByTestId('evidence-counts').textContent())
      .toBe('2 highlights · 1 participant · 1 company')
    await page.getByRole('combobox', { name: 'Tag (with sub-tags)' }).selectOption({ label: 'Billing' })
    await expect
      .poll(() => page.getByTestId('evidence-counts').textContent())
      .toBe('1 highlight · 1 participant · 1 company')
    await page.getByRole('button', { name: 'Clear filters' }).first().click()
    await page.getByRole('checkbox', { name: 'Group by tag' }).check()
    await expect.poll(() => page.getByRole('table', { name: 'Highlights by tag' }).isVisible()).toBe(true)
    await screenshot(page, 'evidence-03-browser')
    await quotes.getByRole('link', { name: 'Open in interview' }).first().click()
    await expect.poll(() => page.getByRole('heading', { name: 'Mira Holt', level: 1 }).isVisible()).toBe(true)
  })

  it('mounts only the quotes in view of thousands, and loads further pages as the list scrolls', async () => {
    const file = readdirSync(app.dataDir).find((f) => f.endsWith('.fieldnote'))
    const db = new Database(join(app.dataDir, file!))
    try {
      db.pragma('busy_timeout = 5000')
      const note = db
        .prepare(`select id, interview_id from interview_notes where plain_text <> '' limit 1`)
        .get() as { id: string; interview_id: string }
      const hl = db.prepare(
        'insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, ?, 0, 5, ?)',
      )
      db.transaction(() => {
        for (let i = 0; i < 5000; i++) hl.run(`bulk-${i}`, note.interview_id, note.id, `Bulk quote ${i}`)
      })()
    } finally {
      db.close()
    }
    await page.getByRole('link', { name: 'Evidence & search' }).click()
    await page.reload()
    await page.getByRole('checkbox', { name: 'Group by tag' }).uncheck()
    await expect
      .poll(() => page.getByTestId('evidence-counts').textContent())
      .toBe('5,002 highlights · 1 participant · 1 company')
    const quotes = page.getByRole('region', { name: 'Quotes' })
    const rows = quotes.locator('li[aria-posinset]')
    const deepest = () =>
      rows.evaluateAll((lis) => Math.max(...lis.map((li) => Number(li.getAttribute('aria-posinset')))))
    // A screenful plus overscan is in the page, not thousands of rows.
    await expect.poll(() => rows.count()).toBeGreaterThan(3)
    expect(await rows.count()).toBeLessThan(40)
    expect(await rows.first().getAttribute('aria-setsize')).toBe('5002')
    // Scrolling to the end of what is loaded (200 per page) fetches the next pages; still only a screenful.
    // The quotes scroll with the page (the app's content area), not in a box of their own.
    const content = page.locator('main.content')
    for (let i = 0; i < 12 && (await deepest()) < 450; i++) {
      await content.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
      await page.waitForTimeout(150)
    }
    expect(await deepest()).toBeGreaterThanOrEqual(450)
    expect(await rows.count()).toBeLessThan(40)
    await screenshot(page, 'evidence-04-deep-scroll')
  })

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([])
  })
})
