import { statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { ScriptTemplate } from '../src/shared/domain/script'
import { BUILTIN_TEMPLATES, builtinScriptId } from '../src/shared/templates'
import { openLibrary } from '../src/main/db/open-library'
import { Prng } from './prng'
import { type Lang, noteContent, prose } from './text'
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
 * Builds a realistic library file, deterministically: the same spec and seed give the same rows every run.
 *
 * The file is created by the real openLibrary (real migrations, application_id, pragmas); the rows are then
 * inserted with raw prepared statements in one transaction, which is fixture building, not what is measured.
 * Interviews carry a real script snapshot (a built-in template, as interviews:create stores it) and notes are
 * tiptap JSON as the editor saves them.
 */

export interface FixtureSpec {
  seed: number
  studies: number
  companies: number
  participants: number
  interviews: number
  /** Questions with notes in a finished interview (capped by the script's question count). */
  notedPerInterview: readonly [min: number, max: number]
  wordsPerNote: readonly [min: number, max: number]
}

export const DEFAULT_SPEC: FixtureSpec = {
  seed: 20260301,
  studies: 50,
  companies: 250,
  participants: 700,
  interviews: 1000,
  notedPerInterview: [12, 18],
  wordsPerNote: [150, 450],
}

export interface FixtureStats {
  path: string
  bytes: number
  ms: number
  studies: number
  companies: number
  participants: number
  userScripts: number
  interviews: number
  interviewsByStatus: Record<'planned' | 'in_progress' | 'done', number>
  notes: number
  noteWords: number
}

const CSI_KEYS = [
  'support_quality',
  'meets_requirements',
  'ease_of_doing_business',
  'ease_of_use',
  'ease_of_setup',
  'product_direction',
  'price_value',
] as const

export async function generateLibrary(
  path: string,
  migrationsFolder: string,
  spec: FixtureSpec = DEFAULT_SPEC,
): Promise<FixtureStats> {
  const t0 = performance.now()
  const rng = new Prng(spec.seed)
  const base = Date.parse('2025-01-06T09:00:00.000Z')
  const lib = await openLibrary(path, { migrationsFolder, create: true, now: () => new Date(base) })
  const { sqlite } = lib
  const stats: FixtureStats = {
    path,
    bytes: 0,
    ms: 0,
    studies: 0,
    companies: 0,
    participants: 0,
    userScripts: 0,
    interviews: 0,
    interviewsByStatus: { planned: 0, in_progress: 0, done: 0 },
    notes: 0,
    noteWords: 0,
  }

  try {
    const ins = {
      company: sqlite.prepare(
        `insert into companies (id, name, segment, plan, mrr_minor, currency, customer_since, status, churned_on, churn_type, notes, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      participant: sqlite.prepare(
        `insert into participants (id, name, role, company_id, email, phone, consent_to_record, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      study: sqlite.prepare(
        `insert into studies (id, name, goal, method, status, target_interviews, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      script: sqlite.prepare(
        `insert into scripts (id, name, description, method, language, body, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      interview: sqlite.prepare(
        `insert into interviews (id, study_id, participant_id, title, script_source_id, script_name, script_snapshot, interviewer, status,
           scheduled_at, conducted_at, planned_minutes, elapsed_ms, timer_started_at, current_question_id,
           nps, nps_reason, csat, csat_reason, ces, ces_reason, csi_ratings, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      note: sqlite.prepare(
        `insert into interview_notes (id, interview_id, question_id, doc, plain_text, first_elapsed_ms, revision, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    }

    const touchStudy = sqlite.prepare('update studies set updated_at = ? where id = ?')
    sqlite.transaction(() => {
      // Companies: a segment mix with a long tail of small accounts; some churned.
      const companyIds: string[] = []
      for (let i = 0; i < spec.companies; i++) {
        const id = rng.uuid()
        const { segment, mrr } = segmentAndMrr(rng)
        const since = base - rng.int(60, 1500) * DAY
        const churned = rng.chance(0.15)
        const churnedOn = churned ? isoDate(since + rng.int(30, 700) * DAY) : null
        const created = iso(base - rng.int(1, 400) * DAY)
        ins.company.run(
          id,
          `${prose(rng, 'en', 2).replace(/[.?,]/g, '')} ${i + 1}`,
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
          churnedOn,
          churned ? rng.pick(['voluntary', 'involuntary']) : null,
          rng.chance(0.4) ? prose(rng, 'en', rng.int(10, 60)) : '',
          created,
          created,
        )
        companyIds.push(id)
      }
      stats.companies = companyIds.length

      const participantIds: string[] = []
      for (let i = 0; i < spec.participants; i++) {
        const id = rng.uuid()
        const first = rng.pick(FIRST)
        const last = rng.pick(LAST)
        const created = iso(base - rng.int(1, 300) * DAY)
        ins.participant.run(
          id,
          `${first} ${last}`,
          rng.pick(ROLES),
          rng.chance(0.9) ? rng.pick(companyIds) : null,
          rng.chance(0.8) ? `${first}.${last}${i}@example.test`.toLowerCase() : '',
          rng.chance(0.4) ? `+1 555 ${rng.int(1000000, 9999999)}` : '',
          rng.chance(0.7) ? 1 : 0,
          created,
          created,
        )
        participantIds.push(id)
      }
      stats.participants = participantIds.length

      // A few user scripts (duplicated templates), as scripts:duplicate stores them; some interviews use them.
      const userScripts: { id: string; name: string; template: ScriptTemplate }[] = []
      for (const template of BUILTIN_TEMPLATES.filter((t) => t.language === 'en')) {
        const id = rng.uuid()
        const name = `${template.name} (our version)`
        ins.script.run(
          id,
          name,
          template.description,
          template.method,
          template.language,
          JSON.stringify(template.body),
          iso(base - 200 * DAY),
          iso(base - 100 * DAY),
        )
        userScripts.push({ id, name, template })
      }
      stats.userScripts = userScripts.length

      const studies: { id: string; method: Method; weight: number; lastActivity: number }[] = []
      for (let i = 0; i < spec.studies; i++) {
        const method = rng.weighted<Method>([
          ['jtbd_switch', 40],
          ['exit', 25],
          ['journey', 25],
          ['discovery', 10],
        ])
        const id = rng.uuid()
        const created = base - rng.int(10, 60) * DAY
        ins.study.run(
          id,
          `${prose(rng, 'en', 3).replace(/[.?,]/g, '')} study ${i + 1}`,
          prose(rng, 'en', rng.int(15, 80)),
          method,
          rng.weighted([
            ['active', 40],
            ['completed', 40],
            ['planning', 10],
            ['archived', 10],
          ]),
          rng.int(10, 40),
          iso(created),
          iso(created),
        )
        studies.push({ id, method, weight: 0.3 + rng.next() * 2.7, lastActivity: created })
      }

      const interviewDays = 420
      const order = Array.from({ length: spec.interviews }, () => rng.int(0, interviewDays)).sort(
        (a, b) => a - b,
      )
      for (const day of order) {
        const study = rng.weighted(studies.map((s) => [s, s.weight] as const))
        const lang: Lang = rng.chance(0.8) ? 'en' : 'ru'
        const key = TEMPLATE_KEY[study.method]
        const template = BUILTIN_TEMPLATES.find((t) => t.key === key && t.language === lang)
        if (!template) throw new Error(`no built-in template ${key}:${lang}`)
        const user =
          lang === 'en' && rng.chance(0.15) ? userScripts.find((s) => s.template === template) : undefined
        const body = template.body
        const qids = questionIds(body)

        // Most of the past is done; the last weeks hold the in-progress and planned ones.
        const at = base + day * DAY + rng.int(0, 8) * 3_600_000
        const recent = day > interviewDays - 40
        const status = recent
          ? rng.weighted<'planned' | 'in_progress' | 'done'>([
              ['planned', 55],
              ['in_progress', 15],
              ['done', 30],
            ])
          : rng.chance(0.97)
            ? 'done'
            : 'planned'
        const id = rng.uuid()
        const created = at - rng.int(2, 20) * DAY
        const planned = rng.pick([45, 60, 60, 75, 90])
        const done = status === 'done'
        const started = status !== 'planned'
        let noted: string[] = []
        if (done) {
          const n = rng.int(spec.notedPerInterview[0], spec.notedPerInterview[1])
          const chosen = new Set(rng.sample(qids, n))
          noted = qids.filter((q) => chosen.has(q))
        } else if (started) noted = qids.slice(0, rng.int(3, 10))
        const elapsed = done
          ? rng.int(planned - 15, planned + 20) * 60_000
          : started
            ? rng.int(10, 40) * 60_000
            : 0
        const csi: Record<string, number> = {}
        if (done && rng.chance(0.6))
          for (const k of rng.sample(CSI_KEYS, rng.int(3, 7))) csi[k] = rng.int(1, 5)

        ins.interview.run(
          id,
          study.id,
          rng.chance(0.95) ? rng.pick(participantIds) : null,
          rng.chance(0.5) ? prose(rng, lang, rng.int(3, 8)).replace(/[.?]$/, '') : '',
          user ? user.id : builtinScriptId(template.key, template.language),
          user ? user.name : template.name,
          JSON.stringify(body),
          rng.pick(INTERVIEWERS),
          status,
          iso(at),
          started ? iso(at + rng.int(0, 10) * 60_000) : null,
          planned,
          elapsed,
          null,
          started ? (qids[Math.min(noted.length, qids.length - 1)] ?? null) : (qids[0] ?? null),
          done && rng.chance(0.8)
            ? rng.weighted([
                [10, 15],
                [9, 20],
                [8, 20],
                [7, 15],
                [6, 10],
                [5, 5],
                [3, 5],
                [1, 5],
                [0, 5],
              ])
            : null,
          done && rng.chance(0.7) ? prose(rng, lang, rng.int(8, 40)) : '',
          done && rng.chance(0.6) ? rng.int(1, 5) : null,
          done && rng.chance(0.4) ? prose(rng, lang, rng.int(5, 30)) : '',
          done && rng.chance(0.5) ? rng.int(1, 7) : null,
          done && rng.chance(0.3) ? prose(rng, lang, rng.int(5, 30)) : '',
          JSON.stringify(csi),
          iso(created),
          iso(done ? at + elapsed + 3_600_000 : started ? at + elapsed : created),
        )
        stats.interviews++
        stats.interviewsByStatus[status]++
        if (at > study.lastActivity) study.lastActivity = at

        // Notes, in script order, written while the interview ran; autosave bumped each revision many times.
        let clock = rng.int(60_000, 240_000)
        for (const questionId of noted) {
          const words = rng.int(spec.wordsPerNote[0], spec.wordsPerNote[1])
          const { doc, plainText } = noteContent(rng, lang, words, clock)
          const saved = iso(at + clock + rng.int(60_000, 600_000))
          ins.note.run(
            rng.uuid(),
            id,
            questionId,
            JSON.stringify(doc),
            plainText,
            clock,
            rng.int(5, 80),
            iso(at + clock),
            saved,
          )
          stats.notes++
          stats.noteWords += plainText.split(/\s+/).length
          clock += Math.max(
            60_000,
            Math.round(elapsed / Math.max(1, noted.length)) + rng.int(-60_000, 60_000),
          )
        }
      }

      // The list is ordered by updated_at: a study's is its latest interview activity.
      for (const st of studies) touchStudy.run(iso(st.lastActivity), st.id)
      stats.studies = studies.length
    })()
  } finally {
    // Closing the last connection checkpoints the WAL into the file and removes it.
    lib.close()
  }
  stats.bytes = statSync(path).size
  stats.ms = performance.now() - t0
  return stats
}
