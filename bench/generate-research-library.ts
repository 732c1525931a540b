import { statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { BUILTIN_TEMPLATES, builtinScriptId } from '../src/shared/templates'
import { STARTER_CODEBOOKS, type StarterTag } from '../src/shared/taxonomy'
import { openLibrary } from '../src/main/db/open-library'
import { Prng } from './prng'
import { type Lang, TextGenerator, tokenOffsets, tokenRanges } from './research-text'
import {
  DAY,
  FIRST,
  iso,
  INTERVIEWERS,
  isoDate,
  LAST,
  PLANS,
  questionIds,
  ROLES,
  TEMPLATE_KEY,
  type Method,
  segmentAndMrr,
} from './fixture-vocabulary'

/**
 * The issue-4 research library, deterministically: 2,000 interviews with ~5M words of notes and transcripts,
 * 200,000 highlights with 1–3 tags each from a realistic codebook (every starter codebook: churn reasons with
 * codes like PRC-01 under their categories, JTBD forces and phases, journey stages, emotions, satisfaction
 * drivers, plus research themes), 500 companies (a third churned, with churn dates, segments and MRR), exit
 * interviews with a primary churn reason on most, and a few thousand cancellation-survey responses.
 *
 * The file is created by the real openLibrary (real migrations, so the FTS5 triggers index every row as it is
 * inserted); the rows go in through raw prepared statements in one transaction. Notes are tiptap JSON as the
 * editor saves them, and note highlights are `highlight` marks ({ ids: [id] }) in the doc whose code-point
 * ranges equal the highlight rows, so notes:save keeps them (syncNoteHighlights finds no change). Transcripts
 * are the paragraphs transcripts:import stores (speaker, startMs, endMs), plain text joined by "\n".
 */

export interface ResearchSpec {
  seed: number
  studies: number
  companies: number
  churnedShare: number
  participants: number
  interviews: number
  /** Share of finished interviews with an imported transcript. */
  transcriptShare: number
  notesPerInterview: readonly [min: number, max: number]
  wordsPerNote: readonly [min: number, max: number]
  wordsPerTranscript: readonly [min: number, max: number]
  highlights: number
  surveyResponses: number
}

export const RESEARCH_SPEC: ResearchSpec = {
  seed: 20261123,
  studies: 60,
  companies: 500,
  churnedShare: 1 / 3,
  participants: 1500,
  interviews: 2000,
  transcriptShare: 0.6,
  notesPerInterview: [7, 13],
  wordsPerNote: [60, 160],
  wordsPerTranscript: [1700, 3300],
  highlights: 200_000,
  surveyResponses: 3000,
}

export interface ResearchStats {
  path: string
  bytes: number
  ms: number
  studies: number
  companies: number
  churnedCompanies: number
  participants: number
  interviews: number
  exitInterviews: number
  exitWithPrimaryReason: number
  notes: number
  transcripts: number
  noteWords: number
  transcriptWords: number
  tags: number
  highlights: { note: number; transcript: number; survey: number }
  highlightTags: number
  surveyResponses: number
  /** Where the time went: building and inserting rows (FTS5 indexing happens in the insert triggers), commit. */
  phases: { rowsMs: number; commitMs: number }
  /** CPU time of this process (user + system): what the generation costs on a busy machine. */
  cpuMs: number
}

const THEMES = [
  ['Reporting', ['Custom reports', 'Scheduled exports', 'Dashboards for execs']],
  ['Collaboration', ['Comments', 'Permissions', 'Guest access']],
  ['Integrations', ['CRM sync', 'Spreadsheet import', 'API limits', 'SSO']],
  ['Performance', ['Slow search', 'Large files', 'Outages']],
  ['Mobile', ['Offline mode', 'Notifications']],
] as const
/** What customers type into a cancellation survey; the first ones map to churn codes, the rest stay unmapped. */
const RAW_REASONS: readonly (readonly [string, string | null])[] = [
  ['Too expensive', 'PRC-01'],
  ['Price went up', 'PRC-02'],
  ['Switched to a competitor', 'CMP-01'],
  ['Found a cheaper alternative', 'CMP-02'],
  ['Missing features', 'PRD-01'],
  ['Too hard to use', 'PRD-03'],
  ['Not using it enough', 'VAL-01'],
  ['Didn’t see the value', 'VAL-02'],
  ['Support was slow', 'SUP-01'],
  ['Company closed / budget cut', 'EXT-01'],
  ['Слишком дорого', 'PRC-01'],
  ['Перешли к конкуренту', 'CMP-01'],
  ['Не хватает функций', 'PRD-01'],
  ['Other', null],
  ['no reason', null],
  ['Merged with another company', null],
  ['Project ended', null],
]

/** Zipf weights over a list, so a few reasons dominate the Pareto as they do in real churn data. */
function zipf<T>(items: readonly T[]): [T, number][] {
  return items.map((t, i) => [t, 1 / (i + 1)] as [T, number])
}

interface TagRow {
  id: string
  kind: StarterTag['kind']
  code: string | null
  parentId: string | null
  isLeaf: boolean
}

export async function generateResearchLibrary(
  path: string,
  migrationsFolder: string,
  spec: ResearchSpec = RESEARCH_SPEC,
): Promise<ResearchStats> {
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const rng = new Prng(spec.seed)
  const text = new TextGenerator(new Prng(spec.seed ^ 0x5eed))
  const base = Date.parse('2025-03-03T09:00:00.000Z')
  const lib = await openLibrary(path, { migrationsFolder, create: true, now: () => new Date(base) })
  const { sqlite } = lib
  // Fixture building only: a larger page cache, and no WAL for the one big transaction (the ~350 MB would be
  // written twice, to the WAL then to the file at the checkpoint). Set back to WAL before closing, so the file
  // is what the app leaves; every measured open goes through openLibrary's own pragmas again.
  sqlite.pragma('cache_size = -1048576')
  sqlite.pragma('journal_mode = OFF')
  sqlite.pragma('synchronous = OFF')
  const stats: ResearchStats = {
    path,
    bytes: 0,
    ms: 0,
    studies: 0,
    companies: 0,
    churnedCompanies: 0,
    participants: 0,
    interviews: 0,
    exitInterviews: 0,
    exitWithPrimaryReason: 0,
    notes: 0,
    transcripts: 0,
    noteWords: 0,
    transcriptWords: 0,
    tags: 0,
    highlights: { note: 0, transcript: 0, survey: 0 },
    highlightTags: 0,
    surveyResponses: 0,
    phases: { rowsMs: 0, commitMs: 0 },
    cpuMs: 0,
  }

  try {
    const ins = {
      tag: sqlite.prepare(
        `insert into tags (id, parent_id, name, code, kind, color, description, owner_team, prevention, semantic_key, emotion_score, position, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      company: sqlite.prepare(
        `insert into companies (id, name, segment, plan, mrr_minor, currency, customer_since, status, churned_on, churn_type, notes, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      participant: sqlite.prepare(
        `insert into participants (id, name, role, company_id, email, phone, consent_to_record, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      study: sqlite.prepare(
        `insert into studies (id, name, goal, method, status, target_interviews, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      interview: sqlite.prepare(
        `insert into interviews (id, study_id, participant_id, title, script_source_id, script_name, script_snapshot, interviewer, status,
           scheduled_at, conducted_at, planned_minutes, elapsed_ms, timer_started_at, current_question_id,
           nps, nps_reason, csat, csat_reason, ces, ces_reason, csi_ratings, primary_churn_reason_tag_id, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, null, '', '{}', ?, ?, ?)`,
      ),
      note: sqlite.prepare(
        `insert into interview_notes (id, interview_id, question_id, doc, plain_text, first_elapsed_ms, revision, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      transcript: sqlite.prepare(
        `insert into transcripts (id, interview_id, title, source_name, source_format, doc, plain_text, created_at, updated_at) values (?, ?, ?, ?, 'vtt', ?, ?, ?, ?)`,
      ),
      survey: sqlite.prepare(
        `insert into churn_survey_responses (id, company_id, study_id, responded_on, reason_raw, reason_tag_id, comment, mrr_minor, import_batch_id, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      highlight: sqlite.prepare(
        `insert into highlights (id, interview_id, note_id, transcript_id, survey_response_id, start_offset, end_offset, quote, memo, emotion, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      highlightTag: sqlite.prepare(
        'insert into highlight_tags (highlight_id, tag_id, created_at) values (?, ?, ?)',
      ),
    }

    const tx0 = performance.now()
    sqlite.transaction(() => {
      // ---- codebook: every starter codebook (English) plus a few research themes ----------------------
      const tags: TagRow[] = []
      const at0 = iso(base - 120 * DAY)
      let position = 0
      for (const book of Object.values(STARTER_CODEBOOKS)) {
        const byKey = new Map<string, string>()
        for (const t of book) {
          const id = rng.uuid()
          byKey.set(t.key, id)
          const parentId = t.parentKey ? (byKey.get(t.parentKey) ?? null) : null
          ins.tag.run(
            id,
            parentId,
            t.name.en,
            t.code,
            t.kind,
            t.color,
            t.description.en,
            t.ownerTeam.en,
            t.prevention.en,
            t.semanticKey,
            t.emotionScore,
            position++,
            at0,
            at0,
          )
          tags.push({ id, kind: t.kind, code: t.code, parentId, isLeaf: true })
        }
      }
      for (const [parent, children] of THEMES) {
        const pid = rng.uuid()
        ins.tag.run(pid, null, parent, null, 'theme', '#5c6bc0', '', '', '', null, null, position++, at0, at0)
        tags.push({ id: pid, kind: 'theme', code: null, parentId: null, isLeaf: true })
        for (const c of children) {
          const id = rng.uuid()
          ins.tag.run(id, pid, c, null, 'theme', '#7986cb', '', '', '', null, null, position++, at0, at0)
          tags.push({ id, kind: 'theme', code: null, parentId: pid, isLeaf: true })
        }
      }
      const parents = new Set(tags.map((t) => t.parentId).filter(Boolean))
      for (const t of tags) t.isLeaf = !parents.has(t.id)
      stats.tags = tags.length
      const leaves = (kind: TagRow['kind']) =>
        rng.sample(
          tags.filter((t) => t.kind === kind && t.isLeaf),
          1000,
        )
      const churnLeaves = leaves('churn_reason')
      const churnCategories = tags.filter((t) => t.kind === 'churn_reason' && !t.isLeaf)
      const byCode = new Map(tags.filter((t) => t.code).map((t) => [t.code as string, t.id]))
      const pools: Record<Method, [TagRow, number][]> = {
        exit: zipf(churnLeaves),
        jtbd_switch: [...zipf(leaves('jtbd_force')), ...zipf(leaves('jtbd_phase'))],
        journey: [...zipf(leaves('journey_stage')), ...zipf(leaves('satisfaction_driver'))],
        discovery: zipf(leaves('theme')),
      }
      const emotions = tags.filter((t) => t.kind === 'emotion' && t.isLeaf)
      const themes = zipf(tags.filter((t) => t.kind === 'theme' && t.isLeaf))
      const churnPool = zipf(churnLeaves)

      /** 1–3 distinct tags for a highlight: the method's family, often an emotion, sometimes a theme. */
      const tagsFor = (method: Method, favourite: string | null): string[] => {
        const out = new Set<string>()
        if (favourite && rng.chance(0.6)) out.add(favourite)
        else if (method === 'exit' && rng.chance(0.08)) out.add(rng.pick(churnCategories).id)
        else out.add(rng.weighted(pools[method]).id)
        const extra = rng.weighted([
          [0, 45],
          [1, 40],
          [2, 15],
        ] as const)
        for (let k = 0; k < extra; k++)
          out.add(rng.chance(0.6) ? rng.pick(emotions).id : rng.weighted(themes).id)
        return [...out]
      }
      const writeHighlight = (
        h: {
          interviewId: string | null
          noteId: string | null
          transcriptId: string | null
          surveyId: string | null
        },
        id: string,
        start: number,
        end: number,
        quote: string,
        at: string,
        tagIds: string[],
      ) => {
        ins.highlight.run(
          id,
          h.interviewId,
          h.noteId,
          h.transcriptId,
          h.surveyId,
          start,
          end,
          quote,
          rng.chance(0.05) ? text.prose(rng, 'en', rng.int(5, 20)) : '',
          rng.chance(0.2) ? rng.int(-2, 2) : null,
          at,
          at,
        )
        for (const t of tagIds) ins.highlightTag.run(id, t, at)
        stats.highlightTags += tagIds.length
      }

      // ---- companies and people -------------------------------------------------------------------------
      const companies: { id: string; churned: boolean; churnedOn: number | null; reason: string }[] = []
      for (let i = 0; i < spec.companies; i++) {
        const id = rng.uuid()
        const { segment, mrr } = segmentAndMrr(rng)
        const since = base - rng.int(120, 1500) * DAY
        const churned = rng.chance(spec.churnedShare)
        // Churn dates spread over the last ~18 months, some within 90 days of signing up (early churn).
        const churnedOn = churned
          ? Math.min(
              base + rng.int(0, 300) * DAY,
              since + (rng.chance(0.2) ? rng.int(20, 85) : rng.int(91, 900)) * DAY,
            )
          : null
        const created = iso(base - rng.int(1, 400) * DAY)
        ins.company.run(
          id,
          `${text.prose(rng, 'en', 2).replace(/[.?,]/g, '')} ${i + 1}`,
          segment,
          rng.pick(PLANS),
          mrr,
          rng.weighted([
            ['USD', 80],
            ['EUR', 15],
            ['GBP', 5],
          ]),
          isoDate(since),
          churned ? 'churned' : 'active',
          churnedOn === null ? null : isoDate(churnedOn),
          churned
            ? rng.weighted([
                ['voluntary', 80],
                ['involuntary', 15],
                [null, 5],
              ])
            : null,
          rng.chance(0.3) ? text.prose(rng, 'en', rng.int(10, 60)) : '',
          created,
          created,
        )
        companies.push({ id, churned, churnedOn, reason: rng.weighted(churnPool).id })
        if (churned) stats.churnedCompanies++
      }
      stats.companies = companies.length
      const churnedCompanies = companies.filter((c) => c.churned)
      const companyById = new Map(companies.map((c) => [c.id, c]))

      const participants: { id: string; companyId: string | null }[] = []
      for (let i = 0; i < spec.participants; i++) {
        const id = rng.uuid()
        const first = rng.pick(FIRST)
        const last = rng.pick(LAST)
        // Every company gets someone; churned companies are over-represented (exit interviews need them).
        const company =
          i < companies.length
            ? (companies[i] as (typeof companies)[number])
            : rng.chance(0.95)
              ? rng.chance(0.5)
                ? rng.pick(churnedCompanies)
                : rng.pick(companies)
              : null
        const created = iso(base - rng.int(1, 300) * DAY)
        ins.participant.run(
          id,
          `${first} ${last}`,
          rng.pick(ROLES),
          company?.id ?? null,
          `${first}.${last}${i}@example.test`.toLowerCase(),
          '',
          1,
          created,
          created,
        )
        participants.push({ id, companyId: company?.id ?? null })
      }
      stats.participants = participants.length
      const churnedParticipants = participants.filter(
        (p) => p.companyId && companyById.get(p.companyId)?.churned,
      )

      // ---- studies ----------------------------------------------------------------------------------------
      const studies: { id: string; method: Method; weight: number }[] = []
      for (let i = 0; i < spec.studies; i++) {
        const method = rng.weighted<Method>([
          ['jtbd_switch', 35],
          ['exit', 30],
          ['journey', 25],
          ['discovery', 10],
        ])
        const id = rng.uuid()
        const created = iso(base - rng.int(10, 60) * DAY)
        ins.study.run(
          id,
          `${text.prose(rng, 'en', 3).replace(/[.?,]/g, '')} study ${i + 1}`,
          text.prose(rng, 'en', rng.int(15, 60)),
          method,
          rng.pick(['active', 'completed', 'completed', 'planning']),
          rng.int(20, 60),
          created,
          created,
        )
        studies.push({ id, method, weight: 0.3 + rng.next() * 2.7 })
      }
      stats.studies = studies.length
      const exitStudies = studies.filter((s) => s.method === 'exit')

      // ---- cancellation-survey responses (written first: their highlights count towards the total) -------
      const surveyRows: { id: string; companyId: string; comment: string; at: string }[] = []
      for (let i = 0; i < spec.surveyResponses; i++) {
        const id = rng.uuid()
        const company = rng.chance(0.85) ? rng.pick(churnedCompanies) : rng.pick(companies)
        const respondedMs =
          company.churnedOn !== null ? company.churnedOn - rng.int(0, 20) * DAY : base + rng.int(0, 300) * DAY
        const lang: Lang = rng.chance(0.85) ? 'en' : 'ru'
        // Mostly the company's real reason, worded one of the usual ways.
        const mapped = RAW_REASONS.filter(([, code]) => code !== null)
        const [raw, code] = rng.chance(0.12)
          ? rng.pick(RAW_REASONS.filter(([, c]) => c === null))
          : rng.pick(mapped)
        const tagId = code ? (byCode.get(code) ?? null) : null
        const comment = rng.chance(0.65) ? text.prose(rng, lang, rng.int(8, 50)) : ''
        const at = iso(respondedMs + 3_600_000)
        ins.survey.run(
          id,
          company.id,
          rng.chance(0.4) && exitStudies.length ? rng.pick(exitStudies).id : null,
          isoDate(respondedMs),
          raw,
          tagId,
          comment,
          rng.chance(0.5) ? rng.int(2_000, 900_000) : null,
          `batch-${(i % 6) + 1}`,
          at,
          at,
        )
        surveyRows.push({ id, companyId: company.id, comment, at })
      }
      stats.surveyResponses = surveyRows.length
      for (const s of surveyRows) {
        if (!s.comment || !rng.chance(0.7)) continue
        const toks = s.comment.split(' ')
        const [range] = tokenRanges(rng, toks.length, 1, 3, 15)
        if (!range) continue
        const offs = tokenOffsets(toks)
        const start = offs[range[0]] as number
        const end = (offs[range[1] - 1] as number) + (toks[range[1] - 1] as string).length
        writeHighlight(
          { interviewId: null, noteId: null, transcriptId: null, surveyId: s.id },
          rng.uuid(),
          start,
          end,
          s.comment.slice(start, end),
          s.at,
          tagsFor('exit', companyById.get(s.companyId)?.reason ?? null),
        )
        stats.highlights.survey++
      }

      // ---- interviews, notes, transcripts, highlights ----------------------------------------------------
      const templateFor = (method: Method, lang: Lang) => {
        const t = BUILTIN_TEMPLATES.find((x) => x.key === TEMPLATE_KEY[method] && x.language === lang)
        if (!t) throw new Error(`no built-in template ${TEMPLATE_KEY[method]}:${lang}`)
        return t
      }
      const studyPool = studies.map((s) => [s, s.weight] as const)
      const plan = Array.from({ length: spec.interviews }, () => rng.int(0, 400)).sort((a, b) => a - b)
      const avgNoteHl = 3
      // Transcript highlights fill what notes and surveys leave of the target, spread over the transcripts.
      const expectedNotes =
        spec.interviews * 0.96 * ((spec.notesPerInterview[0] + spec.notesPerInterview[1]) / 2)
      const expectedTranscripts = spec.interviews * 0.96 * spec.transcriptShare
      let transcriptHlLeft = spec.highlights - stats.highlights.survey - Math.round(expectedNotes * avgNoteHl)
      let transcriptsLeft = Math.round(expectedTranscripts)

      for (const [n, day] of plan.entries()) {
        const study = rng.weighted(studyPool)
        const lang: Lang = rng.chance(0.8) ? 'en' : 'ru'
        const template = templateFor(study.method, lang)
        const body = template.body
        const qids = questionIds(body)
        const at = base - 400 * DAY + day * DAY + rng.int(0, 8) * 3_600_000
        const done = n < spec.interviews - 80 ? rng.chance(0.98) : rng.chance(0.3)
        const status = done ? 'done' : rng.chance(0.5) ? 'planned' : 'in_progress'
        const started = status !== 'planned'
        const participant =
          study.method === 'exit' && churnedParticipants.length
            ? rng.pick(churnedParticipants)
            : rng.pick(participants)
        const company = participant.companyId ? (companyById.get(participant.companyId) ?? null) : null
        const favourite = study.method === 'exit' ? (company?.reason ?? null) : null
        const primary =
          study.method === 'exit' && done && rng.chance(0.7)
            ? rng.chance(0.85) && favourite
              ? favourite
              : rng.weighted(churnPool).id
            : null
        const id = rng.uuid()
        const planned = rng.pick([45, 60, 60, 75, 90])
        const elapsed = done
          ? rng.int(planned - 15, planned + 20) * 60_000
          : started
            ? rng.int(10, 40) * 60_000
            : 0
        const noted = done
          ? qids.filter((q) =>
              new Set(rng.sample(qids, rng.int(spec.notesPerInterview[0], spec.notesPerInterview[1]))).has(q),
            )
          : started
            ? qids.slice(0, rng.int(2, 5))
            : []
        const created = at - rng.int(2, 20) * DAY
        ins.interview.run(
          id,
          study.id,
          participant.id,
          rng.chance(0.6) ? text.prose(rng, lang, rng.int(3, 8)).replace(/[.?]$/, '') : '',
          builtinScriptId(template.key, template.language),
          template.name,
          JSON.stringify(body),
          rng.pick(INTERVIEWERS),
          status,
          iso(at),
          started ? iso(at + rng.int(0, 10) * 60_000) : null,
          planned,
          elapsed,
          started ? (qids[Math.min(noted.length, qids.length - 1)] ?? null) : (qids[0] ?? null),
          done && rng.chance(0.7) ? rng.int(0, 10) : null,
          done && rng.chance(0.5) ? text.prose(rng, lang, rng.int(8, 30)) : '',
          done && rng.chance(0.5) ? rng.int(1, 5) : null,
          '',
          primary,
          iso(created),
          iso(at + elapsed + 3_600_000),
        )
        stats.interviews++
        if (study.method === 'exit') {
          stats.exitInterviews++
          if (primary) stats.exitWithPrimaryReason++
        }

        // Notes: paragraphs stamped with elapsed time, 1–5 highlight marks per note across its paragraphs.
        let clock = rng.int(60_000, 240_000)
        for (const questionId of noted) {
          const noteId = rng.uuid()
          const words = rng.int(spec.wordsPerNote[0], spec.wordsPerNote[1])
          const paragraphs = rng.int(1, 4)
          const hlCount = rng.int(1, 2 * avgNoteHl - 1)
          const hlPer = Array.from(
            { length: paragraphs },
            (_, p) => Math.floor(hlCount / paragraphs) + (p < hlCount % paragraphs ? 1 : 0),
          )
          const content: unknown[] = []
          const texts: string[] = []
          const marks: { id: string; start: number; end: number; quote: string }[] = []
          let offset = 0
          let elapsedAt = clock
          for (let p = 0; p < paragraphs; p++) {
            const toks = text.tokens(rng, lang, Math.max(8, Math.round(words / paragraphs)))
            const offs = tokenOffsets(toks)
            const paraText = toks.join(' ')
            const nodes: unknown[] = []
            let cursor = 0
            for (const [a, b] of tokenRanges(rng, toks.length, hlPer[p] as number, 4, 18)) {
              const s = offs[a] as number
              const e = (offs[b - 1] as number) + (toks[b - 1] as string).length
              if (s > cursor) nodes.push({ type: 'text', text: paraText.slice(cursor, s) })
              const hid = rng.uuid()
              const quote = paraText.slice(s, e)
              nodes.push({ type: 'text', text: quote, marks: [{ type: 'highlight', attrs: { ids: [hid] } }] })
              marks.push({ id: hid, start: offset + s, end: offset + e, quote })
              cursor = e
            }
            if (cursor < paraText.length) nodes.push({ type: 'text', text: paraText.slice(cursor) })
            content.push({ type: 'paragraph', attrs: { elapsedMs: elapsedAt }, content: nodes })
            texts.push(paraText)
            offset += paraText.length + 1 // "\n" between paragraphs
            elapsedAt += rng.int(20_000, 120_000)
            stats.noteWords += toks.length
          }
          const plainText = texts.join('\n')
          const savedAt = iso(at + clock + rng.int(60_000, 600_000))
          ins.note.run(
            noteId,
            id,
            questionId,
            JSON.stringify({ type: 'doc', content }),
            plainText,
            clock,
            rng.int(5, 80),
            iso(at + clock),
            savedAt,
          )
          stats.notes++
          for (const m of marks) {
            writeHighlight(
              { interviewId: id, noteId, transcriptId: null, surveyId: null },
              m.id,
              m.start,
              m.end,
              m.quote,
              savedAt,
              tagsFor(study.method, favourite),
            )
            stats.highlights.note++
          }
          clock += Math.max(
            60_000,
            Math.round(elapsed / Math.max(1, noted.length)) + rng.int(-60_000, 60_000),
          )
        }

        // Transcript: alternating speaker turns of 15–90 words, highlights spread over the turns.
        if (done && rng.chance(spec.transcriptShare) && transcriptsLeft > 0) {
          const transcriptId = rng.uuid()
          const target = rng.int(spec.wordsPerTranscript[0], spec.wordsPerTranscript[1])
          const hlTarget = Math.max(
            0,
            Math.round((transcriptHlLeft / transcriptsLeft) * (0.7 + rng.next() * 0.6)),
          )
          const speaker = `${FIRST[rng.int(0, FIRST.length - 1)]}`
          const turns: string[][] = []
          let words = 0
          while (words < target) {
            const toks = text.tokens(rng, lang, rng.int(15, 90))
            turns.push(toks)
            words += toks.length
          }
          const perTurn = hlTarget / turns.length
          let carry = 0
          let offset = 0
          let ms = rng.int(0, 5_000)
          const paragraphs: unknown[] = []
          const texts: string[] = []
          const created = iso(at + elapsed + 7_200_000)
          const hls: { id: string; start: number; end: number; quote: string }[] = []
          for (const [k, toks] of turns.entries()) {
            const turnText = toks.join(' ')
            const dur = toks.length * 400
            paragraphs.push({
              type: 'paragraph',
              attrs: { speaker: k % 2 === 0 ? 'Interviewer' : speaker, startMs: ms, endMs: ms + dur },
              content: [{ type: 'text', text: turnText }],
            })
            ms += dur + rng.int(200, 3_000)
            carry += perTurn
            const count = Math.floor(carry)
            carry -= count
            const offs = tokenOffsets(toks)
            for (const [a, b] of tokenRanges(rng, toks.length, count, 3, 16)) {
              const s = offs[a] as number
              const e = (offs[b - 1] as number) + (toks[b - 1] as string).length
              hls.push({ id: rng.uuid(), start: offset + s, end: offset + e, quote: turnText.slice(s, e) })
            }
            texts.push(turnText)
            offset += turnText.length + 1
            stats.transcriptWords += toks.length
          }
          ins.transcript.run(
            transcriptId,
            id,
            `Call recording ${n + 1}`,
            `call-${n + 1}.vtt`,
            JSON.stringify({ type: 'doc', content: paragraphs }),
            texts.join('\n'),
            created,
            created,
          )
          stats.transcripts++
          for (const h of hls) {
            writeHighlight(
              { interviewId: id, noteId: null, transcriptId, surveyId: null },
              h.id,
              h.start,
              h.end,
              h.quote,
              created,
              tagsFor(study.method, favourite),
            )
            stats.highlights.transcript++
          }
          transcriptHlLeft -= hls.length
          transcriptsLeft--
        }
      }
      stats.phases.rowsMs = performance.now() - tx0
    })()
    stats.phases.commitMs = performance.now() - tx0 - stats.phases.rowsMs
    sqlite.pragma('journal_mode = WAL')
  } finally {
    // Closing the last connection checkpoints the WAL into the file and removes it.
    lib.close()
  }
  stats.bytes = statSync(path).size
  stats.ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  stats.cpuMs = (cpu.user + cpu.system) / 1000
  return stats
}
