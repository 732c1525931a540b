import type Database from 'better-sqlite3'
import type { SearchHit } from '../../../shared/ipc/contracts/search'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import type { InterviewRow } from '../../db/rows'
import { transcriptParagraphAt } from '../evidence/place'
import type { Rating } from './sources'

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
export class HitContext {
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
