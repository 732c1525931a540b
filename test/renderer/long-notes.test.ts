import { Editor, type JSONContent } from '@tiptap/core'
import type { DecorationSet } from '@tiptap/pm/view'
import StarterKit from '@tiptap/starter-kit'
import { afterEach, describe, expect, it } from 'vitest'
import { ElapsedStamp } from '../../src/renderer/src/editor/elapsed-stamp'
import {
  HighlightMark,
  highlightStorage,
  refreshHighlightColors,
} from '../../src/renderer/src/editor/highlight-mark'
import { NoteSnapshot } from '../../src/renderer/src/editor/note-snapshot'
import { lastPastedRange, PasteRange } from '../../src/renderer/src/editor/paste-range'
import { plainTextSlice } from '../../src/renderer/src/editor/plain-paste'

// jsdom has no ClipboardEvent; ProseMirror's pasteText makes one for its handlers.
if (typeof globalThis.ClipboardEvent === 'undefined')
  (globalThis as { ClipboardEvent?: unknown }).ClipboardEvent = class extends Event {
    clipboardData = null
  }

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

/** The notes editor's extensions and paste parser, as NotesEditor configures them. */
function makeEditor(
  content: JSONContent,
  clock: { now: number | null } = { now: null },
  fastPaste = true,
): Editor {
  const element = document.createElement('div')
  document.body.append(element)
  editor = new Editor({
    element,
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false, codeBlock: false }),
      ElapsedStamp.configure({ getElapsedMs: () => clock.now }),
      HighlightMark,
      PasteRange,
    ],
    content,
    ...(fastPaste ? { editorProps: { clipboardTextParser: plainTextSlice } } : {}),
  })
  return editor
}

/** A seeded generator, so a failing sequence of edits can be replayed. */
function rng(seed: number): () => number {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

const hl = (id: string) => ({ type: 'highlight', attrs: { ids: [id] } })
const colorsOf = (ed: Editor): string[] => {
  const plugin = ed.state.plugins.find((p) =>
    (p as unknown as { key: string }).key.startsWith('highlightColors'),
  )
  const set = plugin?.getState(ed.state) as DecorationSet
  return set
    .find()
    .map(
      (d) => `${d.from}-${d.to}:${(d as unknown as { type: { attrs: { style: string } } }).type.attrs.style}`,
    )
    .sort()
}

/** ProseMirror's own paste path for plain text (parser, transformPasted, the 'paste' ui event). */
function paste(ed: Editor, text: string): void {
  ed.view.pasteText(text)
}

describe('long notes: work proportional to the edit', () => {
  it('keeps highlight colours equal to a full recomputation through random typing, deleting and tagging', () => {
    const paras: JSONContent[] = Array.from({ length: 30 }, (_, i) => ({
      type: 'paragraph',
      content: [
        { type: 'text', text: `Paragraph ${i} starts ` },
        { type: 'text', text: `tagged ${i}`, marks: [hl(i % 2 ? 'red' : 'blue')] },
        { type: 'text', text: ' and ends.' },
      ],
    }))
    const ed = makeEditor({ type: 'doc', content: paras })
    const colors: Record<string, string> = { red: '#ff0000', blue: '#0000ff', new1: '#00ff00' }
    highlightStorage(ed).colorOf = (id) => colors[id] ?? null
    refreshHighlightColors(ed)
    const random = rng(7)
    for (let step = 0; step < 300; step++) {
      const size = ed.state.doc.content.size
      const at = 1 + Math.floor(random() * (size - 2))
      const r = random()
      const chain = ed.chain().setTextSelection(at)
      if (r < 0.45) chain.insertContent('x').run()
      else if (r < 0.75)
        ed.chain()
          .setTextSelection({ from: at, to: Math.min(size - 1, at + 1 + Math.floor(random() * 12)) })
          .deleteSelection()
          .run()
      else if (r < 0.85) chain.splitBlock().run()
      else
        ed.chain()
          .setTextSelection({ from: at, to: Math.min(size - 1, at + 5) })
          .addHighlight('new1')
          .run()
      const incremental = colorsOf(ed)
      refreshHighlightColors(ed) // the full recomputation
      expect(incremental, `after step ${step}`).toEqual(colorsOf(ed))
    }
  })

  it('pastes plain text as ProseMirror’s default parser would, without building a DOM of it', () => {
    const text = 'First line\nSecond line\n\n\nThird line after blank lines\r\nFourth'
    const slow = makeEditor(
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Before ' }] }] },
      { now: null },
      false,
    )
    slow.commands.focus('end')
    paste(slow, text)
    const expected = slow.getJSON()
    slow.destroy()
    editor = null
    const fast = makeEditor(
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Before ' }] }] },
      { now: null },
    )
    fast.commands.focus('end')
    paste(fast, text)
    expect(fast.getJSON()).toEqual(expected)
    expect(new NoteSnapshot(fast.state.doc).plainText).toBe(fast.getText({ blockSeparator: '\n' }))
  })

  it('stamps all paragraphs of a paste of thousands of lines, in one pass', () => {
    const clock = { now: 125_000 as number | null }
    const ed = makeEditor({ type: 'doc', content: [{ type: 'paragraph' }] }, clock)
    ed.commands.focus('end')
    const lines = Array.from({ length: 3000 }, (_, i) => `Speaker ${i % 2}: line ${i}`)
    const t0 = performance.now()
    paste(ed, lines.join('\n'))
    const ms = performance.now() - t0
    const blocks = ed.getJSON().content ?? []
    expect(blocks).toHaveLength(3000)
    expect(blocks.every((b) => b.attrs?.['elapsedMs'] === 125_000)).toBe(true)
    // Quadratic work (one pass per pasted paragraph) took seconds here; linear work takes a fraction of that.
    expect(ms).toBeLessThan(3000)
  })

  it('remembers where the last paste is through later edits, and forgets it when it is deleted', () => {
    const ed = makeEditor({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Typed. ' }] }],
    })
    ed.commands.focus('end')
    paste(ed, 'Pasted one\nPasted two')
    const range = lastPastedRange(ed)
    expect(range).not.toBeNull()
    expect(ed.state.doc.textBetween(lastPastedRange(ed)!.from, lastPastedRange(ed)!.to, '\n')).toBe(
      'Pasted one\nPasted two',
    )
    // Typing before the paste moves it; typing at its end is not part of it.
    ed.chain().setTextSelection(1).insertContent('Earlier. ').run()
    ed.commands.focus('end')
    ed.commands.insertContent(' typed after')
    const moved = lastPastedRange(ed)!
    expect(ed.state.doc.textBetween(moved.from, moved.to, '\n')).toBe('Pasted one\nPasted two')
    ed.chain().deleteRange(moved).run()
    expect(lastPastedRange(ed)).toBeNull()
    expect(ed.getText({ blockSeparator: '\n' })).toBe('Earlier. Typed.  typed after')
  })

  it('takes a snapshot per change without serialising, and serialises it as the editor does', () => {
    const ed = makeEditor({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'b', marks: [{ type: 'bold' }] }] },
      ],
    })
    const snap = new NoteSnapshot(ed.state.doc)
    expect(snap.doc).toEqual(ed.getJSON())
    expect(snap.plainText).toBe(ed.getText({ blockSeparator: '\n' }))
    expect(snap.plainText.length).toBeLessThanOrEqual(snap.textLengthBound)
    expect(snap.hasText).toBe(true)
    expect(
      new NoteSnapshot(
        makeEditor({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '  ' }] }] })
          .state.doc,
      ).hasText,
    ).toBe(false)
  })
})
