import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  bridgeCall,
  closeAppInBrowser,
  openAppInBrowser,
  screenshot,
  SCREENSHOT_DIR,
  type RunningApp,
} from './harness'

const SURVEY = [
  'date,company,reason,comment,mrr',
  '2025-03-03,Acme Corp,PRC-01,"Too expensive for what we use, honestly",1200',
  '2025-03-09,Birch Ltd,prc-01,We could not justify the renewal price,800',
  '2025-03-15,Cedar Inc,PRC-01,,300',
  '2025-04-02,Dune LLC,SUP-01,"Tickets sat for days, nobody answered",2500',
  '2025-04-10,Elm Co,SUP-01,,400',
  '2025-04-18,Fjord AB,ONB-01,Setup took two months,150',
  '2025-05-05,Grove GmbH,CMP-01,Moved to a competitor,900',
  '2025-05-20,Heath SA,we went bankrupt,,100',
].join('\r\n')

describe('churn reasons and JTBD forces in the browser', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]

  /** The same bridge the page uses, for arranging data the other slices' screens would create. */
  const api = <T>(channel: string, input?: unknown) => bridgeCall<T>(app, channel, input)

  beforeAll(async () => {
    ;({ browser, app, page, problems } = await openAppInBrowser())
  })
  afterAll(() => closeAppInBrowser({ browser, app }))

  it('imports a churn-survey CSV through the UI and shows the Pareto and the quotes', async () => {
    await page.getByRole('link', { name: 'Churn reasons' }).click()
    await page.getByRole('button', { name: 'Add the starter churn taxonomy' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Reasons and categories' }).isVisible())
      .toBe(true)

    await page.getByRole('button', { name: 'Import churn survey CSV' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a churn survey' })
    await dialog.getByLabel('CSV file').setInputFiles({
      name: 'cancellations.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${SURVEY}`),
    })
    await expect
      .poll(() => dialog.getByText('cancellations.csv: 8 rows. The first rows:').isVisible())
      .toBe(true)
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect.poll(() => dialog.getByText('Imported 8 of 8 rows.').isVisible()).toBe(true)
    await expect.poll(() => dialog.getByText(/1 row has a reason not in the taxonomy/).isVisible()).toBe(true)
    await screenshot(page, 'churn-01-import-report')
    await dialog.getByRole('button', { name: 'Done' }).click()

    const chart = page.getByRole('img', {
      name: /^Churn reasons by companies: 4 reasons; the top one, PRC-01/,
    })
    await expect.poll(() => chart.isVisible()).toBe(true)
    expect(await chart.locator('rect.bar').count()).toBe(4)
    await screenshot(page, 'churn-02-pareto-companies')

    await page.getByRole('button', { name: 'Lost MRR' }).click()
    await expect
      .poll(() =>
        page
          .getByRole('img', { name: /^Churn reasons by lost MRR: 4 reasons; the top one, SUP-01/ })
          .isVisible(),
      )
      .toBe(true)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'churn-03-full-page.png'), fullPage: true })

    await page
      .getByRole('region', { name: 'Reasons and categories' })
      .getByRole('button', { name: /^Show quotes for PRC-01 / })
      .click()
    const quotes = page.getByRole('region', { name: /^Quotes: PRC-01/ })
    await expect
      .poll(() => quotes.getByText('Too expensive for what we use, honestly').isVisible())
      .toBe(true)
    await quotes.scrollIntoViewIfNeeded()
    await screenshot(page, 'churn-04-quotes')
    const matrix = page.getByRole('region', { name: 'Reasons together and by segment' })
    await matrix.scrollIntoViewIfNeeded()
    await screenshot(page, 'churn-05-matrix-and-queues')
    expect(problems).toEqual([])
  })

  it("tags a passage of a survey comment on the company's page, and the quote counts as evidence", async () => {
    // From the reason's quotes, a survey comment links to its company, where the answers are listed.
    const quotes = page.getByRole('region', { name: /^Quotes: PRC-01/ })
    await quotes
      .getByRole('listitem')
      .filter({ hasText: 'Too expensive for what we use, honestly' })
      .getByRole('link', { name: 'churn survey' })
      .click()
    await expect.poll(() => page.getByRole('heading', { name: 'Acme Corp', level: 2 }).isVisible()).toBe(true)
    const survey = page.getByRole('region', { name: 'Cancellation survey' })
    const comment = survey.getByLabel('Comment (select words to tag them)')
    await comment.evaluate((root, wanted) => {
      const node =
        [...root.childNodes].find((n) => n.textContent?.includes(wanted))!.firstChild ?? root.firstChild!
      const text = node as Text
      const at = text.data.indexOf(wanted)
      const range = document.createRange()
      range.setStart(text, at)
      range.setEnd(text, at + wanted.length)
      window.getSelection()?.removeAllRanges()
      window.getSelection()?.addRange(range)
    }, 'for what we use')
    await comment.focus()
    await page.keyboard.press('Control+k')
    await expect.poll(() => page.getByRole('combobox', { name: /Find a tag/ }).isVisible()).toBe(true)
    await page.keyboard.type('PRC-01')
    await expect
      .poll(() =>
        page
          .getByRole('listbox', { name: 'Tags' })
          .getByRole('option', { name: /PRC-01/ })
          .first()
          .getAttribute('aria-selected'),
      )
      .toBe('true')
    await page.keyboard.press('Enter')
    await expect.poll(() => comment.locator('mark').textContent()).toBe('for what we use')
    const tagged = survey.getByRole('list', { name: 'Tagged passages of this comment' })
    await expect.poll(() => tagged.getByRole('listitem').count()).toBe(1)
    expect(await tagged.getByRole('listitem').textContent()).toContain('“for what we use” · Price too high')
    await screenshot(page, 'churn-survey-comment-tagged')
    // The quote is evidence now, filed under the survey.
    await page.getByRole('link', { name: 'Evidence & search' }).click()
    const list = page.getByRole('region', { name: 'Quotes' })
    await expect
      .poll(() => list.getByRole('article').filter({ hasText: '“for what we use”' }).count())
      .toBe(1)
    expect(problems).toEqual([])
  })

  it('shows the JTBD forces, a switch timeline and job stories', async () => {
    await api('tags:seedStarter', { codebook: 'jtbd_forces', language: 'en' })
    await api('tags:seedStarter', { codebook: 'jtbd_phases', language: 'en' })
    const tags = await api<{ id: string; kind: string; semanticKey: string | null }[]>('tags:list')
    const key = (k: string) => tags.find((t) => t.semanticKey === k)!.id
    const study = await api<{ id: string }>('studies:create', {
      name: 'Why teams switch',
      method: 'jtbd_switch',
      targetInterviews: 8,
    })
    const text = [
      'Our spreadsheets broke every month-end and we lost a whole day.',
      'The demo showed the report we needed in two clicks.',
      'I was worried we would lose the old history during migration.',
      'Everyone already knew the old spreadsheet by heart.',
    ]
    for (const [n, person] of ['Ann Lee', 'Boris Ivanov'].entries()) {
      const company = await api<{ id: string }>('companies:create', {
        name: `${person.split(' ')[1]} Ltd`,
        segment: n === 0 ? 'A' : 'C',
      })
      const p = await api<{ id: string }>('participants:create', { name: person, companyId: company.id })
      const interview = await api<{ id: string }>('interviews:create', {
        studyId: study.id,
        participantId: p.id,
        scriptId: 'builtin:jtbd-switch:en',
        title: `${person} switch`,
      })
      const { imported } = await api<{ imported: { id: string }[] }>('transcripts:import', {
        interviewId: interview.id,
        files: [{ name: 'call.txt', text: text.join('\n') }],
      })
      const transcript = await api<{ plainText: string }>('transcripts:get', { id: imported[0]!.id })
      const spans: [string, string[]][] = [
        [text[0]!, [key('push'), key('first_thought')]],
        [text[1]!, [key('pull'), key('active_looking')]],
        [text[2]!, [key('anxiety'), key('deciding')]],
        ...(n === 0 ? ([[text[3]!, [key('habit')]]] as [string, string[]][]) : []),
      ]
      for (const [quote, tagIds] of spans) {
        const start = [...transcript.plainText.slice(0, transcript.plainText.indexOf(quote))].length
        await api('highlights:create', {
          source: { type: 'transcript', transcriptId: imported[0]!.id },
          start,
          end: start + [...quote].length,
          tagIds,
        })
      }
    }

    await page.evaluate((id) => (window.location.hash = `#/forces/${id}`), study.id)
    await page.reload() // the study was made behind the UI's back: drop the cached study list
    const push = page.getByRole('region', { name: 'Push of the situation' })
    await expect.poll(() => push.getByText('2 participants · 2 quotes').isVisible()).toBe(true)
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Habit of the present' })
          .getByText('1 participant · 1 quote')
          .isVisible(),
      )
      .toBe(true)

    const stories = page.getByRole('region', { name: 'Job stories' })
    await stories.getByRole('textbox', { name: 'When…' }).fill('the month-end close starts')
    await stories.getByRole('textbox', { name: 'I want to…' }).fill('reconcile every account in an hour')
    await stories.getByRole('textbox', { name: 'so I can…' }).fill('send the report before the board meets')
    await stories.getByRole('button', { name: 'Add job story' }).click()
    await expect
      .poll(() =>
        stories
          .getByText(
            'When the month-end close starts, I want to reconcile every account in an hour, so I can send the report before the board meets.',
          )
          .isVisible(),
      )
      .toBe(true)

    const timeline = page.getByRole('region', { name: 'Switch timeline' })
    await expect.poll(() => timeline.getByRole('listitem').count()).toBe(3)
    await screenshot(page, 'forces-01-quadrants')
    await timeline.scrollIntoViewIfNeeded()
    await screenshot(page, 'forces-02-timeline')

    // Forces × switch phases, counted per company.
    const matrix = page.getByRole('region', { name: 'Forces together, with phases, and by segment' })
    await matrix.getByRole('combobox', { name: 'Columns' }).selectOption({ label: 'Switch phase: main tags' })
    const cross = matrix.getByRole('table', { name: 'Companies with the row’s tag and the column’s tag' })
    await expect
      .poll(() => cross.locator('tbody tr').first().textContent())
      .toMatch(/^Push of the situation2/)
    await matrix.scrollIntoViewIfNeeded()
    await screenshot(page, 'forces-03-matrix')
    expect(problems).toEqual([])
  })

  it('shows how far a large survey import is while it saves', async () => {
    const rows = ['date,company,reason,comment,mrr']
    for (let i = 0; i < 40_000; i++)
      rows.push(
        `2025-06-${String((i % 28) + 1).padStart(2, '0')},Bulk ${i % 700},PRC-01,Comment number ${i},${i % 900}`,
      )
    await page.evaluate(() => (window.location.hash = '#/churn'))
    await page.getByRole('button', { name: 'Import churn survey CSV' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a churn survey' })
    await dialog.getByLabel('CSV file').setInputFiles({
      name: 'export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n')),
    })
    await expect
      .poll(() => dialog.getByText('export.csv: 40000 rows. The first rows:').isVisible())
      .toBe(true)
    await dialog.getByRole('button', { name: 'Import' }).click()
    const bar = dialog.getByRole('progressbar', { name: /^Saved [\d,]+ of 40,700 rows and companies/ })
    await expect.poll(() => bar.isVisible(), { timeout: 20_000, interval: 50 }).toBe(true)
    await screenshot(page, 'churn-06-import-progress')
    await expect
      .poll(() => dialog.getByText('Imported 40000 of 40000 rows.').isVisible(), { timeout: 60_000 })
      .toBe(true)
    expect(await dialog.getByRole('progressbar').count()).toBe(0)
    await dialog.getByRole('button', { name: 'Done' }).click()
    expect(problems).toEqual([])
  })
})
