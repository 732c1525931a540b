import { Editor, getTextBetween, getTextSerializersFromSchema, type JSONContent } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { docPlainText, sliceCodePoints } from '../../src/shared/text/plain-text'
import { ElapsedStamp } from '../../src/renderer/src/editor/elapsed-stamp'
import { HighlightMark } from '../../src/renderer/src/editor/highlight-mark'
import { InterviewRunner } from '../../src/renderer/src/features/interviews/InterviewRunner'
import { flushAllQueues } from '../../src/renderer/src/lib/autosave'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

/** The notes editor's schema and extensions, as NotesEditor configures them. */
function makeEditor(content: JSONContent): Editor {
  const element = document.createElement('div')
  document.body.append(element)
  editor = new Editor({
    element,
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false, codeBlock: false }),
      ElapsedStamp,
      HighlightMark,
    ],
    content,
  })
  return editor
}

const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })
const txt = (text: string): JSONContent => ({ type: 'text', text })

const DOCS: JSONContent[] = [
  { type: 'doc', content: [p()] },
  { type: 'doc', content: [p(txt('One line'))] },
  { type: 'doc', content: [p(txt('Привет 👋🏽 world')), p(), p(txt('after an empty paragraph'))] },
  {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 3 }, content: [txt('Heading')] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(txt('first'))] },
          {
            type: 'listItem',
            content: [
              p(txt('second')),
              { type: 'orderedList', content: [{ type: 'listItem', content: [p(txt('nested'))] }] },
            ],
          },
        ],
      },
      { type: 'blockquote', content: [p(txt('quoted'), { type: 'hardBreak' }, txt('next line'))] },
      { type: 'horizontalRule' },
      p({ type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, txt(' and plain')),
    ],
  },
  {
    type: 'doc',
    content: [
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(txt('list first'))] }] },
      p(txt('𝔘𝔫𝔦𝔠𝔬𝔡𝔢')),
    ],
  },
]

/** A seeded random doc: paragraphs, lists and quotes with astral characters and hard breaks. */
function randomDoc(seed: number): JSONContent {
  let s = seed
  const rnd = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n)
  const words = ['price', 'Привет', '👋', 'a', 'support team', '𝔘', 'é', 'x y']
  const inline = (): JSONContent[] =>
    Array.from({ length: rnd(4) }, (_, i) =>
      i > 0 && rnd(5) === 0 ? { type: 'hardBreak' } : txt(words[rnd(words.length)] as string),
    )
  const para = () => p(...inline())
  const block = (depth: number): JSONContent => {
    const k = rnd(depth > 1 ? 1 : 4)
    if (k === 1)
      return {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [para(), ...(rnd(2) ? [block(depth + 1)] : [])] }],
      }
    if (k === 2) return { type: 'blockquote', content: [para(), para()] }
    if (k === 3) return { type: 'heading', attrs: { level: 2 }, content: inline() }
    return para()
  }
  return { type: 'doc', content: Array.from({ length: 1 + rnd(5) }, () => block(0)) }
}

describe('docPlainText matches the editor’s getText', () => {
  it.each(DOCS.map((d, i) => [i, d]))('hand-written doc %i', (_i, doc) => {
    const ed = makeEditor(doc)
    expect(docPlainText(ed.getJSON()).text).toBe(ed.getText({ blockSeparator: '\n' }))
  })

  it('200 seeded random docs', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const ed = makeEditor(randomDoc(seed))
      expect(docPlainText(ed.getJSON()).text, `seed ${seed}`).toBe(ed.getText({ blockSeparator: '\n' }))
      ed.destroy()
      editor = null
    }
  })

  it('highlight marks: overlapping ranges map to the same text tiptap has between their positions', () => {
    const ed = makeEditor({
      type: 'doc',
      content: [p(txt('👋 The price went up')), p(txt('and support was slow'))],
    })
    // "price went up" = positions 8..21 (the emoji takes two), then across the paragraph to "and support".
    ed.chain().setTextSelection({ from: 8, to: 21 }).addHighlight('h1').run()
    ed.chain().setTextSelection({ from: 14, to: 34 }).addHighlight('h2').run()
    const { text, highlights } = docPlainText(ed.getJSON())
    const between = (from: number, to: number) =>
      getTextBetween(
        ed.state.doc,
        { from, to },
        { blockSeparator: '\n', textSerializers: getTextSerializersFromSchema(ed.schema) },
      )
    expect(sliceCodePoints(text, highlights.get('h1')!.start, highlights.get('h1')!.end)).toBe(between(8, 21))
    expect(sliceCodePoints(text, highlights.get('h2')!.start, highlights.get('h2')!.end)).toBe(
      between(14, 34),
    )
    expect(between(14, 34)).toBe('went up\nand support')
    // Both ids share the overlap in one mark; removing one leaves the other intact.
    ed.commands.removeHighlight('h1')
    const after = docPlainText(ed.getJSON()).highlights
    expect([...after.keys()]).toEqual(['h2'])
    expect(ed.view.dom.querySelectorAll('mark.hl').length).toBeGreaterThan(0)
  })
})

