import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  closeAppInBrowser,
  openAppInBrowser,
  screenshot,
  type RunningApp,
  selectTranscriptPhrase,
} from './harness'

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Interviewer>Why did you cancel?</v>

00:00:05.000 --> 00:00:08.000
<v Lee Chen>The price went up twice this year.</v>

00:00:09.000 --> 00:00:10.000
<v Interviewer>Anything else?</v>

00:00:11.000 --> 00:00:14.000
<v Lee Chen>Support took days to reply.</v>

00:00:15.000 --> 00:00:16.000
<v Interviewer>And then?</v>

00:00:17.000 --> 00:00:20.000
<v Lee Chen>We moved to a competitor in March.</v>
`

/**
 * Issue 4's journey through the real UI: a churned company's exit interview, a VTT transcript, three
 * passages tagged from the keyboard with starter churn-reason codes, the Pareto counting that company,
 * and a click through to the quote and back to the interview.
 */
describe('churn reasons from tagged exit interviews', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]
  const files = mkdtempSync(join(tmpdir(), 'fieldnote-e2e-vtt-'))

  beforeAll(async () => {
    writeFileSync(join(files, 'lee-exit.vtt'), VTT)
    ;({ browser, app, page, problems } = await openAppInBrowser())
  })
  afterAll(() => closeAppInBrowser({ browser, app }))

  /** The interview shows its transcript, with the paragraph holding this text outlined as the jump target. */
  async function expectTranscriptAt(text: string) {
    await expect
      .poll(() => page.getByRole('tab', { name: 'Transcript' }).getAttribute('aria-selected'))
      .toBe('true')
    const target = page.getByRole('textbox', { name: 'Transcript lee-exit' }).locator('p.jump-target')
    await expect.poll(() => target.textContent()).toContain(text)
    expect(await target.count()).toBe(1)
  }

  it('sets up a churned company, its person, an exit study and the starter churn codes', async () => {
    await page.getByRole('link', { name: 'Codebook' }).click()
    await page.getByRole('button', { name: 'Add starter codebook' }).click()
    await page.getByRole('menuitem', { name: /^Churn reasons/ }).click()
    await expect
      .poll(() => page.getByText(/Churn reasons \(10 categories, 40 codes\)/).isVisible())
      .toBe(true)

    await page.getByRole('link', { name: 'Companies' }).click()
    await page.getByRole('button', { name: 'New company' }).click()
    const company = page.getByRole('dialog', { name: 'New company' })
    await company.getByLabel('Name').fill('Globex')
    await company.getByRole('combobox', { name: 'Segment' }).selectOption('B')
    await company.getByLabel('MRR').fill('900')
    await company.getByLabel('Customer since').fill('2025-01-10')
    await company.getByRole('combobox', { name: 'Status' }).selectOption('churned')
    await company.getByLabel('Churned on').fill('2026-03-31')
    await company.getByRole('button', { name: 'Create company' }).click()
    await page.getByRole('button', { name: 'New person' }).click()
    const person = page.getByRole('dialog', { name: 'New person' })
    await person.getByLabel('Name').fill('Lee Chen')
    await person.getByRole('button', { name: 'Add person' }).click()

    await page.getByRole('link', { name: 'Studies' }).click()
    await page.getByRole('button', { name: 'Create your first study' }).click()
    const study = page.getByRole('dialog', { name: 'New study' })
    await study.getByLabel('Name').fill('Q1 cancellations')
    await study.getByRole('combobox', { name: 'Method' }).selectOption('exit')
    await study.getByRole('button', { name: 'Create study' }).click()
    await page.getByRole('button', { name: 'New interview' }).click()
    const iv = page.getByRole('dialog', { name: 'New interview' })
    await iv.getByRole('combobox', { name: 'Participant' }).selectOption({ label: 'Lee Chen — Globex' })
    await iv.getByRole('button', { name: 'Create and open' }).click()
    await expect.poll(() => page.getByRole('tab', { name: 'Transcript' }).isVisible()).toBe(true)
  })

  it('imports the transcript and tags three passages from the keyboard', async () => {
    await page.getByRole('tab', { name: 'Transcript' }).click()
    await page.locator('input[type=file]').setInputFiles([join(files, 'lee-exit.vtt')])
    const text = page.getByRole('textbox', { name: 'Transcript lee-exit' })
    await expect.poll(() => text.isVisible()).toBe(true)
    for (const [phrase, code, count] of [
      ['The price went up twice this year', 'PRC-01', 1],
      ['Support took days to reply', 'SUP-02', 2],
      ['We moved to a competitor in March', 'CMP-01', 3],
    ] as const) {
      await selectTranscriptPhrase(page, phrase)
      await page.keyboard.press('Control+k')
      await expect.poll(() => page.getByRole('combobox', { name: /Find a tag/ }).isVisible()).toBe(true)
      await page.keyboard.type(code)
      await expect
        .poll(() =>
          page
            .getByRole('listbox', { name: 'Tags' })
            .getByRole('option', { name: new RegExp(code) })
            .first()
            .getAttribute('aria-selected'),
        )
        .toBe('true')
      await page.keyboard.press('Enter')
      await expect.poll(() => text.locator('.hl').count()).toBe(count)
    }
  })

  it('shows the company under its most-evidenced reason in the Pareto, and clicks through to the quote', async () => {
    await page.getByRole('link', { name: 'Churn reasons' }).click()
    const chart = page.getByRole('img', { name: /^Churn reasons by companies: 1 reason/ })
    await expect.poll(() => chart.isVisible()).toBe(true)
    await screenshot(page, 'churn-from-interviews-pareto')
    // One company with three reasons tied at one quote each: the lowest code is its primary reason.
    // A click on the top bar of the Pareto opens that reason's quotes.
    await page.locator('.pareto-svg .bar-group').first().click()
    const quotes = page.getByRole('region', { name: /^Quotes: CMP-01/ })
    await expect.poll(() => quotes.getByText('We moved to a competitor in March').isVisible()).toBe(true)
    await page.locator('.pareto-svg').scrollIntoViewIfNeeded()
    await screenshot(page, 'churn-from-interviews-bar-selected')
    await quotes.getByRole('link', { name: 'Open interview' }).first().click()
    await expect.poll(() => page.getByRole('heading', { name: 'Lee Chen', level: 1 }).isVisible()).toBe(true)
    // The quote came from the transcript: the interview opens there, at the quote's paragraph.
    await expectTranscriptAt('We moved to a competitor in March')
    expect(problems).toEqual([])
  })

  it('shows the default primary reason on the interview and lets the researcher choose another', async () => {
    const panel = page.getByRole('region', { name: 'Churn reason' })
    const primary = panel.getByRole('combobox', { name: 'Primary reason' })
    await expect
      .poll(async () => (await primary.locator('option:checked').textContent())?.trim())
      .toMatch(/^From the quotes: CMP-01 /)
    const coded = panel.getByRole('list', { name: 'Reasons coded in this interview' })
    expect(await coded.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^CMP-01 .* · 1 quote · primary$/),
      expect.stringMatching(/^PRC-01 .* · 1 quote · secondary$/),
      expect.stringMatching(/^SUP-02 .* · 1 quote · secondary$/),
    ])
    await screenshot(page, 'interview-churn-reason')
    await primary.selectOption({
      label: (await primary.locator('option', { hasText: /^SUP-02 / }).textContent())!,
    })
    await expect
      .poll(() => coded.getByRole('listitem').first().textContent())
      .toMatch(/^CMP-01 .* secondary$/)
    // The roll-up follows the choice: SUP-02 is now the company's primary reason.
    await page.getByRole('link', { name: 'Churn reasons' }).click()
    const chart = page.getByRole('img', {
      name: /^Churn reasons by companies: 1 reason; the top one, SUP-02 /,
    })
    await expect.poll(() => chart.isVisible()).toBe(true)
    await page.goBack()
    // Back to the quotes' default: the choice is cleared, not stuck.
    await primary.selectOption('')
    await expect.poll(() => coded.getByRole('listitem').first().textContent()).toMatch(/^CMP-01 .* primary$/)
    expect(problems).toEqual([])
  })

  it('opens a transcript quote from the evidence list at its paragraph', async () => {
    await page.getByRole('link', { name: 'Evidence & search' }).click()
    const list = page.getByRole('region', { name: 'Quotes' })
    await expect.poll(() => list.getByRole('article').count()).toBe(3)
    const quote = list.getByRole('article').filter({ hasText: 'Support took days to reply' })
    await quote.getByRole('link', { name: 'Open in transcript' }).click()
    await expectTranscriptAt('Support took days to reply')
    await screenshot(page, 'evidence-quote-in-transcript')
    expect(problems).toEqual([])
  })

  it('finds a transcript passage as you type and opens the transcript at that paragraph', async () => {
    await page.getByRole('link', { name: 'Evidence & search' }).click()
    await page.getByRole('searchbox', { name: /Search notes, transcripts/ }).fill('took days')
    const results = page.getByRole('region', { name: 'Search results' })
    const passages = results.getByRole('list', { name: 'Transcript passages' })
    await expect.poll(() => passages.getByRole('listitem').count()).toBe(1)
    expect(await passages.locator('mark').allTextContents()).toEqual(['took', 'days'])
    // The tagged quote is found too, in its own group.
    expect(await results.getByRole('list', { name: 'Quotes' }).getByRole('listitem').count()).toBe(1)
    await screenshot(page, 'search-transcript-passage')
    await passages.getByRole('link', { name: 'Open transcript lee-exit at this passage' }).click()
    await expectTranscriptAt('Support took days to reply')
    await screenshot(page, 'search-transcript-jump')
    expect(problems).toEqual([])
  })
})
