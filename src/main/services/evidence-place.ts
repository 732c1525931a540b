import type Database from 'better-sqlite3'
import type { EvidencePlace } from '../../shared/ipc/contracts/evidence'
import { prepared } from '../db/prepared'

/** The place of a highlight from its own columns (note, transcript, start offset in code points). */
export function placeOfHighlight(
  db: Database.Database,
  h: { note_id: string | null; transcript_id: string | null; start_offset: number },
): Omit<EvidencePlace, 'interviewId'> {
  const questionId = h.note_id
    ? ((prepared(db, 'select question_id from interview_notes where id = ?').pluck().get(h.note_id) as
        string | null | undefined) ?? null)
    : null
  return {
    questionId,
    transcriptId: h.transcript_id,
    transcriptParagraph: h.transcript_id ? transcriptParagraphAt(db, h.transcript_id, h.start_offset) : null,
  }
}

/** The paragraph of a transcript that holds a plain-text offset (code points), read from its passages. */
export function transcriptParagraphAt(
  db: Database.Database,
  transcriptId: string,
  offset: number,
): number | null {
  const passage = prepared(
    db,
    `select paragraph, start, text from transcript_passages where transcript_id = ? and start <= ? order by start desc limit 1`,
  ).get(transcriptId, offset) as { paragraph: number; start: number; text: string } | undefined
  if (!passage) return null
  return passage.paragraph + countNewlines(passage.text, utf16Index(passage.text, offset - passage.start))
}

export function countNewlines(text: string, end: number): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** UTF-16 index of the code point at `codePoints` in text. */
function utf16Index(text: string, codePoints: number): number {
  let i = 0
  for (let n = 0; n < codePoints && i < text.length; n++) {
    const c = text.charCodeAt(i)
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1
  }
  return i
}
