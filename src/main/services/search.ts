import type Database from 'better-sqlite3'
import type { z } from 'zod'
import type { SearchHit, SearchInputSchema, SearchKind } from '../../shared/ipc/contracts/evidence'
import { buildMatchQuery, MATCH_CLOSE, MATCH_OPEN, snippetSegments } from '../../shared/search/query'
import type { ServiceContext } from './context'

type SearchInput = z.output<typeof SearchInputSchema>

export const DEFAULT_SEARCH_LIMIT = 30
const SNIPPET_TOKENS = 14

/**
 * Per source: the FTS table, the rowids of one study's rows, and the snippet column (-1 = the column that
 * matched best). The study restriction is a rowid set applied after the MATCH ("+rowid": handed to FTS5 as
 * a rowid constraint it would re-run the query once per row, 8x slower).
 */
const SOURCES: { kind: SearchKind; fts: string; snippetColumn: number; studyRowids: string }[] = [
  {
    kind: 'note',
    fts: 'notes_fts',
    snippetColumn: 0,
    studyRowids:
      'select n.rowid from interviews i join interview_notes n on n.interview_id = i.id where i.study_id = @studyId',
  },
  {
    kind: 'transcript',
    fts: 'transcripts_fts',
    snippetColumn: 0,
    studyRowids:
      'select t.rowid from interviews i join transcripts t on t.interview_id = i.id where i.study_id = @studyId',
  },
  {
    kind: 'highlight',
    fts: 'highlights_fts',
    snippetColumn: -1,
    studyRowids: `select h.rowid from interviews i join highlights h on h.interview_id = i.id where i.study_id = @studyId
      union all select h.rowid from churn_survey_responses sr join highlights h on h.survey_response_id = sr.id where sr.study_id = @studyId`,
  },
  {
    kind: 'survey',
    fts: 'survey_fts',
    snippetColumn: -1,
    studyRowids: 'select rowid from churn_survey_responses where study_id = @studyId',
  },
]

interface Ranked {
  kind: SearchKind
  rowid: number
  rank: number
}

/**
 * How many of the newest matches per source are ranked. Ranking (bm25) costs time per matching row; a
 * common word matches tens of thousands of notes in a large library, so ranking all of them would cost
 * tens of milliseconds. Ranking the newest matches keeps every search bounded, and recent interviews
 * first is what a researcher looking for a quote usually wants. A narrower query ranks all its matches.
 */
export const RANKED_CANDIDATES = 200

/** Prepared statements per connection: preparing costs as much as running these small queries. */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>()
function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db)
  if (!cache) statementCache.set(db, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)))
  return stmt
}

function rankedSql(fts: string, studyRowids: string | null): string {
  const study = studyRowids ? `and +rowid in (${studyRowids})` : ''
  // FTS5 walks matches in rowid order and honours the rowid bound itself, so only the newest candidates are ranked.
  return `select rowid, rank from ${fts} where ${fts} match @match ${study}
      and rowid >= (select coalesce(min(rowid), 0) from (select rowid from ${fts} where ${fts} match @match ${study} order by rowid desc limit ${RANKED_CANDIDATES}))
    order by rank limit @limit`
}

/**
 * Best matches of the query per source, then the best of those overall. The MATCH runs per table with a
 * LIMIT; snippets and metadata are computed for the returned rows only, so the cost tracks the page, not the
 * number of matches.
 */
export function searchLibrary(ctx: ServiceContext, input: SearchInput): SearchHit[] {
  const match = buildMatchQuery(input.q)
  if (!match) return []
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT
  const ranked: Ranked[] = []
  for (const src of SOURCES) {
    const rows = prepared(ctx.sqlite, rankedSql(src.fts, input.studyId ? src.studyRowids : null)).all({
      match,
      limit,
      ...(input.studyId ? { studyId: input.studyId } : {}),
    }) as { rowid: number; rank: number }[]
    for (const r of rows) ranked.push({ kind: src.kind, rowid: r.rowid, rank: r.rank })
  }
  ranked.sort((a, b) => a.rank - b.rank || a.kind.localeCompare(b.kind) || a.rowid - b.rowid)
  const top = ranked.slice(0, limit)

  const snippets = new Map<string, string>()
  for (const src of SOURCES) {
    const rowids = top.filter((r) => r.kind === src.kind).map((r) => r.rowid)
    if (!rowids.length) continue
    // One probe per row: FTS5 seeks a rowid equality directly, where an IN list would walk every match.
    const stmt = prepared(
      ctx.sqlite,
      `select snippet(${src.fts}, ${src.snippetColumn}, '${MATCH_OPEN}', '${MATCH_CLOSE}', '…', ${SNIPPET_TOKENS}) from ${src.fts} where ${src.fts} match ? and rowid = ?`,
    ).pluck()
    for (const rowid of rowids)
      snippets.set(`${src.kind}:${rowid}`, (stmt.get(match, rowid) as string | undefined) ?? '')
  }

  const meta = loadMetadata(ctx, top)
  return top.flatMap((r) => {
    const m = meta.get(`${r.kind}:${r.rowid}`)
    if (!m) return []
    return [
      {
        ...m,
        kind: r.kind,
        rank: r.rank,
        snippet: snippetSegments(snippets.get(`${r.kind}:${r.rowid}`) ?? ''),
      },
    ]
  })
}

