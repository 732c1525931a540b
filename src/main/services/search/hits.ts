import type { z } from 'zod'
import {
  SEARCH_PAGE,
  type SearchGroup,
  type SearchHit,
  type SearchInputSchema,
  type SearchKind,
} from '../../../shared/ipc/contracts/search'
import { buildMatchQuery, parseSearchInput } from '../../../shared/search/query'
import { type Matcher, searchMatcher, snippetOf } from '../../../shared/search/snippet'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import { countNewlines } from '../evidence/place'
import { HitContext } from './context'
import { ftsSnippet, pageSql, RATINGS, SEARCH_KINDS, type Rating, type Row } from './sources'

type SearchInput = z.output<typeof SearchInputSchema>

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
