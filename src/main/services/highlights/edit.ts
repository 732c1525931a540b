import type { z } from 'zod'
import type { Highlight, HighlightCreateSchema } from '../../../shared/domain/highlight'
import { AppError } from '../../../shared/ipc/errors'
import { codePointLength, sliceCodePoints } from '../../../shared/text/plain-text'
import { nowIso, type ServiceContext } from '../../db/context'
import { mustExist, type ChurnSurveyResponseRow, type TranscriptRow } from '../../db/rows'
import { getHighlight } from './list'
import { writeHighlightTags } from './tag-links'

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
  writeHighlightTags(ctx, id, tagIds, at)
  return getHighlight(ctx, id)
}

export interface ImportedHighlight {
  start: number
  end: number
  quote: string
  memo: string
  /** Live tags, already resolved by the importer. */
  tagIds: string[]
}

/**
 * Highlights of one transcript from a project import, thousands at a time: the importer has checked every
 * range against the text and resolved every tag, so each is two prepared inserts, not a create and a read.
 */
export function insertImportedHighlights(
  ctx: ServiceContext,
  transcriptId: string,
  rows: readonly ImportedHighlight[],
): void {
  if (rows.length === 0) return
  const t = mustExist(
    ctx.sqlite.prepare('select interview_id from transcripts where id = ?').get(transcriptId) as
      Pick<TranscriptRow, 'interview_id'> | undefined,
    'Transcript',
    transcriptId,
  )
  const at = nowIso(ctx)
  const ins = ctx.sqlite.prepare(
    `insert into highlights (id, interview_id, note_id, transcript_id, survey_response_id, start_offset, end_offset, quote, memo, emotion, created_at, updated_at)
     values (?, ?, null, ?, null, ?, ?, ?, ?, null, ?, ?)`,
  )
  const tag = ctx.sqlite.prepare(
    'insert or ignore into highlight_tags (highlight_id, tag_id, created_at) values (?, ?, ?)',
  )
  for (const r of rows) {
    const id = ctx.newId()
    ins.run(id, t.interview_id, transcriptId, r.start, r.end, r.quote, r.memo, at, at)
    for (const tagId of r.tagIds) tag.run(id, tagId, at)
  }
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
  writeHighlightTags(ctx, input.id, [...new Set(input.tagIds)], at)
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