type Meta = Omit<SearchHit, 'kind' | 'rank' | 'snippet'>

interface MetaRaw {
  rowid: number
  id: string
  interview_id: string | null
  question_id: string | null
  transcript_id: string | null
  survey_response_id: string | null
  title: string | null
  study_id: string | null
  study_name: string | null
  participant_name: string | null
  company_id: string | null
  company_name: string | null
  segment: SearchHit['segment']
}

// Context of each source row: the interview it belongs to (if any), its study, participant and company.
const CONTEXT_COLUMNS = `s.id as study_id, s.name as study_name, p.name as participant_name, c.id as company_id, c.name as company_name, c.segment as segment`
const INTERVIEW_CONTEXT = `left join interviews i on i.id = x.interview_id
  left join studies s on s.id = i.study_id
  left join participants p on p.id = i.participant_id
  left join companies c on c.id = p.company_id`

const META_SQL: Record<SearchKind, string> = {
  note: `select x.rowid, x.id, x.interview_id, x.question_id, null as transcript_id, null as survey_response_id, null as title, ${CONTEXT_COLUMNS}
    from interview_notes x ${INTERVIEW_CONTEXT} where x.rowid = ?`,
  transcript: `select x.rowid, x.id, x.interview_id, null as question_id, x.id as transcript_id, null as survey_response_id, x.title, ${CONTEXT_COLUMNS}
    from transcripts x ${INTERVIEW_CONTEXT} where x.rowid = ?`,
  highlight: `select x.rowid, x.id, x.interview_id, n.question_id, x.transcript_id, x.survey_response_id, t.title as title,
      coalesce(s.id, ss.id) as study_id, coalesce(s.name, ss.name) as study_name, p.name as participant_name,
      coalesce(c.id, sc.id) as company_id, coalesce(c.name, sc.name) as company_name, coalesce(c.segment, sc.segment) as segment
    from highlights x ${INTERVIEW_CONTEXT}
    left join interview_notes n on n.id = x.note_id
    left join transcripts t on t.id = x.transcript_id
    left join churn_survey_responses sr on sr.id = x.survey_response_id
    left join companies sc on sc.id = sr.company_id
    left join studies ss on ss.id = sr.study_id
    where x.rowid = ?`,
  survey: `select x.rowid, x.id, null as interview_id, null as question_id, null as transcript_id, x.id as survey_response_id, x.reason_raw as title,
      s.id as study_id, s.name as study_name, null as participant_name, c.id as company_id, c.name as company_name, c.segment as segment
    from churn_survey_responses x left join studies s on s.id = x.study_id left join companies c on c.id = x.company_id
    where x.rowid = ?`,
}

function loadMetadata(ctx: ServiceContext, top: Ranked[]): Map<string, Meta> {
  const out = new Map<string, Meta>()
  const questionTexts = new QuestionTexts(ctx)
  for (const kind of Object.keys(META_SQL) as SearchKind[]) {
    const rowids = top.filter((r) => r.kind === kind).map((r) => r.rowid)
    if (!rowids.length) continue
    // Row by row: each is a rowid seek, where an IN list over the joins may make the planner scan the table.
    const stmt = prepared(ctx.sqlite, META_SQL[kind])
    for (const rowid of rowids) {
      const r = stmt.get(rowid) as MetaRaw | undefined
      if (!r) continue
      out.set(`${kind}:${r.rowid}`, {
        id: r.id,
        interviewId: r.interview_id,
        questionId: r.question_id,
        questionText:
          r.interview_id && r.question_id ? questionTexts.get(r.interview_id, r.question_id) : null,
        transcriptId: r.transcript_id,
        surveyResponseId: r.survey_response_id,
        title: r.title,
        studyId: r.study_id,
        studyName: r.study_name,
        participantName: r.participant_name,
        companyId: r.company_id,
        companyName: r.company_name,
        segment: r.segment,
      })
    }
  }
  return out
}

/**
 * Question wording from each interview's own script snapshot. A snapshot never changes once the interview
 * exists, so the parsed wording is kept per connection and interview id; a few hundred bytes per interview.
 */
const questionCache = new WeakMap<Database.Database, Map<string, Map<string, string>>>()
class QuestionTexts {
  private readonly byInterview: Map<string, Map<string, string>>
  constructor(private readonly ctx: ServiceContext) {
    let cache = questionCache.get(ctx.sqlite)
    if (!cache) questionCache.set(ctx.sqlite, (cache = new Map()))
    this.byInterview = cache
  }

  get(interviewId: string, questionId: string): string | null {
    let map = this.byInterview.get(interviewId)
    if (!map) {
      map = new Map()
      const raw = prepared(this.ctx.sqlite, 'select script_snapshot from interviews where id = ?').get(
        interviewId,
      ) as { script_snapshot: string } | undefined
      if (!raw) return null
      try {
        const body = JSON.parse(raw.script_snapshot) as {
          sections?: { questions?: { id?: unknown; text?: unknown }[] }[]
        }
        for (const section of body.sections ?? [])
          for (const q of section.questions ?? [])
            if (typeof q.id === 'string' && typeof q.text === 'string') map.set(q.id, q.text)
      } catch {
        // A snapshot that does not parse only costs the question wording in the results.
      }
      this.byInterview.set(interviewId, map)
    }
    return map.get(questionId) ?? null
  }
}
