import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryScreen } from '../../src/renderer/src/features/library/LibraryScreen'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend

beforeEach(async () => {
  backend = await installRealBackend()
})
afterEach(() => backend.cleanup())

describe('Library screen', () => {
  it('explains a library that could not be opened at startup once, in Russian too', async () => {
    await setLanguage('ru')
    backend.app.libraries.close()
    const folder = join(backend.dir, 'Папка')
    mkdirSync(folder)
    await backend.app.libraries.openAtStartup(folder)
    renderUi(<LibraryScreen />)
    const status = await screen.findByRole('status')
    expect(await within(status).findByRole('alert')).toHaveTextContent(
      `Это папка: «${folder}» — папка, а не файл библиотеки. Откройте файл .fieldnote в ней или допишите имя файла, чтобы создать там новую библиотеку.`,
    )
    expect(document.body.textContent?.split(folder)).toHaveLength(2)
  })

  it('in a browser, "Choose a library file…" lists the folder beside the open library', async () => {
    await setLanguage('en')
    mkdirSync(join(backend.dir, 'Clients'))
    const user = userEvent.setup()
    renderUi(<LibraryScreen />)
    await user.click(await screen.findByRole('button', { name: 'Choose a library file…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Choose a library file' })
    const list = await within(dialog).findByRole('list', { name: `Contents of ${backend.dir}` })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['▸ Clients', '▸ data', 't.fieldnote'])
  })
})
