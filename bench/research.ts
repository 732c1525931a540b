/**
 * The issue-4 §7 figures, measured on the research library (bench/generate-research-library.ts) through the
 * real channels: dispatch() validates the input with zod, runs the handler inside one SQLite transaction and
 * checks the output, exactly as an IPC call from the renderer does.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { AppContext } from '../src/main/ipc/app-context'
import type { ChannelInput } from '../src/shared/ipc/contracts'
import { SEARCH_PAGE } from '../src/shared/ipc/contracts/search'
import { buildMatchQuery } from '../src/shared/search/query'
import { generateResearchLibrary, type ResearchStats } from './generate-research-library'
import { median, percentile, sample, samplePaired } from './stats'
import type { Call, Report } from './bench-types'

/** What people type: single words (done typing), two words, a word as it is typed, Cyrillic, a phrase. */
const QUERIES = [
  'pricing ',
  'competitor ',
  'onboarding ',
  'invoice ',
  'spreadsheet ',
  'pricing renewal ',
  'support ticket ',
  'migration deadline ',
  'onb',
  'onboa',
  'compet',
  'spreads',
  'отток ',
  'дорого ',
  'внедр',
  '"the pricing"',
  '"the customer"',
  '"и цена"',
]
const SEARCH = { warmup: 1, rounds: 12 } // 18 queries × 12 rounds = 216 samples of each path
const ROLLUP = { warmup: 1, runs: 7 }
const EVIDENCE = { warmup: 2, runs: 15 }
const TAGGING = { warmup: 20, runs: 300 }
const NOTE_MARK = { warmup: 20, runs: 200 }

/**
 * The bare FTS5 query the ratio compares against: for each of the five FTS tables the simplest
 * `select rowid from <t> where <t> match ? limit N` (no order, no snippets, no joins), with the same MATCH
 * expression our search builds (buildMatchQuery) and the same N (the search's page per kind), one statement
 * with the five parts joined by UNION ALL. It is the floor: what FTS5 costs to find N matches per table.
 * N is written into the SQL, as our search writes its LIMIT (a bound LIMIT measured slower), so neither side
 * carries a cost the other does not.
 */
const FTS_TABLES = ['notes_fts', 'transcripts_fts', 'highlights_fts', 'survey_fts', 'ratings_fts']
const BARE_SQL = FTS_TABLES.map(
  (t) => `select rowid from (select rowid from ${t} where ${t} match @match limit ${SEARCH_PAGE})`,
).join(' union all ')

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.()
const fmt = (ms: number) => ms.toFixed(2)

export interface ResearchResult {
  fixture: Omit<ResearchStats, 'path'> & { sha256: string }
}

/** Generates the research library, says what it holds, and opens it (LibraryManager.open) for the figures. */
export async function openResearchLibrary(
  app: AppContext,
  dir: string,
  migrations: string,
  report: Report,
): Promise<ResearchResult> {
  const path = join(dir, 'Research Library.fieldnote')
  const fx = await generateResearchLibrary(path, migrations)
  const hl = fx.highlights
  console.log(
    `# research library: ${fx.studies} studies, ${fx.companies} companies (${fx.churnedCompanies} churned), ${fx.participants} participants, ` +
      `${fx.interviews} interviews (${fx.exitInterviews} exit, ${fx.exitWithPrimaryReason} with a primary reason), ${fx.notes} notes, ${fx.transcripts} transcripts, ` +
      `${((fx.noteWords + fx.transcriptWords) / 1e6).toFixed(2)}M words (${(fx.noteWords / 1e6).toFixed(2)}M notes + ${(fx.transcriptWords / 1e6).toFixed(2)}M transcripts), ` +
      `${hl.note + hl.transcript + hl.survey} highlights (${hl.note} note, ${hl.transcript} transcript, ${hl.survey} survey) with ${fx.highlightTags} tags from a ${fx.tags}-tag codebook, ` +
      `${fx.surveyResponses} survey responses`,
  )
  const digest = await sha256(path)
  console.log(`# research library sha256 ${digest.slice(0, 16)}…`)
  console.log(
    `# research library generation: rows and FTS indexing ${fmt(fx.phases.rowsMs)} ms, commit ${fmt(fx.phases.commitMs)} ms`,
  )
  report('research_library_generate_ms', fx.ms, 'ms')
  report('research_library_generate_cpu_ms', fx.cpuMs, 'ms')
  report('research_library_file_mb', fx.bytes / 1024 / 1024, 'MB')

  app.libraries.close()
  const o0 = performance.now()
  await app.libraries.open(path)
  report('research_library_open_ms', performance.now() - o0, 'ms')
  const { path: _p, ...rest } = fx
  return { fixture: { ...rest, sha256: digest } }
}