describe('tagging notes from the keyboard in the interview runner', () => {
  let backend: RealBackend
  let interviewId: string

  beforeEach(async () => {
    await setLanguage('en')
    backend = await installRealBackend()
    const study = await backend.call('studies:create', { name: 'Exit', method: 'exit', targetInterviews: 10 })
    interviewId = (
      await backend.call('interviews:create', { studyId: study.id, scriptId: 'builtin:exit:en' })
    ).id
    backend.app.libraries
      .context()
      .sqlite.prepare(
        "insert into tags (id, name, code, kind, color) values ('t-price', 'Price too high', 'PRC-01', 'churn_reason', '#cc3333'), ('t-support', 'Poor support', 'SUP-01', 'churn_reason', '#3366cc')",
      )
      .run()
  })
  afterEach(async () => {
    await act(() => flushAllQueues())
    backend.cleanup()
  })

  it('select → Ctrl+K → type → Enter makes a tagged highlight; clicking it shows tags, memo and emotion', async () => {
    const user = userEvent.setup()
    renderUi(<InterviewRunner id={interviewId} />)
    const box = await screen.findByRole('textbox', { name: /^Notes for:/ })
    await user.click(box)
    await user.keyboard('They said the price doubled.')

    // Select "the price doubled" in the DOM, as a mouse drag would.
    const textNode = box.querySelector('p')!.firstChild as Text
    const start = textNode.data.indexOf('the price')
    const range = document.createRange()
    range.setStart(textNode, start)
    range.setEnd(textNode, textNode.data.length - 1)
    act(() => {
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
      document.dispatchEvent(new Event('selectionchange'))
    })

    await user.keyboard('{Control>}k{/Control}')
    const combo = await screen.findByRole('combobox', { name: /Find a tag/ })
    await user.type(combo, 'prc')
    const listbox = screen.getByRole('listbox', { name: 'Tags' })
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['PRC-01 Price too high', 'Create tag “prc”'])
    await user.keyboard('{Enter}')
    await waitFor(() =>
      expect(screen.queryByRole('combobox', { name: /Find a tag/ })).not.toBeInTheDocument(),
    )

    const [h] = await backend.call('highlights:listForInterview', { interviewId })
    expect(h).toMatchObject({ source: 'note', quote: 'the price doubled', tagIds: ['t-price'] })
    expect(box.querySelector('mark.hl')?.textContent).toBe('the price doubled')
    await waitFor(() => expect(box.querySelector('.hl-tagged')).not.toBeNull())

    // The list under the notes opens the details: remove-tag, memo and emotion.
    await user.click(await screen.findByRole('button', { name: /“the price doubled”/ }))
    const details = await screen.findByRole('region', { name: '1 highlight' })
    expect(within(details).getByRole('button', { name: 'Remove tag Price too high' })).toBeInTheDocument()
    await user.click(within(details).getByRole('radio', { name: 'Emotion −2' }))
    await user.type(within(details).getByRole('textbox', { name: 'Memo' }), 'Renewal shock')
    await user.click(within(details).getByRole('button', { name: 'Add tag…' }))
    await user.type(await screen.findByRole('combobox', { name: /Find a tag/ }), 'support{Enter}')
    await waitFor(async () =>
      expect((await backend.call('highlights:listForInterview', { interviewId }))[0]).toMatchObject({
        emotion: -2,
        memo: 'Renewal shock',
        tagIds: ['t-price', 't-support'],
      }),
    )
    await user.click(within(details).getByRole('button', { name: 'Remove tag Price too high' }))
    await waitFor(async () =>
      expect((await backend.call('highlights:listForInterview', { interviewId }))[0]?.tagIds).toEqual([
        't-support',
      ]),
    )

    // Deleting the highlight removes its mark; the save removes the row.
    await user.click(within(details).getByRole('button', { name: 'Delete highlight' }))
    await waitFor(async () =>
      expect(await backend.call('highlights:listForInterview', { interviewId })).toEqual([]),
    )
    expect(box.querySelector('mark.hl')).toBeNull()
    expect((await backend.call('notes:list', { interviewId }))[0]?.plainText).toBe(
      'They said the price doubled.',
    )
  })

  it('Ctrl+K with nothing selected says to select text first; the picker creates a tag inline', async () => {
    const user = userEvent.setup()
    renderUi(<InterviewRunner id={interviewId} />)
    const box = await screen.findByRole('textbox', { name: /^Notes for:/ })
    await user.click(box)
    await user.keyboard('Billing was wrong{Control>}k{/Control}')
    expect(await screen.findByText(/Select some text first/)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Tag selection' }))
    act(() => {
      const node = box.querySelector('p')!.firstChild as Text
      const range = document.createRange()
      range.setStart(node, 0)
      range.setEnd(node, 7)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      document.dispatchEvent(new Event('selectionchange'))
    })
    await user.click(screen.getByRole('button', { name: 'Tag selection' }))
    const combo = await screen.findByRole('combobox', { name: /Find a tag/ })
    expect(screen.getByRole('combobox', { name: /Kind of a new tag/ })).toHaveValue('churn_reason')
    await user.type(combo, 'Billing errors{Enter}')
    await waitFor(async () =>
      expect(await backend.call('highlights:listForInterview', { interviewId })).toHaveLength(1),
    )
    const tags = await backend.call('tags:list')
    const created = tags.find((x) => x.name === 'Billing errors')
    expect(created).toMatchObject({ kind: 'churn_reason' })
    expect((await backend.call('highlights:listForInterview', { interviewId }))[0]).toMatchObject({
      quote: 'Billing',
      tagIds: [created?.id],
    })
  })
})

