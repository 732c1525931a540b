import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { screenshot, startApp, type RunningApp, openAppInBrowser, closeAppInBrowser } from './harness'

/**
 * A new user's first interview, end to end through the real UI, the real handlers and a real SQLite file:
 * study → company → person → JTBD interview from the built-in script → notes on three questions → NPS 9 →
 * restart the app server → everything is still there.
 */
describe('first interview, as a new user', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;({ browser, app, page, problems } = await openAppInBrowser())
  })

  afterAll(() => closeAppInBrowser({ browser, app }))

  it('shows an empty library with a clear next step', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'No studies yet' }).isVisible()).toBe(true)
    await screenshot(page, '01-studies-empty')
  })

  it('adds a company and a participant', async () => {
    await page.getByRole('link', { name: 'Companies' }).click()
    await page.getByRole('button', { name: 'New company' }).click()
    const dialog = page.getByRole('dialog', { name: 'New company' })
    await dialog.getByLabel('Name').fill('Acme Logistics')
    await dialog.getByRole('combobox', { name: 'Segment' }).selectOption('B')
    await dialog.getByLabel('Plan').fill('Growth')
    await dialog.getByLabel('MRR').fill('1200')
    await dialog.getByLabel('Customer since').fill('2025-03-01')
    await dialog.getByRole('button', { name: 'Create company' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Acme Logistics', level: 2 }).isVisible())
      .toBe(true)
    await page.getByRole('button', { name: 'New person' }).click()
    const person = page.getByRole('dialog', { name: 'New person' })
    await person.getByLabel('Name').fill('Dana Park')
    await person.getByLabel('Role').fill('Head of Operations')
    expect(await person.getByRole('combobox', { name: 'Company' }).inputValue()).not.toBe('')
    await person.getByRole('button', { name: 'Add person' }).click()
    await expect.poll(() => page.getByRole('link', { name: 'Dana Park' }).isVisible()).toBe(true)
    await screenshot(page, '02-company')
  })

  it('creates a JTBD study and starts an interview from the built-in script', async () => {
    await page.getByRole('link', { name: 'Studies' }).click()
    await page.getByRole('button', { name: 'Create your first study' }).click()
    const dialog = page.getByRole('dialog', { name: 'New study' })
    await dialog.getByLabel('Name').fill('Why operations teams switch')
    await dialog.getByLabel('Research goal').fill('Learn what pushes logistics teams to switch tools.')
    await dialog.getByRole('combobox', { name: 'Method' }).selectOption('jtbd_switch')
    await dialog.getByRole('button', { name: /Patterns/ }).click()
    await dialog.getByRole('button', { name: 'Create study' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Why operations teams switch' }).isVisible())
      .toBe(true)
    await screenshot(page, '03-study')

    await page.getByRole('button', { name: 'New interview' }).click()
    const iv = page.getByRole('dialog', { name: 'New interview' })
    await iv
      .getByRole('combobox', { name: 'Participant' })
      .selectOption({ label: 'Dana Park — Acme Logistics' })
    const script = await iv.getByRole('combobox', { name: 'Script' }).inputValue()
    expect(script).toBe('builtin:jtbd-switch:en')
    await iv.getByRole('button', { name: 'Create and open' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Start interview' }).isVisible()).toBe(true)
  })

  it('takes notes on three questions with the keyboard and records NPS 9', async () => {
    await page.getByRole('button', { name: 'Start interview' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true)

    const notes = [
      'Runs a team of 12 dispatchers.',
      'Spreadsheets broke at 400 orders a day.',
      'Tried two tools before us.',
    ]
    for (const [i, text] of notes.entries()) {
      const editor = page.getByRole('textbox', { name: /^Notes for:/ })
      await editor.click()
      await page.keyboard.type(text)
      if (i < notes.length - 1) await page.keyboard.press('Alt+ArrowDown')
    }
    await expect.poll(() => page.getByRole('heading', { name: /^Q3 of/ }).isVisible()).toBe(true)

    await page.getByRole('radio', { name: 'NPS: 9' }).first().click()
    await page.getByLabel('Main reason for the score').first().fill('Saves us an hour a day')
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 })
      .toBe('All changes saved')
    // Every paragraph carries the interview time at which it was written.
    await expect(page.locator('.notes-editor p[data-elapsed-label]').first()).toBeDefined()
    expect(await page.locator('.notes-editor p[data-elapsed-label]').count()).toBeGreaterThan(0)
    await screenshot(page, '04-interview-runner')
  })

  it('finds everything as it was after the app server restarts', async () => {
    await app.stop()
    app = await startApp(app.dataDir)
    await page.goto(app.url)
    await page.getByRole('link', { name: 'Why operations teams switch' }).click()
    await expect.poll(() => page.getByTestId('metric-nps').textContent()).toBe('100')
    await page.getByRole('link', { name: 'Dana Park' }).click()
    // Reopens at the question where the interviewer left off.
    await expect.poll(() => page.getByRole('heading', { name: /^Q3 of/ }).isVisible()).toBe(true)
    await expect
      .poll(() => page.getByRole('textbox', { name: /^Notes for:/ }).textContent())
      .toContain('Tried two tools before us.')
    await page.keyboard.press('Alt+ArrowUp')
    await expect
      .poll(() => page.getByRole('textbox', { name: /^Notes for:/ }).textContent())
      .toContain('Spreadsheets broke at 400 orders a day.')
    await page.keyboard.press('Alt+ArrowUp')
    await expect
      .poll(() => page.getByRole('textbox', { name: /^Notes for:/ }).textContent())
      .toContain('Runs a team of 12 dispatchers.')
    expect(await page.getByRole('radio', { name: 'NPS: 9' }).first().getAttribute('aria-checked')).toBe(
      'true',
    )
    expect(await page.getByLabel('Main reason for the score').first().inputValue()).toBe(
      'Saves us an hour a day',
    )
  })

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([])
  })
})
