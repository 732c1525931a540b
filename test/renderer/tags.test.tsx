import { strToU8, zipSync } from 'fflate'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useRoute } from '../../src/renderer/src/app/router'
import { CodebookScreen } from '../../src/renderer/src/features/tags/CodebookScreen'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  window.location.hash = '#/codebook'
})
afterEach(() => backend.cleanup())

/** The screen as App renders it: the selected tag comes from the route. */
function Routed() {
  const route = useRoute()
  return <CodebookScreen selectedId={route.name === 'codebook' ? route.id : undefined} />
}

const tree = () => screen.getByRole('navigation', { name: 'Tags' })

describe('Codebook screen', () => {
  it('explains an empty codebook and seeds a starter from it', async () => {
    const user = userEvent.setup()
    renderUi(<Routed />)
    expect(await screen.findByRole('heading', { name: 'Your codebook is empty' })).toBeInTheDocument()
    expect(
      screen.getByText(/A codebook is the list of tags you mark interview quotes with/),
    ).toBeInTheDocument()
    // Nothing to export yet: REFI-QDA needs at least one code.
    expect(screen.getByRole('button', { name: 'Export .qdc' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Churn reasons (10 categories, 40 codes)' }))
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Churn reasons (10 categories, 40 codes): 50 tags added, 0 already there.',
    )
    const link = await within(tree()).findByRole('link', { name: /PRC-01 Price too high/ })
    expect(link).toHaveTextContent('Churn reason · 0 highlights')
    expect(screen.getByRole('button', { name: 'Export .qdc' })).toBeEnabled()
    expect(backend.calls.find((c) => c.channel === 'tags:seedStarter')?.input).toEqual({
      codebook: 'churn_reasons',
      language: 'en',
    })

    // The menu offers all six; seeding the same one again adds nothing.
    await user.click(screen.getByRole('button', { name: /Add starter codebook/ }))
    const menu = screen.getByRole('menu', { name: 'Add starter codebook' })
    expect(within(menu).getAllByRole('menuitem')).toHaveLength(6)
    expect(
      within(menu).getByRole('menuitem', { name: 'Churn reasons (10 categories, 40 codes)' }),
    ).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(
      within(menu).getByRole('menuitem', { name: 'JTBD forces (push, pull, anxiety, habit)' }),
    ).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(await within(tree()).findByRole('link', { name: /Push of the situation/ })).toBeInTheDocument()
  })

  it('a category’s badge counts the highlights of its sub-tags, each once', async () => {
    await backend.call('tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
    const tags = await backend.call('tags:list')
    const id = (code: string) => tags.find((x) => x.code === code)!.id
    const study = await backend.call('studies:create', { name: 'Exit', method: 'exit', targetInterviews: 1 })
    const iv = await backend.call('interviews:create', { studyId: study.id, scriptId: 'builtin:exit:en' })
    const note = await backend.call('notes:save', {
      interviewId: iv.id,
      questionId: iv.currentQuestionId!,
      doc: { type: 'doc', content: [] },
      plainText: 'quote',
      elapsedMs: 0,
    })
    const sqlite = backend.app.libraries.context().sqlite
    const add = sqlite.prepare(
      `insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, ?, 0, 1, 'q')`,
    )
    const tag = sqlite.prepare('insert into highlight_tags (highlight_id, tag_id) values (?, ?)')
    for (const [h, codes] of [
      ['h1', ['PRC-01']],
      ['h2', ['PRC-01', 'PRC-02']],
    ] as const) {
      add.run(h, iv.id, note.id)
      for (const c of codes) tag.run(h, id(c))
    }
    window.location.hash = `#/codebook/${id('PRC')}`
    renderUi(<Routed />)
    const category = await within(tree()).findByRole('link', { name: /^PRC / })
    expect(category).toHaveTextContent('Churn reason · 2 highlights with its sub-tags')
    expect(category.querySelector('.count-pill')).toHaveTextContent('2')
    expect(within(tree()).getByRole('link', { name: /PRC-02/ })).toHaveTextContent(
      'Churn reason · 1 highlight',
    )
    // The editor says both: the category's own highlights and those with its sub-tags.
    expect(
      await screen.findByText('Churn reason · 0 highlights · 2 highlights with its sub-tags'),
    ).toBeInTheDocument()
  })

  it('creates, renames with an alias, filters, deletes showing affected highlights, and undoes', async () => {
    const user = userEvent.setup()
    const parent = await backend.call('tags:create', { name: 'Pricing', code: 'PX' })
    renderUi(<Routed />)
    await user.click(await screen.findByRole('button', { name: 'New tag' }))
    const dialog = await screen.findByRole('dialog', { name: 'New tag' })
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Parent' }), 'Pricing')
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Too pricey')
    await user.type(within(dialog).getByRole('textbox', { name: 'Code' }), 'PX-01')
    await user.click(within(dialog).getByRole('button', { name: 'Create tag' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const created = (await backend.call('tags:list')).find((x) => x.code === 'PX-01')
    expect(created).toMatchObject({ parentId: parent.id, name: 'Too pricey' })
    expect(window.location.hash).toBe(`#/codebook/${created?.id}`)

    // Rename in the editor; the old name becomes an alias.
    const name = await screen.findByRole('textbox', { name: 'Name' })
    await user.clear(name)
    await user.type(name, 'Price too high')
    await user.click(screen.getByRole('button', { name: 'Save tag' }))
    expect(await screen.findByText('Also known as: Too pricey')).toBeInTheDocument()
    expect(within(tree()).getByRole('link', { name: /PX-01 Price too high/ })).toBeInTheDocument()

    // A duplicate code is refused with the service's message.
    const code = screen.getByRole('textbox', { name: 'Code' })
    await user.clear(code)
    await user.type(code, 'PX')
    await user.click(screen.getByRole('button', { name: 'Save tag' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The code PX is already used by the tag “Pricing”.',
    )

    // Filter by the old name finds it (with its parent for context).
    await user.type(screen.getByRole('searchbox', { name: 'Find a tag' }), 'pricey')
    expect(
      within(tree())
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([expect.stringContaining('Pricing'), expect.stringContaining('Price too high')])
    await user.clear(screen.getByRole('searchbox', { name: 'Find a tag' }))

    // Two highlights use the tags (the highlights service belongs to another area: raw rows).
    const sqlite = backend.app.libraries.context().sqlite
    const study = await backend.call('studies:create', { name: 'S', method: 'exit', targetInterviews: 5 })
    const iv = await backend.call('interviews:create', { studyId: study.id, scriptId: 'builtin:exit:en' })
    const note = await backend.call('notes:save', {
      interviewId: iv.id,
      questionId: iv.currentQuestionId ?? '',
      doc: { type: 'doc', content: [] },
      plainText: 'x',
      elapsedMs: 0,
    })
    for (const [h, tag] of [
      ['h1', created?.id],
      ['h2', parent.id],
      ['h2', created?.id],
    ] as const) {
      sqlite
        .prepare(
          "insert or ignore into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, ?, 0, 1, 'q')",
        )
        .run(h, iv.id, note.id)
      sqlite.prepare('insert into highlight_tags (highlight_id, tag_id) values (?, ?)').run(h, tag)
    }

    await user.click(within(tree()).getByRole('link', { name: /PX Pricing/ }))
    await user.click(await screen.findByRole('button', { name: 'Delete tag…' }))
    const confirm = await screen.findByRole('dialog', { name: 'Delete tag “Pricing”?' })
    expect(
      await within(confirm).findByText('This deletes the tag and its sub-tags: 2 tags in all.'),
    ).toBeInTheDocument()
    expect(within(confirm).getByText('2 highlights lose these tags.')).toBeInTheDocument()
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Deleted “Pricing”.')
    // Nothing left: the empty state returns, with Undo still offered above it.
    expect(await screen.findByRole('heading', { name: 'Your codebook is empty' })).toBeInTheDocument()
    expect(await backend.call('tags:list')).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(await within(tree()).findByRole('link', { name: /PX-01 Price too high/ })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Restored “Pricing”.')
    expect((await backend.call('tags:list')).map((x) => x.highlightCount)).toEqual([1, 2])
  })

  it('moves and merges from the editor, explaining the merge first', async () => {
    const user = userEvent.setup()
    const a = await backend.call('tags:create', { name: 'Alpha' })
    const b = await backend.call('tags:create', { name: 'Beta' })
    window.location.hash = `#/codebook/${b.id}`
    renderUi(<Routed />)
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Move to…' }), 'Alpha')
    await user.click(screen.getByRole('button', { name: 'Move' }))
    await waitFor(async () =>
      expect((await backend.call('tags:list')).find((x) => x.id === b.id)?.parentId).toBe(a.id),
    )
    // Alpha is Beta's parent now; Beta cannot be merged or moved into itself, but into Alpha it can.
    const mergeSelect = screen.getByRole('combobox', { name: 'Merge into' })
    expect(within(mergeSelect).queryByRole('option', { name: /Beta/ })).not.toBeInTheDocument()
    await user.selectOptions(mergeSelect, 'Alpha')
    expect(
      screen.getByText(
        /Its 0 highlights move to “Alpha”; “Beta” and its code stay findable as aliases of “Alpha”/,
      ),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Merge into “Alpha”' }))
    await waitFor(() => expect(window.location.hash).toBe(`#/codebook/${a.id}`))
    expect(await screen.findByText('Also known as: Beta')).toBeInTheDocument()
    expect((await backend.call('tags:list')).map((x) => x.name)).toEqual(['Alpha'])
    // Undo separates Beta again, back under Alpha, and opens it.
    expect(screen.getByRole('status')).toHaveTextContent('“Beta” was merged into “Alpha”.')
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(window.location.hash).toBe(`#/codebook/${b.id}`))
    expect(screen.getByRole('status')).toHaveTextContent('Restored “Beta”.')
    const tags = await backend.call('tags:list')
    expect(tags.map((x) => [x.name, x.parentId, x.aliases])).toEqual([
      ['Alpha', null, []],
      ['Beta', a.id, []],
    ])
  })

  it('imports a .qdc file chosen with the file input and reports bad files', async () => {
    const user = userEvent.setup()
    renderUi(<Routed />)
    const input = await screen.findByLabelText('Import .qdc…')
    const qdc =
      '<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="0f9e1c2a-1111-4a2b-9c3d-000000000001" name="Imported &amp; nested" color="#AA0000"><Code name="Child"/></Code></Codes></CodeBook>'
    await user.upload(input, new File([qdc], 'book.qdc', { type: 'application/xml' }))
    expect(await screen.findByText('Imported: 2 new, 0 updated, 0 unchanged.')).toBeInTheDocument()
    expect(await within(tree()).findByRole('link', { name: /Imported & nested/ })).toBeInTheDocument()
    await user.upload(input, new File(['not xml at all'], 'bad.qdc'))
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is not XML')
  })

  it('recognises a whole project given to the codebook import and imports it as a project on request', async () => {
    const user = userEvent.setup()
    renderUi(<Routed />)
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="From NVivo" origin="NVivo 14"><CodeBook><Codes><Code guid="0f9e1c2a-5555-4a2b-9c3d-000000000001" name="Onboarding" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="0f9e1c2a-5555-4a2b-9c3d-000000000002" name="Call" plainTextPath="internal://a.txt"><PlainTextSelection guid="0f9e1c2a-5555-4a2b-9c3d-000000000003" startPosition="0" endPosition="10"><Coding guid="0f9e1c2a-5555-4a2b-9c3d-000000000004"><CodeRef targetGUID="0f9e1c2a-5555-4a2b-9c3d-000000000001"/></Coding></PlainTextSelection></TextSource></Sources></Project>`
    const zip = zipSync({ 'project.qde': strToU8(qde), 'Sources/a.txt': strToU8('Onboarding was slow.') })
    await user.upload(await screen.findByLabelText('Import .qdc…'), new File([zip], 'project.qdpx'))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“project.qdpx” is a whole REFI-QDA project (.qdpx), with sources and codings, not only a codebook.',
    )
    await user.click(screen.getByRole('button', { name: 'Import it as a project' }))
    const dialog = await screen.findByRole('dialog', { name: 'Imported “From NVivo”' })
    expect(within(dialog).getByText('1 source, 1 coding.')).toBeInTheDocument()
    expect(await within(tree()).findByRole('link', { name: /Onboarding/ })).toBeInTheDocument()
  })
})
