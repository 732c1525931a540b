import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  screenshot,
  type RunningApp,
  openAppInBrowser,
  closeAppInBrowser,
  selectTranscriptPhrase,
} from './harness'

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Interviewer>What made you cancel?</v>

00:00:05.000 --> 00:00:09.000
<v Dana Park>Honestly the price doubled at renewal and nobody warned us.</v>

00:00:10.000 --> 00:00:13.000
<v Dana Park>Support also took a week to answer.</v>
`

/**
 * Issue 4 §2–3 through the real UI: import a WebVTT transcript in the interview runner, select a passage,
 * tag it from the keyboard (Ctrl+K, type, Enter) with a churn-reason tag created inline, see the highlight.
 */
describe('tagging a transcript from the keyboard', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]
  const files = mkdtempSync(join(tmpdir(), 'fieldnote-e2e-files-'))

  beforeAll(async () => {
    writeFileSync(join(files, 'exit-call.vtt'), VTT)
    writeFileSync(join(files, 'broken.srt'), '1\nnot a timing\nHello\n')
    ;({ browser, app, page, problems } = await openAppInBrowser())
  })

  afterAll(() => closeAppInBrowser({ browser, app }))

  it('opens an exit interview in the runner', async () => {
    await page.getByRole('button', { name: 'Create your first study' }).click()
    const dialog = page.getByRole('dialog', { name: 'New study' })
    await dialog.getByLabel('Name').fill('Why customers leave')
    await dialog.getByRole('combobox', { name: 'Method' }).selectOption('exit')
    await dialog.getByRole('button', { name: 'Create study' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Why customers leave' }).isVisible()).toBe(true)
    await page.getByRole('button', { name: 'New interview' }).click()
    await page
      .getByRole('dialog', { name: 'New interview' })
      .getByRole('button', { name: 'Create and open' })
      .click()
    await expect.poll(() => page.getByRole('tab', { name: 'Transcript' }).isVisible()).toBe(true)
  })

  it('refuses a bad batch with the file and line named, then imports the .vtt with speakers and times', async () => {
    await page.getByRole('tab', { name: 'Transcript' }).click()
    const input = page.locator('input[type=file]')
    await input.setInputFiles([join(files, 'exit-call.vtt'), join(files, 'broken.srt')])
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: '"broken.srt" could not be imported: line 2' }).isVisible(),
      )
      .toBe(true)
    await expect.poll(() => page.getByText('not imported (another file was rejected)').isVisible()).toBe(true)
    await expect.poll(() => page.getByText('No transcript yet.', { exact: false }).isVisible()).toBe(true)

    await input.setInputFiles([join(files, 'exit-call.vtt')])
    const text = page.getByRole('textbox', { name: 'Transcript exit-call' })
    await expect.poll(() => text.isVisible()).toBe(true)
    await expect.poll(() => page.getByText('imported', { exact: true }).isVisible()).toBe(true)
    expect(await text.locator('p[data-speaker="Dana Park"][data-time="0:05"]').count()).toBe(1)
    expect(await text.locator('p').count()).toBe(2)
  })

  it('select a passage → Ctrl+K → type → Enter creates a churn-reason tag inline and the highlight', async () => {
    const text = page.getByRole('textbox', { name: 'Transcript exit-call' })
    // Dana's two cues became one turn; select "the price doubled at renewal" in it, as a mouse drag would.
    await selectTranscriptPhrase(page, 'the price doubled at renewal')
    await page.keyboard.press('Control+k')
    const combo = page.getByRole('combobox', { name: /Find a tag/ })
    await expect.poll(() => combo.isVisible()).toBe(true)
    expect(await page.getByRole('combobox', { name: 'Kind of a new tag' }).inputValue()).toBe('churn_reason')
    await page.keyboard.type('Price increase')
    await expect
      .poll(() =>
        page
          .getByRole('listbox', { name: 'Tags' })
          .getByRole('option', { name: 'Create tag “Price increase”' })
          .isVisible(),
      )
      .toBe(true)
    await screenshot(page, 'tagging-01-picker')
    await page.keyboard.press('Enter')
    await expect.poll(() => combo.isVisible()).toBe(false)

    const mark = text.locator('.hl')
    await expect.poll(() => mark.first().textContent()).toBe('the price doubled at renewal')
    const details = page.getByRole('region', { name: '1 highlight' })
    await expect
      .poll(() => details.getByRole('button', { name: 'Remove tag Price increase' }).isVisible())
      .toBe(true)
    await expect
      .poll(() => page.getByRole('button', { name: /“the price doubled at renewal”/ }).isVisible())
      .toBe(true)
    await details.getByRole('radio', { name: 'Emotion −2' }).click()
    await expect
      .poll(() => details.getByRole('radio', { name: 'Emotion −2' }).getAttribute('aria-checked'))
      .toBe('true')
    await screenshot(page, 'tagging-02-highlight')
  })

  it('tags a second passage with the same tag by typing part of its name', async () => {
    const text = page.getByRole('textbox', { name: 'Transcript exit-call' })
    await selectTranscriptPhrase(page, 'took a week to answer')
    await page.keyboard.press('Control+k')
    await page.keyboard.type('price')
    await expect
      .poll(() =>
        page
          .getByRole('listbox', { name: 'Tags' })
          .getByRole('option', { name: /Price increase/ })
          .getAttribute('aria-selected'),
      )
      .toBe('true')
    await page.keyboard.press('Enter')
    await expect.poll(() => text.locator('.hl').count()).toBe(2)
    // The highlights survive a reload: they come from the library, not the page.
    await page.reload()
    await page.getByRole('tab', { name: 'Transcript' }).click()
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Transcript exit-call' }).locator('.hl').count())
      .toBe(2)
    await screenshot(page, 'tagging-03-after-reload')
  })

  it('tags a passage of the notes the same way; the highlight is saved with the note', async () => {
    await page.getByRole('tab', { name: 'Notes' }).click()
    const notes = page.getByRole('textbox', { name: /^Notes for:/ })
    await notes.click()
    await page.keyboard.type('Renewal price jumped 40% without notice.')
    await notes
      .locator('p')
      .first()
      .evaluate((p) => {
        const node = p.firstChild as Text
        const range = document.createRange()
        range.setStart(node, 0)
        range.setEnd(node, 'Renewal price jumped 40%'.length)
        window.getSelection()?.removeAllRanges()
        window.getSelection()?.addRange(range)
        document.dispatchEvent(new Event('selectionchange'))
      })
    await page.keyboard.press('Control+k')
    await page.keyboard.type('incr')
    await page.keyboard.press('Enter')
    await expect.poll(() => notes.locator('mark.hl').textContent()).toBe('Renewal price jumped 40%')
    await expect.poll(() => notes.locator('mark.hl .hl-tagged').count()).toBeGreaterThan(0)
    await expect
      .poll(() => page.getByRole('button', { name: /“Renewal price jumped 40%”/ }).isVisible())
      .toBe(true)
    await notes.locator('mark.hl').click()
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: '1 highlight' })
          .getByRole('button', { name: 'Remove tag Price increase' })
          .isVisible(),
      )
      .toBe(true)
    await screenshot(page, 'tagging-04-notes')
    await page.reload()
    await expect
      .poll(() =>
        page
          .getByRole('textbox', { name: /^Notes for:/ })
          .locator('mark.hl .hl-tagged')
          .textContent(),
      )
      .toBe('Renewal price jumped 40%')
    expect(problems).toEqual([])
  })
})
