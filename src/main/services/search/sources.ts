import type Database from 'better-sqlite3'
import type { z } from 'zod'
import {
  SEARCH_PAGE,
  type SearchGroup,
  type SearchHit,
  type SearchInputSchema,
  type SearchKind,
} from '../../../shared/ipc/contracts/search'
import {
  buildMatchQuery,
  MATCH_CLOSE,
  MATCH_OPEN,
  parseSearchInput,
  snippetSegments,
} from '../../../shared/search/query'
import { type Matcher, SNIPPET_TOKENS, searchMatcher, snippetOf } from '../../../shared/search/snippet'
import type { SnippetSegment } from '../../../shared/search/query'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import type { InterviewRow } from '../../db/rows'
import { countNewlines, transcriptParagraphAt } from '../evidence/place'

type SearchInput = z.output<typeof SearchInputSchema>

/** The order groups are shown in: tagged quotes first, survey comments last. */
export const SEARCH_KINDS: readonly SearchKind[] = ['highlight', 'note', 'rating', 'transcript', 'survey']

/** A rating reason's columns in ratings_fts, in order (resources/drizzle/0008_rating_reasons_search.sql). */
const RATINGS = ['nps', 'csat', 'ces'] as const
type Rating = (typeof RATINGS)[number]

/**
 * What every source statement returns: the FTS row's position, its own row, and the text to cut from.
 * Aliased columns of five different tables, so the shape stays beside SOURCES.
 */
