import { Editor, type JSONContent } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { afterEach, describe, expect, it } from 'vitest'
import { ElapsedStamp, setElapsedSource } from '../../src/renderer/src/editor/elapsed-stamp'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

/** An editor configured as the notes editor is, on a clock the test sets by hand. */
function makeEditor(clock: { now: number | null }, content?: JSONContent): Editor {
  const element = document.createElement('div')
  document.body.append(element)
  editor = new Editor({
    element,
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false, codeBlock: false }),
      ElapsedStamp.configure({ getElapsedMs: () => clock.now }),
    ],
    ...(content ? { content } : {}),
  })
  return editor
}

/** Typing: text inserted at the cursor, one keystroke's transaction at a time. */
function type(ed: Editor, text: string): void {
  for (const ch of text) ed.view.dispatch(ed.state.tr.insertText(ch))
}

const blocks = (ed: Editor) =>
  (ed.getJSON().content ?? []).filter((n) => n.type === 'paragraph' || n.type === 'heading')

describe('ElapsedStamp', () => {
  it('stamps a paragraph with the interview time when its first words are typed, and keeps that time', () => {
    const clock = { now: 65_000 as number | null }
    const ed = makeEditor(clock)
    expect(blocks(ed)[0]?.attrs?.['elapsedMs']).toBeNull()

    type(ed, 'Hi')
    clock.now = 70_000
    type(ed, ' there')
    expect(blocks(ed)).toEqual([
      expect.objectContaining({ attrs: expect.objectContaining({ elapsedMs: 65_000 }) }),
    ])
    expect(ed.getText()).toBe('Hi there')
  })

  it('gives a paragraph made with Enter its own, newer time rather than a copy', () => {
    const clock = { now: 10_000 as number | null }
    const ed = makeEditor(clock)
    type(ed, 'First thought')
    clock.now = 42_000
    expect(ed.commands.keyboardShortcut('Enter')).toBe(true)
    // The new empty paragraph carries no stamp yet…
    expect(blocks(ed).map((b) => b.attrs?.['elapsedMs'])).toEqual([10_000, null])
    clock.now = 45_000
    type(ed, 'Second')
    // …and gets the time of its own first words.
    expect(blocks(ed).map((b) => b.attrs?.['elapsedMs'])).toEqual([10_000, 45_000])
  })

  it('splitting a paragraph in the middle keeps the time its words were typed on both halves', () => {
    const clock = { now: null as number | null }
    const ed = makeEditor(clock, {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { elapsedMs: 5_000 }, content: [{ type: 'text', text: 'one two' }] },
      ],
    })
    ed.commands.setTextSelection(4) // after "one"
    clock.now = 9_000
    ed.commands.splitBlock()
    expect(
      blocks(ed).map((b) => [
        b.attrs?.['elapsedMs'],
        (b.content?.[0] as { text?: string } | undefined)?.text,
      ]),
    ).toEqual([
      [5_000, 'one'],
      [5_000, ' two'],
    ])
  })

  it('stamps nothing while the interview clock has not started', () => {
    const clock = { now: null as number | null }
    const ed = makeEditor(clock)
    type(ed, 'Before the start')
    expect(blocks(ed)[0]?.attrs?.['elapsedMs']).toBeNull()
    expect(ed.getHTML()).not.toContain('data-elapsed')
  })

  it('follows a clock source swapped in after the editor exists (the interview was started)', () => {
    const ed = makeEditor({ now: null })
    setElapsedSource(ed, () => 1_234)
    type(ed, 'x')
    expect(blocks(ed)[0]?.attrs?.['elapsedMs']).toBe(1_234)
  })

  it('round-trips through getJSON/setContent and renders a readable label', () => {
    const clock = { now: 65_000 as number | null }
    const ed = makeEditor(clock)
    type(ed, 'A')
    ed.commands.keyboardShortcut('Enter')
    clock.now = 3_723_000
    type(ed, 'B')
    const saved = JSON.parse(JSON.stringify(ed.getJSON())) as JSONContent

    const reloadedClock = { now: 999_999 as number | null }
    const again = makeEditor(reloadedClock)
    again.commands.setContent(saved)
    expect(blocks(again).map((b) => b.attrs?.['elapsedMs'])).toEqual([65_000, 3_723_000])

    const html = again.getHTML()
    expect(html).toContain('data-elapsed-ms="65000"')
    expect(html).toContain('data-elapsed-label="1:05"')
    expect(html).toContain('data-elapsed-label="1:02:03"')
    const rendered = [...again.view.dom.querySelectorAll('p')].map((p) =>
      p.getAttribute('data-elapsed-label'),
    )
    expect(rendered).toEqual(['1:05', '1:02:03'])

    // And back from HTML (copy/paste between notes keeps the time).
    const fromHtml = makeEditor({ now: null })
    fromHtml.commands.setContent(html)
    expect(blocks(fromHtml).map((b) => b.attrs?.['elapsedMs'])).toEqual([65_000, 3_723_000])
  })
})
