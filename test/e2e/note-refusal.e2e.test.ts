import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot, startApp, watchConsole, type RunningApp } from './harness'

const FIVE_MB = 5 * 1024 * 1024

/** About 5 MB of transcript-like lines, as someone would paste a whole export into a note. */
function transcriptDump(): string {
  const line = 'Interviewer: and what happened when the renewal price went up that quarter?\n'
  return line.repeat(Math.ceil(FIVE_MB / line.length))
}

/**
 * Pastes through the editor's own paste handler, as Ctrl+V with text on the clipboard does; resolves with the
 * times, measured in the page, until the paste was painted and until the refusal was on screen.
 */
async function paste(page: Page, text: string): Promise<{ paintedMs: number; refusedMs: number }> {
  return page.getByRole('textbox', { name: /^Notes for:/ }).evaluate(
    (el, data) =>
      new Promise((done) => {
        const dt = new DataTransfer()
        dt.setData('text/plain', data)
        const t0 = performance.now()
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
        let paintedMs = -1
        requestAnimationFrame(() => (paintedMs = performance.now() - t0))
        const look = () =>
          document.querySelector('[data-testid="note-refused"]')
            ? done({ paintedMs, refusedMs: performance.now() - t0 })
            : requestAnimationFrame(look)
        look()
      }),
    text,
  )
}

/**
 * A 5 MB paste into one question's notes, in Chromium through the real bridge and SQLite: refused at once
 * beside the question with the reason, the text kept in the editor, nothing sent or retried, a reload keeps
 * the last saved version (after the browser asks), and Move to Transcripts turns the paste into a transcript.
 */
describe('a note too long to save', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]
  const noteSaves: number[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    problems = watchConsole(page)
    page.on('request', (r) => {
      if (r.url().endsWith('/api/invoke') && (r.postData() ?? '').includes('"channel":"notes:save"'))
        noteSaves.push((r.postData() ?? '').length)
    })
    await page.goto(app.url)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const editor = () => page.getByRole('textbox', { name: /^Notes for:/ })
  const editorLength = () => editor().evaluate((el) => (el.textContent ?? '').length)
  const question = (n: number) =>
    page
      .getByRole('navigation', { name: 'Script outline' })
      .getByRole('button')
      .nth(n - 1)

  it('refuses a 5 MB paste at once, beside the question, keeping the text and sending nothing', async () => {
    await page.getByRole('link', { name: 'Studies' }).click()
    await page.getByRole('button', { name: 'Create your first study' }).click()
    const dialog = page.getByRole('dialog', { name: 'New study' })
    await dialog.getByLabel('Name').fill('Why teams switch')
    await dialog.getByRole('combobox', { name: 'Method' }).selectOption('jtbd_switch')
    await dialog.getByRole('button', { name: 'Create study' }).click()
    await page.getByRole('button', { name: 'New interview' }).click()
    await page
      .getByRole('dialog', { name: 'New interview' })
      .getByRole('button', { name: 'Create and open' })
      .click()
    await editor().click()
    await page.keyboard.type('Typed before the paste.')
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved')
    const savesBefore = noteSaves.length
    expect(savesBefore).toBeGreaterThan(0)

    const times = await paste(page, transcriptDump())
    const alert = page.getByRole('alert').filter({ hasText: 'These notes cannot be saved.' })
    await alert.waitFor({ timeout: 10_000 })
    expect(await alert.textContent()).toMatch(
      /They have 5,\d{3},\d{3} characters; one question’s notes hold at most 250,000 \(about 40,000 words\)/,
    )
    await expect.poll(() => alert.isVisible()).toBe(true) // in view, not below five megabytes of text
    expect(await alert.getByRole('button', { name: 'Move the pasted text to Transcripts' }).isVisible()).toBe(
      true,
    )
    expect(await editorLength()).toBeGreaterThan(FIVE_MB * 0.95)
    expect(await question(1).textContent()).toContain('(notes cannot be saved)')
    expect(await page.getByTestId('save-state').textContent()).toBe('Notes of Q1 cannot be saved')
    await screenshot(page, '20-note-refused-paste')
    console.log(
      `# 5 MB paste: first frame after ${Math.round(times.paintedMs)} ms, refusal on screen after ${Math.round(times.refusedMs)} ms`,
    )

    // Leaving the question flushes every pending save: the refused note is still not sent, nor retried.
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => page.getByRole('heading', { name: /^Q2 of/ }).isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId('note-save-state').textContent()).toBe('Notes saved')
    await page.keyboard.press('Alt+ArrowUp')
    await alert.waitFor()
    expect(await editorLength()).toBeGreaterThan(FIVE_MB * 0.95)
    expect(noteSaves.length).toBe(savesBefore)
  })

  it('asks before a reload would drop the refused text; after it, the last saved version is there', async () => {
    const asked: string[] = []
    page.once('dialog', (d) => (asked.push(d.type()), void d.accept()))
    await page.reload()
    expect(asked).toEqual(['beforeunload'])
    await expect.poll(() => editor().textContent(), { timeout: 10_000 }).toBe('Typed before the paste.')
    expect(await question(1).textContent()).toContain('(has notes)')
  })

  it('moves a pasted transcript to Transcripts, leaving the typed notes, and saves', async () => {
    await editor().click()
    await page.keyboard.press('End')
    await paste(page, transcriptDump())
    const alert = page.getByRole('alert').filter({ hasText: 'These notes cannot be saved.' })
    await alert.waitFor({ timeout: 10_000 })
    await alert.getByRole('button', { name: 'Move the pasted text to Transcripts' }).click()
    await page.getByText('Moved to this interview’s transcripts as “Pasted into the notes of Q1”.').waitFor()
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('All changes saved')
    expect(await editor().textContent()).toBe('Typed before the paste.')
    expect(await page.getByRole('alert').count()).toBe(0)

    await page.getByRole('button', { name: 'Open Transcripts' }).click()
    const transcript = page.getByRole('textbox', { name: /^Transcript / })
    await expect
      .poll(() => transcript.textContent(), { timeout: 20_000 })
      .toContain('and what happened when the renewal price went up that quarter?')

    await page.reload() // nothing refused any more: no question asked
    await expect.poll(() => editor().textContent(), { timeout: 10_000 }).toBe('Typed before the paste.')
  })

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([])
  })
})
