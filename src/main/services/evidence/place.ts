import type Database from 'better-sqlite3'
import type { EvidencePlace } from '../../../shared/ipc/contracts/evidence'
import { utf16Index } from '../../../shared/text/plain-text'
import { prepared } from '../../db/prepared'
import type { HighlightRow, TranscriptPassageRow } from '../../db/rows'

/** The place of a highlight from its columns: its note's question (joined by the caller), or its transcript paragraph. */
export function placeOfHighlight(
  db: Database.Database,
  h: Pick<HighlightRow, 'transcript_id' | 'start_offset'> & { question_id: string | null },
): Omit<EvidencePlace, 'interviewId'> {
  return {
    questionId: h.question_id,
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
  ).get(transcriptId, offset) as Pick<TranscriptPassageRow, 'paragraph' | 'start' | 'text'> | undefined
  if (!passage) return null
  return passage.paragraph + countNewlines(passage.text, utf16Index(passage.text, offset - passage.start))
}

export function countNewlines(text: string, end: number): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++
  return n
}
