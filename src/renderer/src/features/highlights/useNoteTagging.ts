import type { Editor } from '@tiptap/core'
import { useCallback, useState, type Dispatch, type RefObject, type SetStateAction } from 'react'
import { useTranslation } from 'react-i18next'
import type { AutosaveQueue } from '../../lib/autosave'
import { noteKey } from '../notes/NoteSaveStatus'
import { newHighlightId, type Tagging } from './useTagging'

type Range = { from: number; to: number }

/**
 * Tagging in the runner's notes: Ctrl+K on a selection opens the picker, a pick marks the selection and
 * tags it once the note is saved, and a note highlight can be deleted from the question on screen or
 * from another question's kept note.
 */
export function useNoteTagging({
  editorRef,
  tagging,
  queue,
  questionId,
  removeHighlightFrom,
  onShown,
}: {
  editorRef: RefObject<Editor | null>
  tagging: Tagging
  queue: AutosaveQueue
  /** The question on screen. */
  questionId: string | undefined
  removeHighlightFrom: (questionId: string, highlightId: string) => boolean
  /** Sets which highlights the side pane shows. */
  onShown: Dispatch<SetStateAction<string[] | null>>
}) {
  const { t } = useTranslation()
  const [picking, setPicking] = useState<Range | null>(null)
  const [tagHint, setTagHint] = useState<string | null>(null)

  const onTagRequest = useCallback(() => {
    const editor = editorRef.current
    if (!editor || editor.state.selection.empty) {
      setTagHint(t('highlights.selectFirst'))
      return
    }
    setTagHint(null)
    setPicking({ from: editor.state.selection.from, to: editor.state.selection.to })
  }, [t, editorRef])

  /** Marks the selection with a new highlight id, writes the note (so the row exists), then tags the row. */
  const tagSelection = async (tagId: string, range: Range) => {
    const editor = editorRef.current
    if (!editor) return
    const id = newHighlightId()
    editor.chain().setTextSelection(range).addHighlight(id).run()
    await queue.flush()
    // The highlight row exists only once this note is saved.
    const saved = queue.statusOf(noteKey(questionId ?? ''))
    if (saved.state === 'error' || saved.state === 'refused')
      throw saved.error instanceof Error ? saved.error : new Error(t('interviews.save.error'))
    await tagging.write('highlights:setTags', { id, tagIds: [tagId] })
    setPicking(null)
    // As after tagging a transcript: the panel shows what was just tagged, not an older highlight.
    onShown([id])
    editor.commands.focus()
  }

  const deleteHighlight = async (id: string) => {
    const h = tagging.highlightById.get(id)
    const editor = editorRef.current
    if (editor && (!h || h.questionId === questionId)) editor.commands.removeHighlight(id)
    else if (h?.questionId) {
      // The note of another question: take the id out of its kept doc, or delete the row if none is kept.
      if (!removeHighlightFrom(h.questionId, id)) await tagging.write('highlights:delete', { id })
    }
    await queue.flush()
    onShown((ids) => ids?.filter((x) => x !== id) ?? null)
  }

  const closePicker = () => {
    setPicking(null)
    editorRef.current?.commands.focus()
  }

  return { picking, tagHint, onTagRequest, tagSelection, deleteHighlight, closePicker }
}