interface Row {
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

/**
 * The newest matches of each kind (or of one kind, older than a cursor), with context, marked snippets and
 * the exact place to jump to. Groups come in SEARCH_KINDS order; transcript passages of one transcript are
 * shown in reading order.
 */
export function searchLibrary(ctx: ServiceContext, input: SearchInput): { groups: SearchGroup[] } {
  const terms = parseSearchInput(input.q)
  const match = buildMatchQuery(terms)
  const matcher = searchMatcher(terms)
  if (!match || !matcher) return { groups: [] }
  const limit = input.limit ?? SEARCH_PAGE
  const kinds = input.kind ? [input.kind] : SEARCH_KINDS
  const context = HitContext.for(ctx)
  const groups = kinds.map((kind): SearchGroup => {
    const params: Record<string, unknown> = { match }
    if (input.studyId) params['studyId'] = input.studyId
    if (input.before !== undefined) params['before'] = input.before
    const rows = prepared(
      ctx.sqlite,
      pageSql(kind, limit + 1, Boolean(input.studyId), input.before !== undefined),
    ).all(params) as Row[]
    const page = rows.slice(0, limit)
    const hits = page.map((r) => toHit(ctx, kind, r, match, matcher, context))
    return {
      kind,
      hits: kind === 'transcript' ? inReadingOrder(hits) : hits,
      nextBefore: rows.length > limit ? (page.at(-1)?.position ?? null) : null,
    }
  })
  return { groups }
}

function toHit(
  ctx: ServiceContext,
  kind: SearchKind,
  r: Row,
  match: string,
  matcher: Matcher,
  context: HitContext,
): SearchHit {
  const texts = [r.text, r.text2, r.text3]
  let matched = 0
  let snippet = snippetOf(r.text, matcher)
  for (let i = 1; !snippet && i < texts.length; i++) {
    const text = texts[i]
    if (text) snippet = snippetOf(text, matcher)
    if (snippet) matched = i
  }
  let paragraph = r.paragraph
  // A passage starts at its first paragraph; the match may be a few paragraphs in.
  if (kind === 'transcript' && paragraph !== null && snippet)
    paragraph += countNewlines(r.text, snippet.matchAt)
  if (kind === 'highlight' && r.transcript_id && r.quote_start !== null)
    paragraph = context.paragraphAt(r.transcript_id, r.quote_start)
  const transcript = r.transcript_id ? context.transcript(r.transcript_id) : null
  const interviewId = r.interview_id ?? transcript?.interviewId ?? null
  // A rating reason opens at the question that asks for that rating, where the reason is edited.
  const rating = kind === 'rating' ? ratingOf(r, snippet ? matched : null) : null
  const questionId =
    r.question_id ??
    (r.note_id ? context.questionOf(r.note_id) : null) ??
    (rating && interviewId ? context.questionCapturing(interviewId, rating) : null)
  const where = interviewId
    ? context.interview(interviewId)
    : r.survey_response_id
      ? context.survey(r.survey_response_id)
      : null
  return {
    kind,
    id: r.id,
    position: r.position,
    interviewId,
    questionId,
    questionText: interviewId && questionId ? context.questionText(interviewId, questionId) : null,
    transcriptId: r.transcript_id,
    transcriptParagraph: paragraph,
    surveyResponseId: r.survey_response_id,
    title:
      transcript?.title ??
      (kind === 'survey' ? r.text2 : null) ??
      (rating ? ratingTitle(rating, r[rating] ?? null) : null),
    studyId: where?.studyId ?? null,
    studyName: where?.studyName ?? null,
    participantName: where?.participantName ?? null,
    companyId: where?.companyId ?? null,
    companyName: where?.companyName ?? null,
    segment: where?.segment ?? null,
    snippet: snippet?.segments ?? ftsSnippet(ctx, kind, match, r.position),
  }
}

/**
 * Which reason a rating hit is: the column our matcher found the terms in, or (matched only by FTS5's
 * diacritic folding) the first reason given.
 */
function ratingOf(r: Row, matched: number | null): Rating {
  if (matched !== null) return RATINGS[matched] as Rating
  const given = [r.text, r.text2, r.text3].findIndex((x) => x)
  return RATINGS[Math.max(given, 0)] as Rating
}

/** "NPS 3": the metric names are the same in every language the app speaks. */
function ratingTitle(rating: Rating, score: number | null): string {
  return score === null ? rating.toUpperCase() : `${rating.toUpperCase()} ${score}`
}

/** FTS5's own snippet for one row: only when the text matched by folding diacritics, which our regex does not. */
function ftsSnippet(ctx: ServiceContext, kind: SearchKind, match: string, rowid: number): SnippetSegment[] {
  const { fts, ftsSnippetColumn } = SOURCES[kind]
  const marked = prepared(
    ctx.sqlite,
    `select snippet(${fts}, ${ftsSnippetColumn}, '${MATCH_OPEN}', '${MATCH_CLOSE}', '…', ${SNIPPET_TOKENS}) from ${fts} where ${fts} match ? and rowid = ?`,
  )
    .pluck()
    .get(match, rowid) as string | undefined
  return snippetSegments(marked ?? '')
}

/** Passages newest transcript first (as found), each transcript's passages top to bottom. */
function inReadingOrder(hits: SearchHit[]): SearchHit[] {
  const byTranscript = new Map<string, SearchHit[]>()
  for (const h of hits) {
    const list = byTranscript.get(h.id)
    if (list) list.push(h)
    else byTranscript.set(h.id, [h])
  }
  return [...byTranscript.values()].flatMap((list) => list.sort((a, b) => a.position - b.position))
}

interface Where {
  studyId: string | null
  studyName: string | null
  participantName: string | null
  companyId: string | null
  companyName: string | null
  segment: SearchHit['segment']
}

/**
 * The context of search hits (study, participant, company, transcript title, question), kept per
 * connection while the library is unchanged. Every hop to it is a seek by text id (~8 µs each, four for an
 * interview's study, participant and company), which would cost more than the search itself, and a
 * search as you type meets the same few interviews on every keystroke. Any change drops it all: a write by
 * this connection moves total_changes(), a commit by another one (the command line) moves data_version.
 */
class HitContext {
  private readonly interviews = new Map<string, Where | null>()
  private readonly surveys = new Map<string, Where | null>()
  private readonly transcripts = new Map<string, { title: string; interviewId: string } | null>()
  private readonly notes = new Map<string, string | null>()
  private readonly paragraphs = new Map<string, number | null>()
  private readonly questions: QuestionTexts

  private constructor(
    private readonly ctx: ServiceContext,
    readonly version: string,
  ) {
    this.questions = new QuestionTexts(ctx)
  }

  private static readonly byConnection = new WeakMap<Database.Database, HitContext>()

  static for(ctx: ServiceContext): HitContext {
    const version = `${String(prepared(ctx.sqlite, 'pragma data_version').pluck().get())}:${String(
      prepared(ctx.sqlite, 'select total_changes()').pluck().get(),
    )}`
    const cached = HitContext.byConnection.get(ctx.sqlite)
    if (cached?.version === version) return cached
    const fresh = new HitContext(ctx, version)
    HitContext.byConnection.set(ctx.sqlite, fresh)
    return fresh
  }

