import type { Highlight } from '../../../shared/domain/highlight'
import type { ServiceContext } from '../../db/context'
import { mustExist, mustExistId, type HighlightRow, type InterviewNoteRow } from '../../db/rows'

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
  mustExistId(ctx.sqlite, 'interviews', input.interviewId)
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
