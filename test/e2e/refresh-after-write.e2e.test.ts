import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { bridgeCall, closeAppInBrowser, openAppInBrowser, screenshot, type RunningApp } from './harness'

/**
 * A write refreshes every screen whose numbers it changes, as its contract declares. Deleting a transcript
 * takes its highlights with it; the codebook counts, the churn roll-up and the forces must show that at once,
 * not after the cached answers grow stale (5 s) or the page is reloaded. Each check allows 2 s, well inside
 * the staleness window, so a screen that only refetches because its data aged would fail here.
 */
const AT_ONCE = { timeout: 2_000, interval: 50 }

describe('screens refresh after a write changes their numbers', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let interviewId = ''
  let studyId = ''

  beforeAll(async () => {
    ;({ browser, app, page } = await openAppInBrowser())
    const api = <T>(channel: string, input?: unknown) => bridgeCall<T>(app, channel, input)
    await api('tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
    await api('tags:seedStarter', { codebook: 'jtbd_forces', language: 'en' })
    const tags = await api<{ id: string; code: string | null; semanticKey: string | null }[]>('tags:list', {})
    const price = tags.find((t) => t.code === 'PRC-01')?.id ?? ''
    const push = tags.find((t) => t.semanticKey === 'push')?.id ?? ''
    const study = await api<{ id: string }>('studies:create', {
      name: 'Exit calls',
      method: 'exit',
      targetInterviews: 3,
    })
    studyId = study.id
    const company = await api<{ id: string }>('companies:create', {
      name: 'Acme',
      segment: 'A',
      mrrMinor: 50_000,
      status: 'churned',
      churnedOn: '2025-04-01',
    })
    const person = await api<{ id: string }>('participants:create', {
      name: 'Ann Lee',
      companyId: company.id,
    })
    const interview = await api<{ id: string }>('interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: 'builtin:exit:en',
      title: 'Ann exit',
    })
    interviewId = interview.id
    const { imported } = await api<{ imported: { id: string }[] }>('transcripts:import', {
      interviewId,
      files: [{ name: 'ann-exit.txt', text: 'The price doubled at renewal and nobody warned us.' }],
    })
    await api('highlights:create', {
      source: { type: 'transcript', transcriptId: imported[0]?.id ?? '' },
      start: 0,
      end: 30,
      tagIds: [price, push],
    })
    await page.reload() // the data was made behind the UI's back
  })
  afterAll(() => closeAppInBrowser({ browser, app }))

  /** A top-level codebook row's count: a category counts the highlights of its sub-tags. */
  const pill = (name: string) =>
    page
      .getByRole('link', { name: new RegExp(name) })
      .locator('.count-pill')
      .first()
      .textContent()

  it('shows the transcript highlight on the codebook, the churn roll-up and the forces', async () => {
    await page.getByRole('link', { name: 'Codebook' }).click()
    await expect.poll(() => pill('Price and commercial terms')).toBe('1')
    await page.getByRole('link', { name: 'Churn reasons' }).click()
    await expect
      .poll(() => page.getByText('1 churned company, 1 with a reason', { exact: false }).isVisible())
      .toBe(true)
    await page.evaluate((id) => (window.location.hash = `#/forces/${id}`), studyId)
    const pushRegion = page.getByRole('region', { name: 'Push of the situation' })
    await expect.poll(() => pushRegion.getByText('1 participant · 1 quote').isVisible()).toBe(true)
  })

  it('deleting the transcript updates all three at once', async () => {
    await page.evaluate((id) => (window.location.hash = `#/interview/${id}`), interviewId)
    await page.getByRole('tab', { name: 'Transcript' }).click()
    await page.getByRole('button', { name: 'Delete transcript' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete transcript' }).click()
    await expect.poll(() => page.getByText('No transcript yet.', { exact: false }).isVisible()).toBe(true)

    await page.getByRole('link', { name: 'Codebook' }).click()
    await expect.poll(() => pill('Price and commercial terms'), AT_ONCE).toBe('0')
    await page.getByRole('link', { name: 'Churn reasons' }).click()
    await expect
      .poll(() => page.getByText('1 churned company, 0 with a reason', { exact: false }).isVisible(), AT_ONCE)
      .toBe(true)
    await page.evaluate((id) => (window.location.hash = `#/forces/${id}`), studyId)
    const pushRegion = page.getByRole('region', { name: 'Push of the situation' })
    await expect.poll(() => pushRegion.getByText('0 participants · 0 quotes').isVisible(), AT_ONCE).toBe(true)
    await screenshot(page, 'refresh-after-transcript-delete')
  })
})
