import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedForBackup } from '../main/backups-fixture'
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contracts'
import { bridgeCall, closeAppInBrowser, openAppInBrowser, screenshot, type BrowserSession } from './harness'

/** Back up now on the Library page, then the restore screen: its preview, and a restore into a new library. */
describe('backups in the browser', () => {
  let s: BrowserSession
  let libraryPath: string

  beforeAll(async () => {
    s = await openAppInBrowser()
    const call = <C extends Channel>(channel: C, input?: ChannelInput<C>) =>
      bridgeCall<ChannelOutput<C>>(s.app, channel, input)
    await seedForBackup(call)
    libraryPath = (await call('library:current'))?.path ?? ''
  }, 60_000)
  afterAll(() => closeAppInBrowser(s))

  it('backs up now, previews the backup and restores it into a new library that opens', async () => {
    const { page } = s
    await page.getByRole('link', { name: 'Library' }).click()
    const card = page.getByRole('region', { name: 'Backups' })
    await card.getByText('This library has not been backed up yet.').waitFor()
    await card.getByRole('button', { name: 'Back up now' }).click()
    await card.getByRole('status').filter({ hasText: 'Backed up to' }).waitFor()
    const folder = join(dirname(libraryPath), 'Backups')
    expect(readdirSync(folder).filter((f) => f.endsWith(' manual.fieldnote-backup'))).toHaveLength(1)

    await card.getByRole('link', { name: 'Restore from a backup…' }).click()
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor()
    const preview = page.getByLabel('In this backup')
    const fact = (name: string) =>
      preview.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]')
    await expect.poll(() => fact('Studies').textContent()).toBe('2')
    expect(await fact('Interviews').textContent()).toBe('2')
    expect(await fact('Highlights').textContent()).toBe('2')
    expect(await fact('Check').textContent()).toBe('Sound')

    const to = join(dirname(libraryPath), 'Recovered library.fieldnote')
    await page.getByRole('textbox', { name: 'New library file' }).fill(to)
    await screenshot(page, 'backups-01-restore-screen')
    await page.getByRole('button', { name: 'Restore into a new library…' }).click()
    const restored = page.getByText(`Restored into ${to}.`)
    await restored.waitFor()
    expect(existsSync(to)).toBe(true)
    await restored.scrollIntoViewIfNeeded()
    await screenshot(page, 'backups-02-restored')

    await page.getByRole('button', { name: 'Open the restored library' }).click()
    await page.getByText('Library: Recovered library').waitFor()
    await page.getByRole('link', { name: 'Churn study' }).waitFor()
    expect(s.problems).toEqual([])
  }, 60_000)
})
