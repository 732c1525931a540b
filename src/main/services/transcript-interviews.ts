import type { z } from 'zod'
import {
  CompanyInputSchema,
  ParticipantInputSchema,
  ParticipantUpdateSchema,
} from '../../shared/domain/company'
import type { Transcript } from '../../shared/domain/highlight'
import { InterviewCreateSchema } from '../../shared/domain/interview'
import type { InterviewMethod } from '../../shared/domain/script'
import { StudyInputSchema } from '../../shared/domain/study'
import { AppError } from '../../shared/ipc/errors'
import { nameKey } from '../../shared/text/name-key'
import type { ParsedTranscript } from '../../shared/transcripts'
import type { ServiceContext } from '../db/context'
import { companyNameIndex, createCompany } from './companies'
import { createInterview } from './interviews'
import { createParticipant, listParticipants, updateParticipant } from './participants'
import { listScripts } from './scripts'
import { createStudy, listStudies } from './studies'
import { getTranscript, insertParsedTranscripts } from './transcripts'

/**
 * A batch of transcript files, each its own interview of one participant in one study: what the command line's
 * `import transcript` writes (and the app could, for "new interviews from files"). The files are read and
 * parsed before this is called; everything here runs in one transaction, so a batch is saved whole or not at
 * all, including the study, participant and company it creates.
 *
 * Names are matched as the app matches names people type (nameKey: case, width and spacing ignored). A study
 * or participant the name leaves ambiguous is refused rather than guessed, since a wrong guess files
 * interviews under the wrong person unnoticed; a company follows the app's own rule (the oldest of its name).
 */

export interface TranscriptInterviewsInput {
  study: string
  participant: string
  /** When given, the participant is this company's (an existing one without a company is linked to it). */
  company: string | null
  files: { name: string; parsed: ParsedTranscript }[]
}

export interface TranscriptInterviewsResult {
  study: { id: string; name: string; created: boolean }
  participant: { id: string; name: string; created: boolean; linkedToCompany: boolean }
  company: { id: string; name: string; created: boolean } | null
  /** In the order of the files. */
  interviews: { id: string; transcript: Transcript }[]
}

/** A new study made for a batch: an exit study, as the command line's churn-survey import makes one. */
const NEW_STUDY = { method: 'exit', targetInterviews: 10 } as const

function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  throw new AppError('VALIDATION', `${what}: ${r.error.issues[0]?.message ?? 'not valid'}`)
}

const same = (name: string) => {
  const key = nameKey(name)
  return (other: { name: string }) => nameKey(other.name) === key
}

function studyFor(
  ctx: ServiceContext,
  name: string,
): TranscriptInterviewsResult['study'] & { method: InterviewMethod } {
  const found = listStudies(ctx).filter(same(name))
  if (found.length > 1)
    throw new AppError(
      'CONFLICT',
      `${found.length} studies are named "${name}" in this library; rename all but one in the app to choose it.`,
    )
  if (found[0]) return { ...found[0], created: false }
  const study = createStudy(ctx, checked(StudyInputSchema, { name, ...NEW_STUDY }, `Study "${name}"`))
  return { ...study, created: true }
}

function companyFor(ctx: ServiceContext, name: string): NonNullable<TranscriptInterviewsResult['company']> {
  const found = companyNameIndex(ctx)(name)
  if (found) return { id: found.id, name: found.name, created: false }
  const company = createCompany(ctx, checked(CompanyInputSchema, { name }, `Company "${name}"`))
  return { id: company.id, name: company.name, created: true }
}

/**
 * Without a company: the one participant of that name, wherever they work. With one: that company's
 * participant of that name, else one of that name who has no company yet (linked to it now), else a new one;
 * a namesake at another company is another person.
 */
function participantFor(
  ctx: ServiceContext,
  name: string,
  company: TranscriptInterviewsResult['company'],
): TranscriptInterviewsResult['participant'] {
  const named = listParticipants(ctx).filter(same(name))
  const atCompany = company ? named.filter((p) => p.companyId === company.id) : named
  const candidates = company && !atCompany.length ? named.filter((p) => p.companyId === null) : atCompany
  if (candidates.length > 1) {
    const where = candidates.map((p) => p.companyName ?? 'no company').join(', ')
    throw new AppError(
      'CONFLICT',
      `${candidates.length} participants are named "${name}" (${where}); ` +
        (company ? 'rename all but one in the app to choose one.' : 'give their company to choose one.'),
    )
  }
  const [found] = candidates
  if (found && company && found.companyId === null) {
    updateParticipant(ctx, checked(ParticipantUpdateSchema, { id: found.id, companyId: company.id }, name))
    return { id: found.id, name: found.name, created: false, linkedToCompany: true }
  }
  if (found) return { id: found.id, name: found.name, created: false, linkedToCompany: false }
  const input = { name, companyId: company?.id ?? null }
  const p = createParticipant(ctx, checked(ParticipantInputSchema, input, `Participant "${name}"`))
  return { id: p.id, name: p.name, created: true, linkedToCompany: false }
}

/** The script the app's New interview form offers first: the study's method, in English, else any. */
function scriptFor(ctx: ServiceContext, method: InterviewMethod): string {
  const matching = listScripts(ctx, { method })
  const script = matching.find((s) => s.language === 'en') ?? matching[0] ?? listScripts(ctx)[0]
  if (!script) throw new AppError('NOT_FOUND', 'This library has no interview script to give the interviews.')
  return script.id
}

/** The interview's title is its transcript's: the file name without its extension. */
const titleOf = (name: string) => [...(name.replace(/\.[^.]+$/, '') || name)].slice(0, 300).join('')

export function createTranscriptInterviews(
  ctx: ServiceContext,
  input: TranscriptInterviewsInput,
): TranscriptInterviewsResult {
  return ctx.sqlite.transaction(() => {
    const study = studyFor(ctx, input.study)
    const company = input.company === null ? null : companyFor(ctx, input.company)
    const participant = participantFor(ctx, input.participant, company)
    const scriptId = scriptFor(ctx, study.method)
    const interviews = input.files.map(({ name, parsed }) => {
      const create = { studyId: study.id, participantId: participant.id, scriptId, title: titleOf(name) }
      const interview = createInterview(ctx, checked(InterviewCreateSchema, create, `"${name}"`))
      const [transcriptId] = insertParsedTranscripts(ctx, interview.id, [{ file: { name }, t: parsed }])
      return { id: interview.id, transcript: getTranscript(ctx, { id: transcriptId! }) }
    })
    return {
      study: { id: study.id, name: study.name, created: study.created },
      participant,
      company,
      interviews,
    }
  })()
}
