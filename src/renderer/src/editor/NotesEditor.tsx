import type { Editor } from '@tiptap/core'
import { EditorContent, useEditor, useEditorState, type JSONContent } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { memo, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ElapsedStamp, setElapsedSource } from './elapsed-stamp'
import { HighlightMark, highlightStorage, refreshHighlightColors } from './highlight-mark'
import { NoteSnapshot } from './note-snapshot'
import { lastPastedRange, PasteRange, type PastedRange } from './paste-range'
import { plainTextSlice } from './plain-paste'

interface NotesEditorProps {
  /** Initial content; the editor owns the document afterwards (remount with a new key to load another). */
  initial: JSONContent | null
  /** Where the last paste in `initial` is, when the note was open before. */
  initialPaste?: PastedRange | null | undefined
  label: string
  getElapsedMs: () => number | null
  /** Every change, as a snapshot that serialises only when read (see NoteSnapshot). */
  onChange: (note: NoteSnapshot) => void
  /** Tagging: Mod+K and the toolbar's "Tag selection" button call this (the button shows only when it is set). */
  onTagRequest?: (() => void) | undefined
  /** A click on a highlighted passage, with the highlight ids there (innermost first). */
  onHighlightClick?: ((ids: string[]) => void) | undefined
  /** Colour of a highlight (its first tag's); `colorsKey` changes when the answers do. */
  colorOf?: ((id: string) => string | null) | undefined
  colorsKey?: unknown
  /** The live editor, for callers that add or remove highlight marks. */
  onEditor?: ((editor: Editor | null) => void) | undefined
}

function Toolbar({
  editor,
  onTagRequest,
}: {
  editor: NonNullable<ReturnType<typeof useEditor>>
  onTagRequest?: (() => void) | undefined
}) {
  const { t } = useTranslation()
  // Only a change of these flags re-renders the toolbar, not every transaction of a long note.
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
    }),
  })
  const btn = (name: string, on: boolean, run: () => void, shortcut: string) => (
    <button
      type="button"
      className={on ? 'tool active' : 'tool'}
      aria-pressed={on}
      title={`${t(`editor.${name}`)} (${shortcut})`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {t(`editor.${name}`)}
    </button>
  )
  const chain = () => editor.chain().focus()
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {btn('heading', active.heading, () => chain().toggleHeading({ level: 3 }).run(), 'Ctrl+Alt+3')}
      {btn('bold', active.bold, () => chain().toggleBold().run(), 'Ctrl+B')}
      {btn('italic', active.italic, () => chain().toggleItalic().run(), 'Ctrl+I')}
      {btn('bulletList', active.bulletList, () => chain().toggleBulletList().run(), 'Ctrl+Shift+8')}
      {btn('orderedList', active.orderedList, () => chain().toggleOrderedList().run(), 'Ctrl+Shift+7')}
      {btn('quote', active.blockquote, () => chain().toggleBlockquote().run(), 'Ctrl+Shift+B')}
      {onTagRequest && (
        <button
          type="button"
          className="tool tool-tag"
          title={`${t('highlights.tagSelection')} (Ctrl+K)`}
          aria-keyshortcuts="Control+K Meta+K"
          onMouseDown={(e) => e.preventDefault()}
          onClick={onTagRequest}
        >
          {t('highlights.tagSelection')}
        </button>
      )}
    </div>
  )
}

/** The tiptap editor for one question's notes; kept apart so typing re-renders only this component. */
export const NotesEditor = memo(function NotesEditor({
  initial,
  initialPaste,
  label,
  getElapsedMs,
  onChange,
  onTagRequest,
  onHighlightClick,
  colorOf,
  colorsKey,
  onEditor,
}: NotesEditorProps) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false, codeBlock: false }),
      ElapsedStamp,
      HighlightMark,
      PasteRange.configure({ initial: initialPaste ?? null }),
    ],
    content: initial ?? '',
    // tiptap would inject a <style> element, which our CSP (style-src 'self') forbids; app.css has its rules.
    injectCSS: false,
    editorProps: {
      attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'notes-editor' },
      clipboardTextParser: plainTextSlice,
    },
    immediatelyRender: true,
    // The toolbar follows the editor through useEditorState; re-rendering this component on every
    // transaction would redo React work per keystroke for nothing.
    shouldRerenderOnTransaction: false,
  })

  useEffect(() => {
    editor?.commands.focus('end')
  }, [editor])

  useEffect(() => {
    if (!editor) return
    setElapsedSource(editor, getElapsedMs)
  }, [editor, getElapsedMs])

  useEffect(() => {
    if (!editor) return
    const storage = highlightStorage(editor)
    storage.onTagRequest = onTagRequest ?? null
    storage.onHighlightClick = onHighlightClick ?? null
  }, [editor, onTagRequest, onHighlightClick])

  useEffect(() => {
    if (!editor) return
    highlightStorage(editor).colorOf = colorOf ?? (() => null)
    refreshHighlightColors(editor)
  }, [editor, colorOf, colorsKey])

  useEffect(() => {
    onEditor?.(editor)
    return () => onEditor?.(null)
  }, [editor, onEditor])

  useEffect(() => {
    if (!editor) return
    const emit = () => onChange(new NoteSnapshot(editor.state.doc, lastPastedRange(editor)))
    editor.on('update', emit)
    return () => void editor.off('update', emit)
  }, [editor, onChange])

  if (!editor) return null
  return (
    <div className="editor-frame">
      <Toolbar editor={editor} onTagRequest={onTagRequest} />
      <EditorContent editor={editor} />
    </div>
  )
})