  private once<K, V>(cache: Map<K, V>, key: K, read: () => V): V {
    if (cache.has(key)) return cache.get(key) as V
    const value = read()
    cache.set(key, value)
    return value
  }

  interview(id: string): Where | null {
    return this.once(this.interviews, id, () =>
      this.row<Where>(
        `select i.study_id as studyId, s.name as studyName, p.name as participantName, c.id as companyId,
           c.name as companyName, c.segment as segment
         from interviews i join studies s on s.id = i.study_id left join participants p on p.id = i.participant_id
         left join companies c on c.id = p.company_id where i.id = ?`,
        id,
      ),
    )
  }

  survey(id: string): Where | null {
    return this.once(this.surveys, id, () =>
      this.row<Where>(
        `select x.study_id as studyId, s.name as studyName, null as participantName, c.id as companyId,
           c.name as companyName, c.segment as segment
         from churn_survey_responses x left join studies s on s.id = x.study_id left join companies c on c.id = x.company_id
         where x.id = ?`,
        id,
      ),
    )
  }

  transcript(id: string): { title: string; interviewId: string } | null {
    return this.once(this.transcripts, id, () =>
      this.row(`select title, interview_id as interviewId from transcripts where id = ?`, id),
    )
  }

  questionOf(noteId: string): string | null {
    return this.once(
      this.notes,
      noteId,
      () =>
        (prepared(this.ctx.sqlite, 'select question_id from interview_notes where id = ?')
          .pluck()
          .get(noteId) as string | undefined) ?? null,
    )
  }

  paragraphAt(transcriptId: string, offset: number): number | null {
    return this.once(this.paragraphs, `${transcriptId}:${offset}`, () =>
      transcriptParagraphAt(this.ctx.sqlite, transcriptId, offset),
    )
  }

  questionText(interviewId: string, questionId: string): string | null {
    return this.questions.get(interviewId, questionId)
  }

  questionCapturing(interviewId: string, rating: Rating): string | null {
    return this.questions.capturing(interviewId, rating)
  }

  private row<T>(sql: string, id: string): T | null {
    return (prepared(this.ctx.sqlite, sql).get(id) as T | undefined) ?? null
  }
}

/**
 * Question wording from each interview's own script snapshot. A snapshot never changes once the interview
 * exists, so the parsed wording is kept per connection and interview id; a few hundred bytes per interview.
 */
interface ScriptQuestions {
  texts: Map<string, string>
  /** The first question asking for each rating. */
  capturing: Map<string, string>
}
const questionCache = new WeakMap<Database.Database, Map<string, ScriptQuestions>>()
class QuestionTexts {
  private readonly byInterview: Map<string, ScriptQuestions>
  constructor(private readonly ctx: ServiceContext) {
    let cache = questionCache.get(ctx.sqlite)
    if (!cache) questionCache.set(ctx.sqlite, (cache = new Map()))
    this.byInterview = cache
  }

  get(interviewId: string, questionId: string): string | null {
    return this.of(interviewId)?.texts.get(questionId) ?? null
  }

  capturing(interviewId: string, rating: string): string | null {
    return this.of(interviewId)?.capturing.get(rating) ?? null
  }

  private of(interviewId: string): ScriptQuestions | null {
    let found = this.byInterview.get(interviewId)
    if (!found) {
      found = { texts: new Map(), capturing: new Map() }
      const raw = prepared(this.ctx.sqlite, 'select script_snapshot from interviews where id = ?').get(
        interviewId,
      ) as Pick<InterviewRow, 'script_snapshot'> | undefined
      if (!raw) return null
      try {
        const body = JSON.parse(raw.script_snapshot) as {
          sections?: { questions?: { id?: unknown; text?: unknown; capture?: unknown }[] }[]
        }
        for (const section of body.sections ?? [])
          for (const q of section.questions ?? []) {
            if (typeof q.id !== 'string') continue
            if (typeof q.text === 'string') found.texts.set(q.id, q.text)
            if (typeof q.capture === 'string' && !found.capturing.has(q.capture))
              found.capturing.set(q.capture, q.id)
          }
      } catch {
        // A snapshot that does not parse only costs the question wording in the results.
      }
      this.byInterview.set(interviewId, found)
    }
    return found
  }
}
