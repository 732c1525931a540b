import { getSchema } from '@tiptap/core'
import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { memo, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { plainTextSlice } from './plain-paste'

/**
 * A finding is a sentence or two: paragraphs with bold and italic, nothing that would make it a document.
 * Pasted HTML goes through this schema, so whatever else it carries (scripts, links, images) is dropped.
 */
const EXTENSIONS = [
  StarterKit.configure({
    heading: false,
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
    listKeymap: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
  }),
]
const SCHEMA = getSchema(EXTENSIONS)

/** A statement as paragraphs of plain text (one per line). */
export function textDoc(text: string): JSONContent {
  const lines = text.split(/\r\n?|\n/)
  return {
    type: 'doc',
    content: lines.map((line) => ({
      type: 'paragraph',
      ...(line ? { content: [{ type: 'text', text: line }] } : {}),
    })),
  }
}

/** The stored statement if this editor can hold it, else its text: never an empty editor over a real statement. */
function loadable(doc: JSONContent | null, fallbackText: string): JSONContent | string {
  if (!doc) return fallbackText ? textDoc(fallbackText) : ''
  try {
    SCHEMA.nodeFromJSON(doc).check()
    return doc
  } catch {
    return textDoc(fallbackText)
  }
}

interface Props {
  /** What the editor starts with; it owns the text afterwards (remount with a new key to load another). */
  initial: JSONContent | null
  /** The statement's plain text, shown instead when `initial` has something this editor cannot hold. */
  initialText?: string
  label: string
  onChange: (doc: JSONContent, text: string) => void
  autoFocus?: boolean
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ bold: e.isActive('bold'), italic: e.isActive('italic') }),
  })
  const btn = (name: 'bold' | 'italic', run: () => void, shortcut: string) => (
    <button
      type="button"
      className={active[name] ? 'tool active' : 'tool'}
      aria-pressed={active[name]}
      title={`${t(`editor.${name}`)} (${shortcut})`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {t(`editor.${name}`)}
    </button>
  )
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {btn('bold', () => editor.chain().focus().toggleBold().run(), 'Ctrl+B')}
      {btn('italic', () => editor.chain().focus().toggleItalic().run(), 'Ctrl+I')}
    </div>
  )
}

/** The small rich-text editor of an insight's statement (bold and italic). */
export const StatementEditor = memo(function StatementEditor({
  initial,
  initialText = '',
  label,
  onChange,
  autoFocus,
}: Props) {
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: loadable(initial, initialText),
    // tiptap would inject a <style> element, which our CSP (style-src 'self') forbids; app.css has its rules.
    injectCSS: false,
    editorProps: {
      attributes: {
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'statement-editor',
      },
      clipboardTextParser: plainTextSlice,
    },
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
  })

  useEffect(() => {
    if (autoFocus) editor?.commands.focus('end')
  }, [editor, autoFocus])

  useEffect(() => {
    if (!editor) return
    const emit = () => onChange(editor.getJSON(), editor.getText({ blockSeparator: '\n' }))
    editor.on('update', emit)
    return () => void editor.off('update', emit)
  }, [editor, onChange])

  if (!editor) return null
  return (
    <div className="editor-frame statement-frame">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  )
})
