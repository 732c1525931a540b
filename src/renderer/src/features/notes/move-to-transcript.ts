import type { Editor } from '@tiptap/core'
import { getTextBetween, getTextSerializersFromSchema } from '@tiptap/core'
import { lastPastedRange } from '../../editor/paste-range'
import type { useWrite } from '../../lib/queries'

/**
 * Moves the last paste (or, without one, the whole note) into a new transcript of the interview, then
 * takes it out of the note. The editor is read-only meanwhile, so what is taken out is what was imported.
 */
export async function moveNoteToTranscript(
  editor: Editor,
  interviewId: string,
  title: string,
  write: ReturnType<typeof useWrite>,
): Promise<void> {
  const doc = editor.state.doc
  const range = lastPastedRange(editor) ?? { from: 0, to: doc.content.size }
  const text = getTextBetween(doc, range, {
    blockSeparator: '\n',
    textSerializers: getTextSerializersFromSchema(editor.schema),
  })
  editor.setEditable(false)
  try {
    await write('transcripts:import', { interviewId, files: [{ name: `${title}.txt`, text }] })
  } finally {
    editor.setEditable(true)
  }
  editor.chain().deleteRange(range).focus().run()
}