export async function researchBench(
  app: AppContext,
  dir: string,
  migrations: string,
  call: Call,
  report: Report,
): Promise<ResearchResult> {
  const research = await openResearchLibrary(app, dir, migrations, report)
  const { sqlite } = app.libraries.context()

  // ---- search --------------------------------------------------------------------------------------------
  // Queries interleaved (round-robin), so a slow query cannot hide in one stretch of the samples; our path and
  // the bare query alternate sample by sample, so both are measured on the same machine state.
  const bare = sqlite.prepare(BARE_SQL)
  const matches = QUERIES.map((q) => {
    const m = buildMatchQuery(q)
    if (!m) throw new Error(`the search query ${JSON.stringify(q)} builds no MATCH`)
    return m
  })
  const total = SEARCH.warmup * QUERIES.length + SEARCH.rounds * QUERIES.length
  const warm = SEARCH.warmup * QUERIES.length
  gc()
  const [ours, raw] = await samplePaired(
    { warmup: warm, runs: total - warm },
    (i) => call(app, 'search:query', { q: QUERIES[i % QUERIES.length] as string }),
    (i) => bare.all({ match: matches[i % QUERIES.length] }),
  )
  report('search_p95_ms', percentile(ours, 95), 'ms', 50)
  report('search_median_ms', median(ours), 'ms')
  report('search_raw_fts_median_ms', median(raw), 'ms')
  report('search_vs_raw_fts_ratio', median(ours) / median(raw), 'x', 3)
  // Per query, for whoever tunes it: our median, the bare median, and how many rows the query matches.
  const counts = FTS_TABLES.map((t) => sqlite.prepare(`select count(*) from ${t} where ${t} match ?`).pluck())
  for (const [k, q] of QUERIES.entries()) {
    const pick = (xs: number[]) => xs.filter((_, i) => i % QUERIES.length === k)
    const hits = counts.map((s) => s.get(matches[k]) as number)
    console.log(
      `#   search ${JSON.stringify(q)} → ${matches[k]}: ours ${fmt(median(pick(ours)))} ms, bare ${fmt(median(pick(raw)))} ms; matches notes/transcripts/highlights/surveys/rating reasons ${hits.join('/')}`,
    )
  }

  // ---- churn roll-up -------------------------------------------------------------------------------------
  gc()
  const rollups = await sample(ROLLUP, () => call(app, 'churn:rollup', undefined))
  report('churn_rollup_ms', median(rollups), 'ms', 100)
  report('churn_rollup_max_ms', Math.max(...rollups), 'ms')

  // ---- evidence first page -------------------------------------------------------------------------------
  const category = sqlite
    .prepare("select id, code from tags where kind = 'churn_reason' and parent_id is null and code = 'PRC'")
    .get() as { id: string; code: string } | undefined
  if (!category) throw new Error('the research library has no PRC churn category')
  gc()
  const plain = await sample(EVIDENCE, () => call(app, 'evidence:list', {}))
  gc()
  const tagged = await sample(EVIDENCE, () => call(app, 'evidence:list', { tagId: category.id }))
  const first = await call(app, 'evidence:list', { tagId: category.id })
  console.log(
    `#   evidence:list tag ${category.code} (with its reasons): ${first.total} highlights, ${first.counts.companies} companies`,
  )
  report('evidence_first_page_ms', Math.max(median(plain), median(tagged)), 'ms', 100)
  report('evidence_first_page_all_ms', median(plain), 'ms')
  report('evidence_first_page_tag_ms', median(tagged), 'ms')

  // ---- tagging a passage ---------------------------------------------------------------------------------
  // An existing highlight gets a new set of 1–3 tags (the tag picker's commit): highlights spread over the
  // library, tag sets rotating through churn reasons, forces and emotions.
  const highlightIds = sqlite
    .prepare('select id from highlights where rowid % 661 = 0 order by rowid')
    .pluck()
    .all() as string[]
  const tagIds = sqlite
    .prepare(
      "select id from tags where kind in ('churn_reason', 'jtbd_force', 'emotion') and deleted_at is null order by position",
    )
    .pluck()
    .all() as string[]
  if (highlightIds.length < 100 || tagIds.length < 10)
    throw new Error('the research library has too few highlights or tags')
  const tagSet = (i: number) =>
    Array.from({ length: (i % 3) + 1 }, (_, k) => tagIds[(i * 7 + k * 13) % tagIds.length] as string)
  gc()
  const setTags = await sample(TAGGING, (i) =>
    call(app, 'highlights:setTags', {
      id: highlightIds[i % highlightIds.length] as string,
      tagIds: tagSet(i),
    }),
  )
  report('tag_highlight_p95_ms', percentile(setTags, 95), 'ms', 20)

  // A new highlight in a note: notes:save of the note with one more `highlight` mark (what the editor sends
  // when a passage is marked), which syncNoteHighlights turns into a highlight row. Each save is on another
  // note, so every one creates a row.
  const notes = sqlite
    .prepare(
      `select id, interview_id as interviewId, question_id as questionId, doc, plain_text as plainText, first_elapsed_ms as elapsedMs
              from interview_notes where rowid % 83 = 0 order by rowid limit ?`,
    )
    .all(NOTE_MARK.warmup + NOTE_MARK.runs) as {
    id: string
    interviewId: string
    questionId: string
    doc: string
    plainText: string
    elapsedMs: number | null
  }[]
  type Node = { type: string; text?: string; marks?: unknown[]; content?: Node[] }
  const inputs = notes.map((n, i): ChannelInput<'notes:save'> => {
    const doc = JSON.parse(n.doc) as Node
    for (const para of doc.content ?? []) {
      const nodes = para.content ?? []
      const at = nodes.findIndex((t) => t.type === 'text' && !t.marks && (t.text ?? '').length > 40)
      if (at < 0) continue
      const t = nodes[at] as Node & { text: string }
      const a = t.text.indexOf(' ', 5) + 1
      const b = t.text.indexOf(' ', a + 20)
      if (a <= 0 || b <= a) continue
      nodes.splice(
        at,
        1,
        { type: 'text', text: t.text.slice(0, a) },
        {
          type: 'text',
          text: t.text.slice(a, b),
          marks: [{ type: 'highlight', attrs: { ids: [`bench-new-${i}`] } }],
        },
        { type: 'text', text: t.text.slice(b) },
      )
      break
    }
    return {
      interviewId: n.interviewId,
      questionId: n.questionId,
      doc: doc as ChannelInput<'notes:save'>['doc'],
      plainText: n.plainText,
      elapsedMs: n.elapsedMs,
    }
  })
  const count = sqlite.prepare("select count(*) from highlights where id like 'bench-new-%'").pluck()
  gc()
  const marks = await sample(
    {
      warmup: Math.min(NOTE_MARK.warmup, inputs.length),
      runs: Math.max(0, inputs.length - NOTE_MARK.warmup),
    },
    (i) => call(app, 'notes:save', inputs[i]),
  )
  const created = count.get() as number
  console.log(
    `#   notes:save with a new highlight mark: ${created} of ${inputs.length} saves created a highlight row`,
  )
  if (created < inputs.length * 0.9)
    throw new Error('notes:save did not turn the new highlight marks into highlight rows')
  report('tag_highlight_note_save_p95_ms', percentile(marks, 95), 'ms', 20)

  return research
}
