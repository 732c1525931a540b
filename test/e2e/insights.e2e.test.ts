import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { closeAppInBrowser, openAppInBrowser, screenshot, type RunningApp } from './harness'
import { seedExitStudy, type ExitCustomer } from './seed-exit-study'

/** Three churned customers of an exit study, each with a transcript and a quote tagged with a churn reason. */
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
    segment: 'B',
    person: 'Bo Park',
    said: 'We could not justify the cost any more',
    reason: 'PRC-01',
  },
  {
    company: 'Cedar Labs',
    segment: 'C',
    person: 'Cy Ito',
    said: 'Nobody answered our support tickets',
    reason: 'SUP-01',
  },
] as const satisfies readonly ExitCustomer[]

/**
 * Issue 12 in Chromium: two quotes chosen in the evidence list become an insight whose confidence is worded;
 * a quote marked against lowers it; a churn reason becomes an insight too; a report presents them.
 */
describe('insights', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;({ browser, app, page, problems } = await openAppInBrowser())
    await seedExitStudy(app, PEOPLE, 5)
    await page.reload() // the data was made behind the UI's back
  })
  afterAll(() => closeAppInBrowser({ browser, app }))

  const reasons = () => page.getByRole('list', { name: 'Why this score' })
  const badgeText = () => page.locator('.insight-confidence .confidence').textContent()

  it('makes an insight from two quotes chosen in the evidence list', async () => {
    await page.getByRole('link', { name: 'Evidence & search' }).click()
    const quotes = page.getByRole('region', { name: 'Quotes' })
    await quotes.getByRole('checkbox', { name: /^Choose “The renewal price doubled/ }).waitFor()
    // Keyboard alone: focus the box, Space ticks it.
    await quotes.getByRole('checkbox', { name: /^Choose “The renewal price doubled/ }).focus()
    await page.keyboard.press('Space')
    await quotes.getByRole('checkbox', { name: /^Choose “We could not justify/ }).check()
    await page.getByRole('region', { name: '2 quotes chosen' }).waitFor()
    await screenshot(page, 'insights-03-from-evidence')
    await page.getByRole('button', { name: 'Create insight from 2 quotes' }).click()

    const dialog = page.getByRole('dialog', { name: 'New insight' })
    await dialog.getByText('From: 2 quotes chosen').waitFor()
    expect(await dialog.getByRole('combobox', { name: 'Study' }).inputValue()).not.toBe('')
    await dialog.getByRole('textbox', { name: 'Statement' }).click()
    await page.keyboard.type('Price rises at renewal push ')
    await page.keyboard.press('Control+b')
    await page.keyboard.type('small')
    await page.keyboard.press('Control+b')
    await page.keyboard.type(' teams away')
    await screenshot(page, 'insights-04-dialog')
    await dialog.getByRole('button', { name: 'Create insight' }).click()
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/^Insight created: .+, 2 quotes\.$/)
    await dialog.getByRole('button', { name: 'Open insight' }).click()

    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/insights\/.+/)
    // 2 companies 25 + 2 participants 10 + segments A, B 10 + one method 5 + today 10 = 60: medium.
    await expect.poll(() => badgeText()).toBe('Medium · 60')
    for (const reason of [
      '2 companies: +25',
      '2 participants: +10',
      'Segments A, B: +10',
      'Methods Exit interview: +5',
    ])
      expect(await reasons().getByText(reason).isVisible()).toBe(true)
    expect(await page.getByRole('textbox', { name: 'Statement' }).locator('strong').textContent()).toBe(
      'small',
    )
  })

  it('a quote marked against lowers the score, with the reason worded', async () => {
    const stance = page.getByRole('group', { name: /^Stance of “We could not justify/ })
    await stance.getByRole('button', { name: 'Against' }).click()
    // Acme for, Birch against: round(base × 1 / 2), the base now one company's worth.
    await expect
      .poll(() =>
        reasons()
          .getByText(/^1 against, 1 for: −\d+$/)
          .isVisible(),
      )
      .toBe(true)
    const score = Number((await badgeText())?.replace(/\D+/g, ''))
    expect(score).toBeLessThan(60)
    expect(await stance.getByRole('button', { name: 'Against' }).getAttribute('aria-pressed')).toBe('true')
    await page.getByRole('combobox', { name: 'Status' }).selectOption('validated')
    await page.getByRole('textbox', { name: 'Owner' }).fill('Dana')
    await page.getByRole('textbox', { name: 'Owner' }).press('Tab')
    await expect
      .poll(() => page.getByRole('link', { name: /Price rises at renewal/ }).textContent())
      .toContain('Owner: Dana')
    await page.locator('.detail-pane').evaluate((el) => el.scrollTo(0, 0))
    await screenshot(page, 'insights-02-detail')
  })

  it('makes an insight from a churn reason', async () => {
    await page.getByRole('link', { name: 'Churn reasons' }).click()
    await page.getByLabel('Study', { exact: true }).selectOption({ label: 'Exit Q1' })
    await page
      .getByRole('button', { name: /^Show quotes for PRC-01/ })
      .first()
      .click()
    await page.getByRole('button', { name: /^Create insight from the churn reason PRC-01/ }).click()
    const dialog = page.getByRole('dialog', { name: 'New insight' })
    await dialog.getByText(/^From: Churn reason PRC-01 Price too high/).waitFor()
    expect(await dialog.getByRole('combobox', { name: 'Study' }).inputValue()).not.toBe('')
    await dialog.getByRole('textbox', { name: 'Statement' }).click()
    await page.keyboard.type('Price is the first reason customers give for leaving')
    await dialog.getByRole('button', { name: 'Create insight' }).click()
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/2 quotes\.$/)
    await dialog.getByRole('button', { name: 'Open insight' }).click()
    await page.getByRole('link', { name: /Price is the first reason/ }).waitFor()
    expect(await page.locator('.insight-quote').count()).toBe(2)
  })

  it('writes an insight with no quotes yet, which stays an assumption', async () => {
    await page.getByRole('link', { name: 'Insights' }).click()
    await page.getByRole('button', { name: 'New insight' }).click()
    const dialog = page.getByRole('dialog', { name: 'New insight' })
    await dialog.getByText('From: No quotes yet; link them later').waitFor()
    await dialog.getByRole('textbox', { name: 'Statement' }).click()
    await page.keyboard.type('Annual plans would keep price-sensitive teams')
    await dialog.getByRole('button', { name: 'Create insight' }).click()
    await page.getByRole('heading', { name: 'Insight', exact: true }).waitFor()
    await expect.poll(() => badgeText()).toBe('Assumption')
    expect(await reasons().getByText('No quote backs it yet').isVisible()).toBe(true)
    await page.getByRole('link', { name: 'Insights' }).click()
    await page.getByRole('heading', { name: 'Choose an insight' }).waitFor()
    // Most confident first; the assumption last.
    expect(await page.locator('.item-list .insight-list-statement').allTextContents()).toEqual([
      'Price is the first reason customers give for leaving',
      'Price rises at renewal push small teams away',
      'Annual plans would keep price-sensitive teams',
    ])
    await screenshot(page, 'insights-01-list')
  })

  it('a report with key insights presents the statements', async () => {
    await page.getByRole('link', { name: 'Reports' }).click()
    await page.getByLabel('Study', { exact: true }).selectOption({ label: 'Exit Q1' })
    const sections = page.getByRole('group', { name: 'Sections' })
    const keyInsights = sections.getByRole('checkbox', { name: 'Key insights' })
    if (!(await keyInsights.isChecked())) await keyInsights.check()
    const frame = page.frameLocator('iframe[title="Report preview"]')
    await frame.getByRole('heading', { name: 'Key insights' }).waitFor()
    await frame.getByText('Price is the first reason customers give for leaving').first().waitFor()
    await frame
      .getByText(/Price rises at renewal push/)
      .first()
      .waitFor()
    expect(problems).toEqual([])
  })
})
