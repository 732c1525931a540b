import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChurnScreen } from '../../src/renderer/src/features/churn/ChurnScreen'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend

beforeEach(async () => {
  backend = await installRealBackend()
  window.location.hash = ''
  // The import buttons appear once the library has a churn-reason taxonomy.
  backend.app.libraries
    .context()
    .sqlite.prepare(
      "insert into tags (id, name, code, kind, position) values ('prc1', 'Too expensive', 'PRC-01', 'churn_reason', 0)",
    )
    .run()
})
afterEach(() => backend.cleanup())

const SURVEY = 'date,company,reason\n2025-04-01,Ёлка «Гамма»,PRC-01\n'

function utf16le(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2 + text.length * 2)
  out.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff
    out[3 + 2 * i] = text.charCodeAt(i) >> 8
  }
  return out
}

async function pick(file: File) {
  const user = userEvent.setup()
  renderUi(<ChurnScreen />)
  await user.click(
    await screen.findByRole('button', { name: /^(Import churn survey CSV|Импорт.*опрос.*CSV)$/i }),
  )
  const dialog = await screen.findByRole('dialog')
  await user.upload(within(dialog).getByLabelText(/CSV/), file)
  return dialog
}

describe('the app reads a CSV with the decoder the CLI uses', () => {
  it('previews a UTF-16LE file with a byte-order mark, Cyrillic intact', async () => {
    await setLanguage('en')
    const dialog = await pick(new File([utf16le(SURVEY)], 'survey.csv', { type: 'text/csv' }))
    expect(await within(dialog).findByText('survey.csv: 1 row. The first rows:')).toBeInTheDocument()
    expect(within(dialog).getByRole('cell', { name: 'Ёлка «Гамма»' })).toBeInTheDocument()
  })

  it('says a binary file is one, naming it, in the interface language', async () => {
    await setLanguage('ru')
    const dialog = await pick(new File([new Uint8Array([0x61, 0, 0x62])], 'dump.csv'))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      '«dump.csv» — двоичный файл (в нём есть нулевые байты), а не текстовый.',
    )
  })
})
