import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BackupsScreen } from '../../src/renderer/src/features/backups/BackupsScreen'
import { seedForBackup } from '../main/backups-fixture'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend

beforeEach(async () => {
  backend = await installRealBackend()
  await setLanguage('en')
})
afterEach(() => backend.cleanup())

describe('restore screen', () => {
  it(
    'backs up, previews the selected backup and restores it into a new library that opens',
    { timeout: 20_000 },
    async () => {
      await seedForBackup((c, i) => backend.call(c, i))
      const user = userEvent.setup()
      renderUi(<BackupsScreen />)
      await user.click(await screen.findByRole('button', { name: 'Back up now' }))
      const list = await screen.findByRole('list', { name: `Backups in ${join(backend.dir, 'Backups')}` })
      await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(1))
      expect(within(list).getByRole('button')).toHaveAttribute('aria-pressed', 'true')

      const preview = await screen.findByLabelText('In this backup')
      const facts = within(preview)
      await waitFor(() => expect(facts.getByText('Studies').nextElementSibling).toHaveTextContent('2'))
      expect(facts.getByText('Interviews').nextElementSibling).toHaveTextContent('2')
      expect(facts.getByText('Highlights').nextElementSibling).toHaveTextContent('2')
      expect(facts.getByText('Check').nextElementSibling).toHaveTextContent('Sound')

      const target = screen.getByRole('textbox', { name: 'New library file' })
      expect((target as HTMLInputElement).value).toMatch(/t restored \d{4}-\d{2}-\d{2}\.fieldnote$/)
      // Over the open library: refused, and it says why.
      await user.clear(target)
      await user.type(target, join(backend.dir, 't.fieldnote'))
      await user.click(screen.getByRole('button', { name: 'Restore into a new library…' }))
      expect(await screen.findByRole('alert')).toHaveTextContent('already exists')

      await user.clear(target)
      const to = join(backend.dir, 'Recovered.fieldnote')
      await user.type(target, to)
      await user.click(screen.getByRole('button', { name: 'Restore into a new library…' }))
      expect(await screen.findByText(`Restored into ${to}.`)).toBeInTheDocument()
      expect(existsSync(to)).toBe(true)

      await user.click(screen.getByRole('button', { name: 'Open the restored library' }))
      await waitFor(async () => expect((await backend.call('library:current'))?.path).toBe(to))
      expect((await backend.call('studies:list')).map((s) => s.name).sort()).toEqual([
        'Churn study',
        'Onboarding study',
      ])
    },
  )

  it('says so for a backup from a newer Fieldnote and offers no restore', async () => {
    const { path } = await backend.call('backups:run')
    const db = new Database(path)
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(
      'future',
      4_102_444_800_000,
    )
    db.close()
    renderUi(<BackupsScreen />)
    expect(await screen.findByText(/made by a newer version of Fieldnote/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Restore into a new library…' })).toBeDisabled()
  })
})
