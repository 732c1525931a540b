import type { z } from 'zod'
import type { Highlight, HighlightCreateSchema } from '../../../shared/domain/highlight'
import { AppError } from '../../../shared/ipc/errors'
import { codePointLength, docPlainText, sliceCodePoints, type JsonNode } from '../../../shared/text/plain-text'
import { nowIso, type ServiceContext } from '../../db/context'
import {
  mustExist,
  type ChurnSurveyResponseRow,
  type DetachedHighlightRow,
  type HighlightRow,
  type HighlightTagRow,
  type InterviewNoteRow,
  type TranscriptRow,
} from '../../db/rows'

// SELECT's row: the highlight, its note's question and its tag ids as a JSON array.
type Raw = HighlightRow & { question_id: InterviewNoteRow['question_id'] | null; tag_ids: string | null }

const SELECT = `select h.*, n.question_id,
    (select json_group_array(tag_id) from (select ht.tag_id from highlight_tags ht where ht.highlight_id = h.id order by ht.created_at, ht.rowid)) as tag_ids
  from highlights h left join interview_notes n on n.id = h.note_id`

function toHighlight(r: Raw): Highlight {
  return {
    id: r.id,
    interviewId: r.interview_id,
    source: r.note_id ? 'note' : r.transcript_id ? 'transcript' : 'survey',
    noteId: r.note_id,
    questionId: r.question_id,
    transcriptId: r.transcript_id,
    surveyResponseId: r.survey_response_id,
    start: r.start_offset,
    end: r.end_offset,
    quote: r.quote,
    memo: r.memo,
    emotion: r.emotion,
    tagIds: r.tag_ids ? (JSON.parse(r.tag_ids) as string[]) : [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export function getHighlight(ctx: ServiceContext, id: string): Highlight {
  return toHighlight(
    mustExist(ctx.sqlite.prepare(`${SELECT} where h.id = ?`).get(id) as Raw | undefined, 'Highlight', id),
  )
}

export function listHighlightsForInterview(ctx: ServiceContext, input: { interviewId: string }): Highlight[] {
  mustExist(
    ctx.sqlite.prepare('select id from interviews where id = ?').get(input.interviewId),
    'Interview',
    input.interviewId,
  )
  return (
    ctx.sqlite
      .prepare(
        `${SELECT} where h.interview_id = ? order by h.transcript_id is not null, h.note_id, h.transcript_id, h.start_offset, h.end_offset`,
      )
      .all(input.interviewId) as Raw[]
  ).map(toHighlight)
}

/** Highlights of survey comments, in comment order (the caller groups them by response). */
export function listHighlightsForSurveyResponses(
  ctx: ServiceContext,
  responseIds: readonly string[],
): Highlight[] {
  if (responseIds.length === 0) return []
  return (
    ctx.sqlite
      .prepare(
        `${SELECT} where h.survey_response_id in (select value from json_each(?)) order by h.survey_response_id, h.start_offset, h.end_offset`,
      )
      .all(JSON.stringify(responseIds)) as Raw[]
  ).map(toHighlight)
}

/** Tag ids, deduplicated in order, each an existing tag that is not deleted. */
function checkedTagIds(ctx: ServiceContext, tagIds: readonly string[]): string[] {
  const ids = [...new Set(tagIds)]
  const stmt = ctx.sqlite.prepare('select id from tags where id = ? and deleted_at is null')
  for (const id of ids)
    if (!stmt.get(id))
      throw new AppError(
        'VALIDATION',
        `Tag ${id} does not exist (it may have been deleted or merged). Pick another tag.`,
      )
  return ids
}

function writeTags(ctx: ServiceContext, highlightId: string, tagIds: readonly string[], at: string): void {
  ctx.sqlite.prepare('delete from highlight_tags where highlight_id = ?').run(highlightId)
  const ins = ctx.sqlite.prepare(
    'insert into highlight_tags (highlight_id, tag_id, created_at) values (?, ?, ?)',
  )
  for (const t of tagIds) ins.run(highlightId, t, at)
}

function checkRange(start: number, end: number, text: string, what: string): string {
  const length = codePointLength(text)
  if (end > length)
    throw new AppError(
      'VALIDATION',
      `The highlight (${start}–${end}) runs past the end of the ${what}, which has ${length} characters.`,
    )
  const quote = sliceCodePoints(text, start, end)
  if (quote.trim() === '')
    throw new AppError('VALIDATION', 'A highlight must cover some text, not only spaces or line breaks.')
  return quote
}

type Create = z.output<typeof HighlightCreateSchema>

/** A transcript or survey-comment highlight (note highlights come from notes:save). */
export function createHighlight(ctx: ServiceContext, input: Create): Highlight {
  let interviewId: string | null
  let transcriptId: string | null = null
  let surveyId: string | null = null
  let quote: string
  if (input.source.type === 'transcript') {
    const t = mustExist(
      ctx.sqlite
        .prepare('select interview_id, plain_text from transcripts where id = ?')
        .get(input.source.transcriptId) as Pick<TranscriptRow, 'interview_id' | 'plain_text'> | undefined,
      'Transcript',
      input.source.transcriptId,
    )
    interviewId = t.interview_id
    transcriptId = input.source.transcriptId
    quote = checkRange(input.start, input.end, t.plain_text, 'transcript')
  } else {
    const r = mustExist(
      ctx.sqlite
        .prepare('select comment from churn_survey_responses where id = ?')
        .get(input.source.responseId) as Pick<ChurnSurveyResponseRow, 'comment'> | undefined,
      'Survey response',
      input.source.responseId,
    )
    interviewId = null
    surveyId = input.source.responseId
    quote = checkRange(input.start, input.end, r.comment, 'survey comment')
  }
  const tagIds = checkedTagIds(ctx, input.tagIds)
  const id = ctx.newId()
  const at = nowIso(ctx)
  ctx.sqlite
    .prepare(
      `insert into highlights (id, interview_id, note_id, transcript_id, survey_response_id, start_offset, end_offset, quote, memo, emotion, created_at, updated_at)
       values (?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      interviewId,
      transcriptId,
      surveyId,
      input.start,
      input.end,
      quote,
      input.memo,
      input.emotion,
      at,
      at,
    )
  writeTags(ctx, id, tagIds, at)
  return getHighlight(ctx, id)
}

export function setHighlightTags(ctx: ServiceContext, input: { id: string; tagIds: string[] }): Highlight {
  const current = getHighlight(ctx, input.id)
  const at = nowIso(ctx)
  // Only newly added tags must be live: a link to a tag deleted since stays (so Undo of that delete
  // brings it back) even when the user edits the highlight's other tags.
  checkedTagIds(
    ctx,
    input.tagIds.filter((t) => !current.tagIds.includes(t)),
  )
  writeTags(ctx, input.id, [...new Set(input.tagIds)], at)
  ctx.sqlite.prepare('update highlights set updated_at = ? where id = ?').run(at, input.id)
  return getHighlight(ctx, input.id)
}

export function updateHighlight(
  ctx: ServiceContext,
  input: { id: string; memo?: string | undefined; emotion?: number | null | undefined },
): Highlight {
  const h = getHighlight(ctx, input.id)
  ctx.sqlite
    .prepare('update highlights set memo = ?, emotion = ?, updated_at = ? where id = ?')
    .run(input.memo ?? h.memo, input.emotion === undefined ? h.emotion : input.emotion, nowIso(ctx), input.id)
  return getHighlight(ctx, input.id)
}

export function deleteHighlight(ctx: ServiceContext, input: { id: string }): { ok: true } {
  getHighlight(ctx, input.id)
  ctx.sqlite.prepare('delete from highlights where id = ?').run(input.id)
  return { ok: true }
}

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
