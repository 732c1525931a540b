import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAppInBrowser, openAppInBrowser, screenshot, type BrowserSession } from './harness'

let s: BrowserSession
beforeAll(async () => {
  s = await openAppInBrowser()
})
afterAll(() => closeAppInBrowser(s))

describe('the report builder', () => {
  it('previews a study’s report as the HTML file, reorders sections and exports Markdown, clean under the CSP', async () => {
    const { page } = s
    await page.getByRole('heading', { name: 'No studies yet' }).waitFor()
    await page.getByRole('button', { name: 'New study' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New study' })
    await dialog.getByLabel('Name').fill('Exit Q1')
    await dialog.getByRole('combobox', { name: 'Method' }).selectOption('exit')
    await dialog.getByRole('button', { name: 'Create study' }).click()
    await page.getByRole('button', { name: 'New interview' }).waitFor()
    await page.getByRole('link', { name: 'Reports' }).click()
    await page.getByRole('heading', { name: 'Reports' }).waitFor()
    await page.getByLabel('Study', { exact: true }).selectOption({ label: 'Exit Q1' })
    await page.getByRole('textbox', { name: 'Summary' }).fill('We spoke to churned customers.')
    await page.getByRole('button', { name: 'Move Method and coverage up' }).click()
    const frame = page.frameLocator('iframe[title="Report preview"]')
    await frame.getByText('We spoke to churned customers.').waitFor()
    await frame.getByRole('heading', { name: 'Research report: Exit Q1' }).waitFor()
    const headings = await frame.locator('h2').allTextContents()
    expect(headings.indexOf('Method and coverage')).toBeLessThan(headings.indexOf('Summary'))
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Markdown' }).click()
    expect((await download).suggestedFilename()).toBe('Research report Exit Q1.md')
    await screenshot(page, 'reports-01-builder')
    expect(s.problems).toEqual([])
  })
})