describe('the tag picker in a new library', () => {
  let backend: RealBackend
  afterEach(async () => {
    await act(() => flushAllQueues())
    backend.cleanup()
  })

  it('offers the starter codebooks when the codebook is empty; one click fills the picker', async () => {
    await setLanguage('en')
    backend = await installRealBackend()
    const study = await backend.call('studies:create', { name: 'Exit', method: 'exit', targetInterviews: 10 })
    const interviewId = (
      await backend.call('interviews:create', { studyId: study.id, scriptId: 'builtin:exit:en' })
    ).id
    const user = userEvent.setup()
    renderUi(<InterviewRunner id={interviewId} />)
    const box = await screen.findByRole('textbox', { name: /^Notes for:/ })
    await user.click(box)
    await user.keyboard('The price doubled.')
    act(() => {
      const node = box.querySelector('p')!.firstChild as Text
      const range = document.createRange()
      range.setStart(node, 4)
      range.setEnd(node, 9)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      document.dispatchEvent(new Event('selectionchange'))
    })
    await user.keyboard('{Control>}k{/Control}')
    const dialog = await screen.findByRole('dialog', { name: 'Tag the selection' })
    expect(within(dialog).getByText(/Your codebook is empty/)).toBeInTheDocument()
    const starters = within(dialog).getByRole('list', { name: 'Add starter codebook' })
    expect(within(starters).getAllByRole('button')).toHaveLength(6)

    await user.click(within(starters).getByRole('button', { name: /^Churn reasons/ }))
    expect(await within(dialog).findByRole('status')).toHaveTextContent('50 tags added')
    expect(within(dialog).queryByText(/Your codebook is empty/)).not.toBeInTheDocument()
    const combo = within(dialog).getByRole('combobox', { name: /Find a tag/ })
    await waitFor(() => expect(combo).toHaveFocus())
    await user.keyboard('PRC-01{Enter}')
    await waitFor(async () =>
      expect(await backend.call('highlights:listForInterview', { interviewId })).toHaveLength(1),
    )
    const tags = await backend.call('tags:list')
    expect((await backend.call('highlights:listForInterview', { interviewId }))[0]).toMatchObject({
      quote: 'price',
      tagIds: [tags.find((x) => x.code === 'PRC-01')?.id],
    })
  })
})

