import type { JSONContent } from '@tiptap/react'
import { useCallback, useMemo, useState } from 'react'
import type { Note } from '../../../../shared/domain/interview'
import type { ChannelInput } from '../../../../shared/ipc/contracts'
import { MAX_NOTE_TEXT_CHARS, noteSizeMessage, noteSizeProblem } from '../../../../shared/notes/limits'
import type { NoteSnapshot } from '../../editor/note-snapshot'
import type { PastedRange } from '../../editor/paste-range'
import { ApiError } from '../../lib/api'
import { useWrite } from '../../lib/queries'
import type { AutosaveQueue } from '../../lib/autosave'
import { withoutHighlight } from '../highlights/strip-highlight'
import { noteKey } from './NoteSaveStatus'

/** A question's notes as the runner keeps them: a live editor snapshot, or the note as loaded. */
export interface NoteSource {
  readonly doc: JSONContent
  readonly plainText: string
  readonly hasText: boolean
  readonly pasted?: PastedRange | null
}

/**
 * The one builder of a notes:save input, for the save after a pause in typing and the flush alike. It runs
 * when the write does, so the note is serialised then (not per keystroke), and checks the library's limit
 * first: a note the library would refuse is refused here, without sending megabytes, and never retried.
 */
export function noteSaveInput(
  interviewId: string,
  questionId: string,
  note: NoteSource,
  elapsedMs: () => number | null,
): ChannelInput<'notes:save'> {
  const plainText = note.plainText
  const doc = note.doc
  const problem = noteSizeProblem(
    plainText.length,
    plainText.length > MAX_NOTE_TEXT_CHARS ? 0 : JSON.stringify(doc).length,
  )
  if (problem)
    throw new ApiError({
      code: 'TOO_LARGE',
      message: noteSizeMessage(problem),
      params: { what: problem.what, limit: String(problem.limit), size: String(problem.size) },
    })
  return { interviewId, questionId, doc: doc as { type: 'doc' }, plainText, elapsedMs: elapsedMs() }
}

/**
 * The notes of one interview while its runner is open: the latest text per question (so switching back
 * shows what was typed even before it saved), which questions have saved text, and their autosave.
 */
export function useNoteAutosave({
  interviewId,
  initialNotes,
  queue,
  questionId,
  getStamp,
}: {
  interviewId: string
  initialNotes: Note[]
  queue: AutosaveQueue
  /** The question on screen, whose editor reports changes. */
  questionId: string | undefined
  /** Interview time for a note's first words, or null before the clock starts. */
  getStamp: () => number | null
}) {
  const [docs] = useState(
    () =>
      new Map<string, NoteSource>(
        initialNotes.map((n) => [
          n.questionId,
          { doc: n.doc as JSONContent, plainText: n.plainText, hasText: n.plainText.trim() !== '' },
        ]),
      ),
  )
  // Questions whose notes in the library have text: the outline's "has notes" mark is for saved notes only.
  const [noted, setNoted] = useState(
    () => new Set(initialNotes.filter((n) => n.plainText.trim()).map((n) => n.questionId)),
  )

  const write = useWrite()
  const scheduleNote = useCallback(
    (questionId: string, note: NoteSource, elapsedMs: () => number | null) => {
      queue.schedule(noteKey(questionId), async ({ keepalive }) => {
        await write('notes:save', noteSaveInput(interviewId, questionId, note, elapsedMs), {
          keepalive,
          background: true,
        })
        const has = note.hasText
        setNoted((prev) => {
          if (prev.has(questionId) === has) return prev
          const next = new Set(prev)
          if (has) next.add(questionId)
          else next.delete(questionId)
          return next
        })
      })
    },
    [queue, interviewId, write],
  )

  const onChange = useCallback(
    (note: NoteSnapshot) => {
      if (questionId === undefined) return
      docs.set(questionId, note)
      scheduleNote(questionId, note, getStamp)
      // A note that may be over the limit (an O(1) bound) is checked right away, so a refusal shows at once;
      // in the next task, so that a big paste is painted first instead of waiting for its own check.
      if (
        note.textLengthBound > MAX_NOTE_TEXT_CHARS &&
        queue.statusOf(noteKey(questionId)).state !== 'refused'
      )
        setTimeout(() => void queue.flush(), 0)
    },
    [questionId, queue, getStamp, docs, scheduleNote],
  )

  /**
   * Takes a highlight out of the kept note of a question not on screen and saves that note (its highlight
   * row goes with it). False when this runner holds no note for the question.
   */
  const removeHighlightFrom = useCallback(
    (questionId: string, highlightId: string): boolean => {
      const saved = docs.get(questionId)
      if (!saved) return false
      const note = {
        doc: withoutHighlight(saved.doc, highlightId),
        plainText: saved.plainText,
        hasText: saved.hasText,
      }
      docs.set(questionId, note)
      scheduleNote(questionId, note, () => null)
      return true
    },
    [docs, scheduleNote],
  )

  // What the editor opens with, read once per question: reading a live snapshot's doc serialises it, which
  // on every re-render of the runner (each save state change) would cost as much as a save.
  const opened = useMemo(() => {
    const note = questionId === undefined ? undefined : docs.get(questionId)
    return { doc: note?.doc ?? null, pasted: note?.pasted ?? null }
  }, [questionId, docs])

  return { noted, opened, onChange, removeHighlightFrom }
}
