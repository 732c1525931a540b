import { docPlainText, sliceCodePoints, type JsonNode } from '../../../shared/text/plain-text'
import { nowIso, type ServiceContext } from '../../db/context'
import type { DetachedHighlightRow, HighlightRow, HighlightTagRow } from '../../db/rows'

const HIGHLIGHT_ID = /^[A-Za-z0-9_-]{1,100}$/

/**
 * Makes the note's highlight rows match the highlight marks in its doc, inside the caller's transaction:
 * each id in a mark gets a row whose offsets and quote follow the text (so editing around a highlight keeps
 * it attached); rows of this note whose id no longer appears are deleted (their tags cascade). The plain
 * text is computed from the doc exactly as the editor's getText does, so the offsets match the client's.
 * A highlight id already used by another note of the same interview (text cut and pasted between questions)
 * moves here; an id owned by anything else is ignored, never stolen.
 */
export function syncNoteHighlights(
  ctx: ServiceContext,
  note: { id: string; interviewId: string; doc: unknown },
): void {
  const { text, highlights } = docPlainText(note.doc as JsonNode)
  const at = nowIso(ctx)
  const existing = new Map(
    (
      ctx.sqlite
        .prepare('select id, start_offset, end_offset, quote from highlights where note_id = ?')
        .all(note.id) as Pick<HighlightRow, 'id' | 'start_offset' | 'end_offset' | 'quote'>[]
    ).map((r) => [r.id, r]),
  )
  const find = ctx.sqlite.prepare('select id, note_id, interview_id from highlights where id = ?')
  const insert = ctx.sqlite.prepare(
    `insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote, memo, emotion, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, '', null, ?, ?)`,
  )
  const update = ctx.sqlite.prepare(
    'update highlights set note_id = ?, start_offset = ?, end_offset = ?, quote = ?, updated_at = ? where id = ?',
  )
  for (const [id, range] of highlights) {
    if (!HIGHLIGHT_ID.test(id) || range.end <= range.start) continue
    const quote = sliceCodePoints(text, range.start, range.end)
    const mine = existing.get(id)
    if (mine) {
      existing.delete(id)
      if (mine.start_offset !== range.start || mine.end_offset !== range.end || mine.quote !== quote)
        update.run(note.id, range.start, range.end, quote, at, id)
      continue
    }
    const other = find.get(id) as Pick<HighlightRow, 'id' | 'note_id' | 'interview_id'> | undefined
    if (!other) {
      insert.run(id, note.interviewId, note.id, range.start, range.end, quote, at, at)
      reattach(ctx, id, note.interviewId, at)
    } else if (other.note_id && other.interview_id === note.interviewId)
      update.run(note.id, range.start, range.end, quote, at, id)
  }
  for (const id of existing.keys()) detach(ctx, id, note.interviewId, at)
}

/** Deletes a note highlight whose text is gone, keeping what was said about it in case the text returns. */
function detach(ctx: ServiceContext, id: string, interviewId: string, at: string): void {
  const row = ctx.sqlite.prepare('select memo, emotion from highlights where id = ?').get(id) as Pick<
    HighlightRow,
    'memo' | 'emotion'
  >
  const tagIds = (
    ctx.sqlite.prepare('select tag_id from highlight_tags where highlight_id = ?').all(id) as Pick<
      HighlightTagRow,
      'tag_id'
    >[]
  ).map((t) => t.tag_id)
  ctx.sqlite
    .prepare(
      'insert or replace into detached_highlights (highlight_id, interview_id, tag_ids, memo, emotion, detached_at) values (?, ?, ?, ?, ?, ?)',
    )
    .run(id, interviewId, JSON.stringify(tagIds), row.memo, row.emotion, at)
  ctx.sqlite.prepare('delete from highlights where id = ?').run(id)
}

/** A highlight id that comes back (undo, paste into another question) gets its tags, memo and emotion back. */
function reattach(ctx: ServiceContext, id: string, interviewId: string, at: string): void {
  const kept = ctx.sqlite
    .prepare(
      'select tag_ids, memo, emotion from detached_highlights where highlight_id = ? and interview_id = ?',
    )
    .get(id, interviewId) as Pick<DetachedHighlightRow, 'tag_ids' | 'memo' | 'emotion'> | undefined
  if (!kept) return
  ctx.sqlite
    .prepare('update highlights set memo = ?, emotion = ? where id = ?')
    .run(kept.memo, kept.emotion, id)
  const insertTag = ctx.sqlite.prepare(
    'insert or ignore into highlight_tags (highlight_id, tag_id, created_at) select ?, id, ? from tags where id = ?',
  )
  for (const tagId of JSON.parse(kept.tag_ids) as string[]) insertTag.run(id, at, tagId)
  ctx.sqlite.prepare('delete from detached_highlights where highlight_id = ?').run(id)
}