describe('the transcript tab', () => {
  let backend: RealBackend
  let interviewId: string

  beforeEach(async () => {
    await setLanguage('en')
    backend = await installRealBackend()
    const study = await backend.call('studies:create', { name: 'Exit', method: 'exit', targetInterviews: 10 })
    interviewId = (
      await backend.call('interviews:create', { studyId: study.id, scriptId: 'builtin:exit:en' })
    ).id
    backend.app.libraries
      .context()
      .sqlite.prepare(
        "insert into tags (id, name, code, kind, color) values ('t-price', 'Price too high', 'PRC-01', 'churn_reason', '#cc3333')",
      )
      .run()
  })
  afterEach(async () => {
    await act(() => flushAllQueues())
    backend.cleanup()
  })

  const vtt =
    'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Dana>The price doubled.</v>\n\n00:00:04.000 --> 00:00:06.000\n<v Ivan>Why?</v>\n'

  it('imports all files or none, shows speakers and times, and tags a selection with Ctrl+K', async () => {
    const user = userEvent.setup()
    renderUi(<InterviewRunner id={interviewId} />)
    await user.click(await screen.findByRole('tab', { name: 'Transcript' }))
    expect(await screen.findByText(/No transcript yet/)).toBeInTheDocument()
    const input = screen.getByLabelText('Import transcript…')

    await user.upload(input, [
      new File([vtt], 'call.vtt'),
      new File([new Uint8Array([0x47, 0, 0x49])], 'photo.txt'),
    ])
    const alert = await screen.findByText(/"photo.txt" is a binary file/)
    expect(alert).toHaveAttribute('role', 'alert')
    expect(screen.getByText('not imported (another file was rejected)')).toBeInTheDocument()
    expect(await backend.call('transcripts:list', { interviewId })).toEqual([])

    await user.upload(input, [new File([vtt], 'call.vtt')])
    const text = await screen.findByRole('textbox', { name: 'Transcript call' })
    expect(
      [...text.querySelectorAll('p')].map((p) => [p.dataset['speaker'], p.dataset['time'], p.textContent]),
    ).toEqual([
      ['Dana', '0:01', 'The price doubled.'],
      ['Ivan', '0:04', 'Why?'],
    ])

    const node = text.querySelector('p')!.firstChild as Text
    act(() => {
      const range = document.createRange()
      range.setStart(node, 4)
      range.setEnd(node, 17)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
    })
    await user.keyboard('{Control>}k{/Control}')
    await user.type(await screen.findByRole('combobox', { name: /Find a tag/ }), 'PRC{Enter}')
    await waitFor(async () =>
      expect(await backend.call('highlights:listForInterview', { interviewId })).toHaveLength(1),
    )
    const [h] = await backend.call('highlights:listForInterview', { interviewId })
    expect(h).toMatchObject({
      source: 'transcript',
      start: 4,
      end: 17,
      quote: 'price doubled',
      tagIds: ['t-price'],
    })
    await waitFor(() => expect(text.querySelector('.hl')?.textContent).toBe('price doubled'))
    expect(await screen.findByRole('region', { name: '1 highlight' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Delete transcript' }))
    expect(screen.getByText('Its 1 highlight is deleted with it.')).toBeInTheDocument()
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete transcript' }))
    await waitFor(async () => expect(await backend.call('transcripts:list', { interviewId })).toEqual([]))
    expect(await backend.call('highlights:listForInterview', { interviewId })).toEqual([])
  })

  it('tagging in the transcript and then in the notes shows the note highlight in the panel', async () => {
    const user = userEvent.setup()
    renderUi(<InterviewRunner id={interviewId} />)
    await user.click(await screen.findByRole('tab', { name: 'Transcript' }))
    await user.upload(screen.getByLabelText('Import transcript…'), [new File([vtt], 'call.vtt')])
    const text = await screen.findByRole('textbox', { name: 'Transcript call' })
    act(() => {
      const node = text.querySelector('p')!.firstChild as Text
      const range = document.createRange()
      range.setStart(node, 4)
      range.setEnd(node, 17)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
    })
    await user.keyboard('{Control>}k{/Control}')
    await user.type(await screen.findByRole('combobox', { name: /Find a tag/ }), 'PRC{Enter}')
    const panel = await screen.findByRole('region', { name: '1 highlight' })
    expect(within(panel).getByRole('article', { name: 'Highlight “price doubled”' })).toBeInTheDocument()

    await user.click(screen.getByRole('tab', { name: 'Notes' }))
    const box = await screen.findByRole('textbox', { name: /^Notes for:/ })
    await user.click(box)
    await user.keyboard('Renewal was a shock.')
    act(() => {
      const node = box.querySelector('p')!.firstChild as Text
      const range = document.createRange()
      range.setStart(node, 0)
      range.setEnd(node, 7)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      document.dispatchEvent(new Event('selectionchange'))
    })
    await user.keyboard('{Control>}k{/Control}')
    await user.type(await screen.findByRole('combobox', { name: /Find a tag/ }), 'PRC{Enter}')
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: '1 highlight' })).getByRole('article', {
          name: 'Highlight “Renewal”',
        }),
      ).toBeInTheDocument(),
    )
    expect(screen.queryByRole('article', { name: 'Highlight “price doubled”' })).not.toBeInTheDocument()
  })

  it('says a Windows-1251 file was converted, and renames and merges speakers from the Speakers dialog', async () => {
    const user = userEvent.setup()
    renderUi(<InterviewRunner id={interviewId} />)
    await user.click(await screen.findByRole('tab', { name: 'Transcript' }))
    const srt =
      '1\r\n00:00:01,000 --> 00:00:03,000\r\n<v Спикер 1>Цена выросла.\r\n\r\n2\r\n00:00:04,000 --> 00:00:05,000\r\n<v Спикер 2>Почему?\r\n\r\n3\r\n00:00:09,000 --> 00:00:10,000\r\n<v Спикер 3>Ещё поддержка.\r\n'
    const cp1251 = new Uint8Array(
      [...srt].map((c) => {
        const u = c.charCodeAt(0)
        return u >= 0x410 && u <= 0x44f ? u - 0x410 + 0xc0 : u
      }),
    )
    await user.upload(screen.getByLabelText('Import transcript…'), [new File([cp1251], 'звонок.srt')])
    expect(await screen.findByText('(converted from Windows-1251)')).toBeInTheDocument()
    const text = await screen.findByRole('textbox', { name: 'Transcript звонок' })
    expect([...text.querySelectorAll('p')].map((p) => p.dataset['speaker'])).toEqual([
      'Спикер 1',
      'Спикер 2',
      'Спикер 3',
    ])

    await user.click(screen.getByRole('button', { name: 'Speakers…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Speakers of “звонок”' })
    const first = within(dialog).getByRole('textbox', { name: 'New name for Спикер 1' })
    await user.clear(first)
    await user.type(first, 'Дана{Enter}')
    await waitFor(() =>
      expect([...text.querySelectorAll('p')].map((p) => p.dataset['speaker'])).toEqual([
        'Дана',
        'Спикер 2',
        'Спикер 3',
      ]),
    )
    const third = within(dialog).getByRole('textbox', { name: 'New name for Спикер 3' })
    await user.clear(third)
    await user.type(third, 'Дана')
    await user.click(within(dialog).getByRole('button', { name: 'Merge into Дана' }))
    await waitFor(() =>
      expect([...text.querySelectorAll('p')].map((p) => p.dataset['speaker'])).toEqual([
        'Дана',
        'Спикер 2',
        'Дана',
      ]),
    )
    expect(within(dialog).queryByRole('textbox', { name: 'New name for Спикер 3' })).not.toBeInTheDocument()
    expect(within(dialog).getAllByRole('textbox')).toHaveLength(2)
  })

  it('refuses a file over 10 MB before reading it, and imports nothing', async () => {
    const user = userEvent.setup()
    renderUi(<InterviewRunner id={interviewId} />)
    await user.click(await screen.findByRole('tab', { name: 'Transcript' }))
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1).fill(65)], 'long.txt')
    await user.upload(screen.getByLabelText('Import transcript…'), [new File([vtt], 'call.vtt'), big])
    expect(
      await screen.findByText('“long.txt” is larger than the 10 MB limit for a transcript.'),
    ).toHaveAttribute('role', 'alert')
    expect(backend.calls.some((c) => c.channel === 'transcripts:import')).toBe(false)
  })
})
