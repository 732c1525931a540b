import type { SearchKind } from '../../../shared/ipc/contracts/search'
import { MATCH_CLOSE, MATCH_OPEN, snippetSegments, type SnippetSegment } from '../../../shared/search/query'
import { SNIPPET_TOKENS } from '../../../shared/search/snippet'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import type { InterviewRow } from '../../db/rows'

/** The order groups are shown in: tagged quotes first, survey comments last. */
export const SEARCH_KINDS: readonly SearchKind[] = ['highlight', 'note', 'rating', 'transcript', 'survey']

/** A rating reason's columns in ratings_fts, in order (resources/drizzle/0008_rating_reasons_search.sql). */
export const RATINGS = ['nps', 'csat', 'ces'] as const
export type Rating = (typeof RATINGS)[number]

/**
 * What every source statement returns: the FTS row's position, its own row, and the text to cut from.
 * Aliased columns of five different tables, so the shape stays beside SOURCES.
 */
export interface Row {
  position: number
  id: string
  interview_id: string | null
  question_id: string | null
  /** A highlight's note: its question is read once per note. */
  note_id: string | null
  transcript_id: string | null
  paragraph: number | null
  quote_start: number | null
  survey_response_id: string | null
  /** The text the snippet is cut from, then others if it has no match (memo, stated reason, CSAT and CES reasons). */
  text: string
  text2: string | null
  text3: string | null
  /** Rating hits only: the scores the reasons were given with. */
  nps?: InterviewRow['nps']
  csat?: InterviewRow['csat']
  ces?: InterviewRow['ces']
}

interface Source {
  fts: string
  /** Column for FTS5's snippet() when our own matcher finds nothing in the text (-1: the best column). */
  ftsSnippetColumn: number
  /** select … from <fts> f join <row> x: every Row column. */
  select: string
  /** Joins and condition that keep one study's rows. */
  studyJoin: string
  studyFilter: string
}

/**
 * One statement per kind: FTS5 walks the matches newest first (descending rowid, read straight from its
 * index) and each match reads its own row only. Context (study, participant, company, question, transcript
 * title) is read afterwards once per interview, transcript or survey row of the page: the newest hits
 * cluster in a few interviews. No bm25: ranking reads every match's positions, ten times the cost of
 * finding them, and reorders results as each letter is typed.
 */
const SOURCES: Record<SearchKind, Source> = {
  note: {
    fts: 'notes_fts',
    ftsSnippetColumn: 0,
    select: `select f.rowid as position, x.id, x.interview_id, x.question_id, null as note_id, null as transcript_id, null as paragraph,
        null as quote_start, null as survey_response_id, x.plain_text as text, null as text2, null as text3
      from notes_fts f join interview_notes x on x.rowid = f.rowid`,
    studyJoin: 'join interviews i on i.id = x.interview_id',
    studyFilter: 'i.study_id = @studyId',
  },
  transcript: {
    fts: 'transcripts_fts',
    ftsSnippetColumn: 0,
    select: `select f.rowid as position, x.transcript_id as id, null as interview_id, null as question_id, null as note_id, x.transcript_id, x.paragraph,
        null as quote_start, null as survey_response_id, x.text, null as text2, null as text3
      from transcripts_fts f join transcript_passages x on x.id = f.rowid`,
    studyJoin: 'join transcripts t on t.id = x.transcript_id join interviews i on i.id = t.interview_id',
    studyFilter: 'i.study_id = @studyId',
  },
  highlight: {
    fts: 'highlights_fts',
    ftsSnippetColumn: -1,
    select: `select f.rowid as position, x.id, x.interview_id, null as question_id, x.note_id, x.transcript_id, null as paragraph,
        x.start_offset as quote_start, x.survey_response_id, x.quote as text, x.memo as text2, null as text3
      from highlights_fts f join highlights x on x.rowid = f.rowid`,
    studyJoin:
      'left join interviews i on i.id = x.interview_id left join churn_survey_responses sr on sr.id = x.survey_response_id',
    studyFilter: 'coalesce(i.study_id, sr.study_id) = @studyId',
  },
  survey: {
    fts: 'survey_fts',
    ftsSnippetColumn: -1,
    select: `select f.rowid as position, x.id, null as interview_id, null as question_id, null as note_id, null as transcript_id, null as paragraph,
        null as quote_start, x.id as survey_response_id, x.comment as text, x.reason_raw as text2, null as text3
      from survey_fts f join churn_survey_responses x on x.rowid = f.rowid`,
    studyJoin: '',
    studyFilter: 'x.study_id = @studyId',
  },
  rating: {
    fts: 'ratings_fts',
    ftsSnippetColumn: -1,
    select: `select f.rowid as position, x.id, x.id as interview_id, null as question_id, null as note_id, null as transcript_id, null as paragraph,
        null as quote_start, null as survey_response_id, x.nps_reason as text, x.csat_reason as text2, x.ces_reason as text3,
        x.nps, x.csat, x.ces
      from ratings_fts f join interviews x on x.rowid = f.rowid`,
    studyJoin: '',
    studyFilter: 'x.study_id = @studyId',
  },
}

/** The LIMIT is written into the SQL: bound as a parameter it made the FTS walk 40% slower (measured). */
export function pageSql(kind: SearchKind, take: number, study: boolean, before: boolean): string {
  const src = SOURCES[kind]
  const where = [
    `${src.fts} match @match`,
    ...(before ? ['f.rowid < @before'] : []),
    ...(study ? [src.studyFilter] : []),
  ]
  return `${src.select} ${study ? src.studyJoin : ''} where ${where.join(' and ')} order by f.rowid desc limit ${Math.trunc(take)}`
}

/** FTS5's own snippet for one row: only when the text matched by folding diacritics, which our regex does not. */
export function ftsSnippet(
  ctx: ServiceContext,
  kind: SearchKind,
  match: string,
  rowid: number,
): SnippetSegment[] {
  const { fts, ftsSnippetColumn } = SOURCES[kind]
  const marked = prepared(
    ctx.sqlite,
    `select snippet(${fts}, ${ftsSnippetColumn}, '${MATCH_OPEN}', '${MATCH_CLOSE}', '…', ${SNIPPET_TOKENS}) from ${fts} where ${fts} match ? and rowid = ?`,
  )
    .pluck()
    .get(match, rowid) as string | undefined
  return snippetSegments(marked ?? '')
}
