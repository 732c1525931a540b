import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { EditorContent, useEditor, type JSONContent } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { memo, useEffect, useMemo, useRef, type MouseEvent } from 'react'
import {
  docPlainText,
  offsetAtPos,
  posRangesForOffsets,
  type JsonNode,
  type TextRun,
} from '../../../shared/text/plain-text'
import { formatTimecode } from '../../../shared/transcripts/common'

export interface TranscriptMark {
  id: string
  start: number
  end: number
  color: string | null
}

/** Speaker and times of a transcript paragraph, shown beside it (CSS reads the data attributes). */
const TranscriptAttrs = Extension.create({
  name: 'transcriptAttrs',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: {
          speaker: {
            default: null,
            renderHTML: (a) => (typeof a['speaker'] === 'string' ? { 'data-speaker': a['speaker'] } : {}),
          },
          startMs: {
            default: null,
            renderHTML: (a) =>
              typeof a['startMs'] === 'number' ? { 'data-time': formatTimecode(a['startMs']) } : {},
          },
          endMs: { default: null, renderHTML: () => ({}) },
        },
      },
    ]
  },
})

const marksKey = new PluginKey<DecorationSet>('transcriptHighlights')

interface Props {
  doc: Record<string, unknown>
  label: string
  highlights: readonly TranscriptMark[]
  onHighlightClick: (ids: string[]) => void
  onEditor?: (editor: Editor | null) => void
  /** Paragraph to scroll to and mark once shown (a search or evidence link's target), counted from 0. */
  focusParagraph?: number
}

function decorations(
  editor: Editor,
  runs: readonly TextRun[],
  highlights: readonly TranscriptMark[],
): DecorationSet {
  const decos: Decoration[] = []
  for (const h of highlights)
    for (const r of posRangesForOffsets(runs, h.start, h.end)) {
      // Overlapping inline decorations merge into one span: classes add up, so each id travels as a class.
      const attrs: Record<string, string> = { class: `hl hl-id-${h.id}${h.color ? ' hl-tagged' : ''}` }
      if (h.color && /^#[0-9a-f]{6}$/i.test(h.color)) attrs['style'] = `--tag-color: ${h.color}`
      decos.push(Decoration.inline(r.from, r.to, attrs))
    }
  return DecorationSet.create(editor.state.doc, decos)
}

/** Selected text of the viewer as code-point offsets into the transcript's plain text, or null. */
export function selectionOffsets(
  editor: Editor,
  runs: readonly TextRun[],
): { start: number; end: number } | null {
  const sel = window.getSelection()
  let from = editor.state.selection.from
  let to = editor.state.selection.to
  // A read-only view does not always carry the DOM selection into its state: read the DOM directly.
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
    const range = sel.getRangeAt(0)
    if (editor.view.dom.contains(range.commonAncestorContainer)) {
      try {
        from = editor.view.posAtDOM(range.startContainer, range.startOffset)
        to = editor.view.posAtDOM(range.endContainer, range.endOffset)
      } catch {
        return null
      }
    }
  }
  if (from >= to) return null
  const start = offsetAtPos(runs, from, 1)
  const end = offsetAtPos(runs, to, -1)
  return start !== null && end !== null && end > start ? { start, end } : null
}

/** A transcript, read-only, with its highlights drawn as ProseMirror decorations. */
export const TranscriptViewer = memo(function TranscriptViewer({
  doc,
  label,
  highlights,
  onHighlightClick,
  onEditor,
  focusParagraph,
}: Props) {
  const runs = useMemo(() => docPlainText(doc as JsonNode).runs, [doc])
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        link: false,
        codeBlock: false,
        blockquote: false,
        bulletList: false,
        orderedList: false,
        listItem: false,
        listKeymap: false,
        horizontalRule: false,
        undoRedo: false,
        dropcursor: false,
        gapcursor: false,
        trailingNode: false,
      }),
      TranscriptAttrs,
    ],
    content: doc as JSONContent,
    editable: false,
    injectCSS: false,
    editorProps: {
      attributes: {
        'aria-label': label,
        'aria-readonly': 'true',
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'transcript-text',
      },
    },
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
  })

  // A saved change to the transcript (a speaker renamed) arrives as a new doc; the editor was made with the
  // first. Declared before the highlights' effect, so their decorations are drawn on the new content.
  const shown = useRef(doc)
  useEffect(() => {
    if (!editor || shown.current === doc) return
    shown.current = doc
    editor.commands.setContent(doc as JSONContent, { emitUpdate: false })
  }, [editor, doc])

  useEffect(() => {
    if (!editor) return
    const set = decorations(editor, runs, highlights)
    const plugin = new Plugin<DecorationSet>({
      key: marksKey,
      state: { init: () => set, apply: (tr, old) => old.map(tr.mapping, tr.doc) },
      props: {
        decorations: (state) => marksKey.getState(state),
      },
    })
    editor.registerPlugin(plugin)
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(marksKey)
    }
  }, [editor, runs, highlights])

  useEffect(() => {
    if (!editor || focusParagraph === undefined) return
    const paragraph = editor.view.dom.children.item(focusParagraph)
    if (!(paragraph instanceof HTMLElement)) return
    paragraph.classList.add('jump-target')
    paragraph.scrollIntoView({ block: 'center' })
  }, [editor, focusParagraph])

  useEffect(() => {
    onEditor?.(editor)
    return () => onEditor?.(null)
  }, [editor, onEditor])

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const span = (e.target as Element).closest?.('.hl')
    if (!span || window.getSelection()?.isCollapsed === false) return
    const ids = [...span.classList].filter((c) => c.startsWith('hl-id-')).map((c) => c.slice(6))
    const length = (id: string) => {
      const h = highlights.find((x) => x.id === id)
      return h ? h.end - h.start : Infinity
    }
    if (ids.length) onHighlightClick(ids.sort((a, b) => length(a) - length(b)))
  }

  if (!editor) return null
  // A mouse shortcut only: the keyboard path to the same details is the list of highlights beside the text.
  return (
    <div onClick={onClick}>
      <EditorContent editor={editor} className="transcript-frame" />
    </div>
  )
})
