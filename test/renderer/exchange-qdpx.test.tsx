import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { strToU8, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StudiesScreen } from '../../src/renderer/src/features/studies/StudiesScreen'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  window.location.hash = ''
})
afterEach(() => backend.cleanup())

const G = (n: number) => `0f9e1c2a-4444-4a2b-9c3d-${String(n).padStart(12, '0')}`

/** A small project in MAXQDA's shape: a coded selection, an annotation, a code group, a variable we keep. */
function project(): File {
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Exit MAXQDA" origin="MAXQDA 2022">
  <CodeBook><Codes><Code guid="${G(1)}" name="Price" isCodable="true"/></Codes></CodeBook>
  <Variables><Variable guid="${G(2)}" name="Company" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="${G(3)}" name="Dana Fox">
    <VariableValue><VariableRef targetGUID="${G(2)}"/><TextValue>Globex</TextValue></VariableValue>
    <SourceRef targetGUID="${G(4)}"/></Case></Cases>
  <Sources><TextSource guid="${G(4)}" name="Dana interview" plainTextPath="internal://${G(4)}.txt">
    <PlainTextSelection guid="${G(5)}" startPosition="14" endPosition="19"><Coding guid="${G(6)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="${G(7)}" startPosition="0" endPosition="9"><Description>Opener</Description></PlainTextSelection>
  </TextSource></Sources>
  <Sets><Set guid="${G(8)}" name="Money"><MemberCode targetGUID="${G(1)}"/></Set></Sets>
</Project>`
  const zip = zipSync({
    'project.qde': strToU8(qde),
    [`Sources/${G(4)}.txt`]: strToU8('Honestly, the price.'),
  })
  return new File([zip], 'exit.qdpx', { type: 'application/zip' })
}

describe('REFI-QDA projects on the Studies screen', () => {
  it('imports a .qdpx as a new study, reports what came in and what has no place, and opens the study', async () => {
    const user = userEvent.setup()
    renderUi(<StudiesScreen />)
    await user.upload(await screen.findByLabelText('Import a REFI-QDA project…'), project())
    const dialog = await screen.findByRole('dialog', { name: 'Imported “Exit MAXQDA”' })
    expect(within(dialog).getByText('From MAXQDA 2022.')).toBeInTheDocument()
    expect(
      within(dialog).getByText('1 source, 1 coding, 1 annotation kept as a memo, 1 participant, 1 company.'),
    ).toBeInTheDocument()
    expect(within(dialog).getByText('Case variables kept: Company.')).toBeInTheDocument()
    expect(within(dialog).getByText('Code groups Fieldnote has no place for: Money.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Open the study' }))
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/studies\//))
    const quotes = backend.app.libraries
      .context()
      .sqlite.prepare('select quote, memo from highlights order by start_offset')
      .all()
    expect(quotes).toEqual([
      { quote: 'Honestly,', memo: 'Opener' },
      { quote: 'price', memo: '' },
    ])
    expect(await screen.findByRole('link', { name: /Exit MAXQDA/ })).toBeInTheDocument()
  })

  it('says why a file is refused and imports nothing', async () => {
    const user = userEvent.setup()
    renderUi(<StudiesScreen />)
    await user.upload(
      await screen.findByLabelText('Import a REFI-QDA project…'),
      new File(['name,code\nPrice,PRC-01'], 'codes.qdpx'),
    )
    expect(await screen.findByText(/a \.qdpx is a zip archive, and this is not one/)).toBeInTheDocument()
    expect(await backend.call('studies:list')).toEqual([])
  })
})
