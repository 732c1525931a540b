import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LibraryScreen } from '../../src/renderer/src/features/library/LibraryScreen'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
let downloads: { name: string; blob: Blob }[]

beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  downloads = []
  // jsdom has no object URLs and no downloads: keep what the page hands over, by the link's file name.
  let last: Blob | null = null
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (b: Blob) => ((last = b), 'blob:test'),
      revokeObjectURL: () => {},
    }),
  )
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) downloads.push({ name: this.download, blob: last })
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  backend.cleanup()
})

describe('Library screen: backup as JSON', () => {
  it('exports one study as a JSON download and imports it as a new library, in a browser', async () => {
    const study = await backend.call('studies:create', {
      name: 'Exit Q1',
      method: 'exit',
      targetInterviews: 3,
    })
    await backend.call('studies:create', { name: 'Other', method: 'discovery', targetInterviews: 3 })
    const user = userEvent.setup()
    renderUi(<LibraryScreen />)
    const card = within(await screen.findByRole('region', { name: 'Backup as JSON' }))
    await card.findByRole('option', { name: 'Exit Q1' })
    await user.selectOptions(card.getByRole('combobox', { name: 'Study' }), 'Exit Q1')
    await user.click(card.getByRole('button', { name: 'Export study as JSON…' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    const [file] = downloads
    expect(file?.name).toMatch(/^Fieldnote Exit Q1 \d{4}-\d{2}-\d{2}\.json$/)
    const json = await file!.blob.text()
    expect(JSON.parse(json)).toMatchObject({ format: 'fieldnote-library', study: { id: study.id } })
    expect(card.getByRole('status')).toHaveTextContent(`Saved ${file?.name}.`)

    // Browser mode has no save dialog: the server's folder list asks where the new library goes.
    await user.upload(
      card.getByLabelText('Import a JSON backup as a new library…'),
      new File([json], 'b.json'),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Choose a folder for the new library' })
    const name = within(dialog).getByRole('textbox', { name: 'File name' })
    await user.clear(name)
    await user.type(name, 'Restored')
    await user.click(within(dialog).getByRole('button', { name: 'Create here' }))
    expect(await card.findByRole('status')).toHaveTextContent(
      'The backup is now the library “Restored”, open. Studies: 1, interviews: 0',
    )
    const restored = join(backend.dir, 'Restored.fieldnote')
    expect(await backend.call('library:current')).toMatchObject({ path: restored })
    expect((await backend.call('studies:list', {})).map((s) => s.name)).toEqual(['Exit Q1'])
  })

  it('says why a file is refused, and creates nothing', async () => {
    const user = userEvent.setup()
    renderUi(<LibraryScreen />)
    const card = within(await screen.findByRole('region', { name: 'Backup as JSON' }))
    await user.upload(
      card.getByLabelText('Import a JSON backup as a new library…'),
      new File(['{"format":"other"}'], 'x.json'),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Choose a folder for the new library' })
    await user.click(within(dialog).getByRole('button', { name: 'Create here' }))
    expect(await card.findByRole('alert')).toHaveTextContent(
      'The file is not a Fieldnote library JSON file: "format" is "other", expected "fieldnote-library".',
    )
    expect(existsSync(join(backend.dir, 'Client research.fieldnote'))).toBe(false)
    expect(await backend.call('library:current')).toMatchObject({ path: join(backend.dir, 't.fieldnote') })
  })
})
