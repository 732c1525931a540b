import type { z } from 'zod'
import type { Note, NoteSaveSchema } from '../../shared/domain/interview'
import { AppError } from '../../shared/ipc/errors'
import { nowIso, type ServiceContext } from '../db/context'
import type { InterviewNoteRow } from '../db/rows'
import { syncNoteHighlights } from './highlights'
import { snapshotQuestionIds } from './interviews'

type NoteSave = z.output<typeof NoteSaveSchema>

const toNote = (r: InterviewNoteRow): Note => ({
  id: r.id,
  interviewId: r.interview_id,
  questionId: r.question_id,
  doc: JSON.parse(r.doc) as Record<string, unknown>,
  plainText: r.plain_text,
  firstElapsedMs: r.first_elapsed_ms,
  revision: r.revision,
  updatedAt: r.updated_at,
})

export function listNotes(ctx: ServiceContext, input: { interviewId: string }): Note[] {
  snapshotQuestionIds(ctx, input.interviewId) // NOT_FOUND for an unknown interview
  return (
    ctx.sqlite
      .prepare('select * from interview_notes where interview_id = ?')
      .all(input.interviewId) as InterviewNoteRow[]
  ).map(toNote)
}

/**
 * Upserts the notes of one question in one statement, so an autosave is atomic and idempotent, and brings the
 * note's highlight rows in line with the highlight marks in its doc (same transaction, so search stays in step).
 */
export function saveNote(ctx: ServiceContext, input: NoteSave): Note {
  if (!snapshotQuestionIds(ctx, input.interviewId).has(input.questionId))
    throw new AppError('VALIDATION', `Question ${input.questionId} is not part of this interview's script.`)
  const at = nowIso(ctx)
  const row = ctx.sqlite
    .prepare(
      `insert into interview_notes (id, interview_id, question_id, doc, plain_text, first_elapsed_ms, revision, created_at, updated_at)
       values (@id, @interviewId, @questionId, @doc, @plainText, @firstElapsed, 1, @at, @at)
       on conflict (interview_id, question_id) do update set
         doc = excluded.doc,
         plain_text = excluded.plain_text,
         first_elapsed_ms = coalesce(interview_notes.first_elapsed_ms, excluded.first_elapsed_ms),
         revision = interview_notes.revision + 1,
         updated_at = excluded.updated_at
       returning *`,
    )
    .get({
      id: ctx.newId(),
      interviewId: input.interviewId,
      questionId: input.questionId,
      doc: JSON.stringify(input.doc),
      plainText: input.plainText,
      firstElapsed: input.plainText.trim() ? input.elapsedMs : null,
      at,
    }) as InterviewNoteRow
  syncNoteHighlights(ctx, { id: row.id, interviewId: row.interview_id, doc: input.doc })
  return toNote(row)
}
