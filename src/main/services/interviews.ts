import type { z } from 'zod'
import type { DeleteImpact } from '../../shared/domain/common'
import {
  CsiRatingsSchema,
  type Interview,
  type InterviewCreateSchema,
  type InterviewDetail,
  type InterviewUpdateSchema,
  type TimerActionSchema,
} from '../../shared/domain/interview'
import { ScriptBodySchema } from '../../shared/domain/script'
import { AppError } from '../../shared/ipc/errors'
import { interviews } from '../db/schema'
import { nowIso, type ServiceContext } from '../db/context'
import { prepared, setClause } from '../db/prepared'
import {
  definedOnly,
  mustExist,
  mustExistId,
  repointClause,
  type CompanyRow,
  type InterviewRow,
  type ParticipantRow,
  type StudyRow,
} from '../db/rows'
import { getScript } from './scripts'

type InterviewCreate = z.output<typeof InterviewCreateSchema>
type InterviewUpdate = z.output<typeof InterviewUpdateSchema>
type TimerAction = z.output<typeof TimerActionSchema>

// Every column but the script snapshot, which only the runner needs (getInterview reads it separately);
// lists of hundreds of interviews would otherwise drag kilobytes of JSON each.
const LIST_COLUMNS = `i.id, i.study_id, i.participant_id, i.title, i.script_source_id, i.script_name, i.interviewer,
  i.status, i.scheduled_at, i.conducted_at, i.planned_minutes, i.elapsed_ms, i.timer_started_at, i.current_question_id,
  i.nps, i.nps_reason, i.csat, i.csat_reason, i.ces, i.ces_reason, i.csi_ratings, i.created_at, i.updated_at`

const SELECT_SQL = `
  select ${LIST_COLUMNS}, s.name as study_name, s.method as method, p.name as participant_name,
         c.id as company_id, c.name as company_name, c.segment as company_segment,
         (select count(*) from interview_notes n where n.interview_id = i.id and trim(n.plain_text) <> '') as noted_questions
  from interviews i
  join studies s on s.id = i.study_id
  left join participants p on p.id = i.participant_id
  left join companies c on c.id = p.company_id`

// SELECT_SQL's row: the interview's LIST_COLUMNS and what its joins add.
type Raw = Omit<InterviewRow, 'script_snapshot' | 'primary_churn_reason_tag_id'> & {
  study_name: StudyRow['name']
  method: StudyRow['method']
  participant_name: ParticipantRow['name'] | null
  company_id: CompanyRow['id'] | null
  company_name: CompanyRow['name'] | null
  company_segment: CompanyRow['segment']
  noted_questions: number
}

function elapsedAt(r: Pick<Raw, 'elapsed_ms' | 'timer_started_at'>, now: Date): number {
  if (!r.timer_started_at) return r.elapsed_ms
  return r.elapsed_ms + Math.max(0, now.getTime() - Date.parse(r.timer_started_at))
}

function toInterview(r: Raw, now: Date): Interview {
  const elapsedMs = elapsedAt(r, now)
  return {
    id: r.id,
    studyId: r.study_id,
    studyName: r.study_name,
    method: r.method,
    participantId: r.participant_id,
    participantName: r.participant_name,
    companyId: r.company_id,
    companyName: r.company_name,
    companySegment: r.company_segment,
    title: r.title,
    scriptSourceId: r.script_source_id,
    scriptName: r.script_name,
    interviewer: r.interviewer,
    status: r.status,
    scheduledAt: r.scheduled_at,
    conductedAt: r.conducted_at,
    plannedMinutes: r.planned_minutes,
    elapsedMs,
    pausedElapsedMs: r.elapsed_ms,
    timerStartedAt: r.timer_started_at,
    timerRunning: r.timer_started_at !== null,
    actualMinutes: Math.round(elapsedMs / 60_000),
    currentQuestionId: r.current_question_id,
    nps: r.nps,
    npsReason: r.nps_reason,
    csat: r.csat,
    csatReason: r.csat_reason,
    ces: r.ces,
    cesReason: r.ces_reason,
    csiRatings: CsiRatingsSchema.parse(JSON.parse(r.csi_ratings)),
    notedQuestions: r.noted_questions,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function getRaw(ctx: ServiceContext, id: string): Raw {
  return mustExist(
    ctx.sqlite.prepare(`${SELECT_SQL} where i.id = ?`).get(id) as Raw | undefined,
    'Interview',
    id,
  )
}

export function listInterviews(
  ctx: ServiceContext,
  input?: { studyId?: string; participantId?: string; companyId?: string },
): Interview[] {
  const where: string[] = []
  const params: string[] = []
  const filters: [string, string | undefined][] = [
    ['i.study_id = ?', input?.studyId],
    ['i.participant_id = ?', input?.participantId],
    // A subquery on the indexed company_id, not a filter on the joined row, so SQLite need not scan all interviews.
    ['i.participant_id in (select id from participants where company_id = ?)', input?.companyId],
  ]
  for (const [clause, value] of filters) {
    if (value === undefined) continue
    where.push(clause)
    params.push(value)
  }
  const sql = `${SELECT_SQL} ${where.length ? `where ${where.join(' and ')}` : ''}
    order by coalesce(i.conducted_at, i.scheduled_at, i.created_at) desc`
  const now = ctx.now()
  return (ctx.sqlite.prepare(sql).all(...params) as Raw[]).map((r) => toInterview(r, now))
}

export function getInterview(ctx: ServiceContext, id: string): InterviewDetail {
  const raw = getRaw(ctx, id)
  const { script_snapshot } = ctx.sqlite
    .prepare('select script_snapshot from interviews where id = ?')
    .get(id) as Pick<InterviewRow, 'script_snapshot'>
  return { ...toInterview(raw, ctx.now()), script: ScriptBodySchema.parse(JSON.parse(script_snapshot)) }
}

function assertParticipant(ctx: ServiceContext, participantId: string | null | undefined): void {
  if (participantId && !prepared(ctx.sqlite, 'select id from participants where id = ?').get(participantId))
    throw new AppError(
      'NOT_FOUND',
      `Participant ${participantId} was not found. Choose an existing participant.`,
    )
}

export function createInterview(ctx: ServiceContext, input: InterviewCreate): Interview {
  mustExistId(ctx.sqlite, 'studies', input.studyId)
  assertParticipant(ctx, input.participantId)
  const script = getScript(ctx, input.scriptId)
  const at = nowIso(ctx)
  const id = ctx.newId()
  ctx.sqlite
    .prepare(
      `insert into interviews (id, study_id, participant_id, title, interviewer, scheduled_at, planned_minutes,
         script_source_id, script_name, script_snapshot, current_question_id, created_at, updated_at)
       values (@id, @studyId, @participantId, @title, @interviewer, @scheduledAt, @plannedMinutes,
         @scriptSourceId, @scriptName, @scriptSnapshot, @currentQuestionId, @at, @at)`,
    )
    .run({
      id,
      studyId: input.studyId,
      participantId: input.participantId,
      title: input.title,
      interviewer: input.interviewer,
      scheduledAt: input.scheduledAt,
      plannedMinutes: input.plannedMinutes,
      scriptSourceId: script.id,
      scriptName: script.name,
      scriptSnapshot: JSON.stringify(script.body),
      currentQuestionId: script.body.sections[0]?.questions[0]?.id ?? null,
      at,
    })
  return toInterview(getRaw(ctx, id), ctx.now())
}

/** Autosave and the clock write here many times an interview, so each column set keeps its statement. */
function writeChanges(
  ctx: ServiceContext,
  id: string,
  changes: Partial<typeof interviews.$inferInsert>,
): void {
  const set = setClause(interviews, changes)
  prepared(ctx.sqlite, `update interviews set ${set.sql} where id = @id`).run({ ...set.params, id })
}

export function updateInterview(ctx: ServiceContext, input: InterviewUpdate): Interview {
  const { id, csiRatings, ...changes } = input
  const before = getRaw(ctx, id)
  assertParticipant(ctx, changes.participantId)
  const merged = csiRatings ? JSON.stringify({ ...JSON.parse(before.csi_ratings), ...csiRatings }) : undefined
  // Marking an interview done stops its clock, exactly as Finish does, so its duration stops growing.
  const stopClock =
    changes.status === 'done' && before.timer_started_at
      ? { elapsedMs: elapsedAt(before, ctx.now()), timerStartedAt: null }
      : {}
  const { actualMinutes, ...rest } = changes
  // A duration typed by hand (an interview run without the clock) replaces the clock's banked time.
  const manualDuration =
    actualMinutes !== undefined ? { elapsedMs: actualMinutes * 60_000, timerStartedAt: null } : {}
  writeChanges(ctx, id, {
    ...definedOnly(rest),
    ...stopClock,
    ...manualDuration,
    ...(merged ? { csiRatings: merged } : {}),
    updatedAt: nowIso(ctx),
  })
  return toInterview(getRaw(ctx, id), ctx.now())
}

/** Start, pause, finish or reopen the interview clock; elapsed time is kept on the server so a restart keeps it. */
export function interviewTimer(ctx: ServiceContext, input: TimerAction): Interview {
  const raw = getRaw(ctx, input.id)
  const now = ctx.now()
  const at = now.toISOString()
  const elapsed = elapsedAt(raw, now)
  const set: Partial<typeof interviews.$inferInsert> = { updatedAt: at }
  switch (input.action) {
    case 'start':
      if (raw.status === 'done')
        throw new AppError('CONFLICT', 'This interview is finished. Reopen it to continue.')
      if (!raw.timer_started_at) set.timerStartedAt = at
      set.status = 'in_progress'
      set.conductedAt = raw.conducted_at ?? at
      break
    case 'pause':
      set.elapsedMs = elapsed
      set.timerStartedAt = null
      break
    case 'finish':
      set.elapsedMs = elapsed
      set.timerStartedAt = null
      set.status = 'done'
      set.conductedAt = raw.conducted_at ?? at
      break
    case 'reopen':
      set.status = 'in_progress'
      break
  }
  writeChanges(ctx, input.id, set)
  return toInterview(getRaw(ctx, input.id), now)
}

/** An exit interview's primary churn reason; churn/rollup checks the study's method and the tag first. */
export function setInterviewPrimaryReason(ctx: ServiceContext, id: string, tagId: string | null): void {
  writeChanges(ctx, id, { primaryChurnReasonTagId: tagId, updatedAt: nowIso(ctx) })
}

/**
 * A tag merge moves the interviews whose primary churn reason is `fromTagId` to `toTagId`; its undo passes
 * `onlyIds`, the interviews the merge moved, so a reason chosen since stays.
 */
export function repointPrimaryReasons(
  ctx: ServiceContext,
  fromTagId: string,
  toTagId: string,
  onlyIds?: readonly string[],
): void {
  const repoint = repointClause('primary_churn_reason_tag_id', fromTagId, toTagId, onlyIds)
  prepared(ctx.sqlite, `update interviews set ${repoint.sql}`).run(repoint.params)
}

export function interviewDeleteImpact(ctx: ServiceContext, id: string): DeleteImpact {
  const raw = getRaw(ctx, id)
  const n = ctx.sqlite
    .prepare('select count(*) as n from interview_notes where interview_id = ?')
    .get(id) as { n: number }
  return {
    name: raw.title || raw.participant_name || raw.script_name,
    interviews: 1,
    participants: 0,
    notes: n.n,
  }
}

export function deleteInterview(ctx: ServiceContext, id: string): { ok: true } {
  getRaw(ctx, id)
  ctx.sqlite.prepare('delete from interviews where id = ?').run(id)
  return { ok: true }
}

/** The question ids of an interview's script snapshot, for validating note writes. */
export function snapshotQuestionIds(ctx: ServiceContext, interviewId: string): Set<string> {
  const raw = ctx.sqlite.prepare('select script_snapshot from interviews where id = ?').get(interviewId) as
    Pick<InterviewRow, 'script_snapshot'> | undefined
  const body = ScriptBodySchema.parse(JSON.parse(mustExist(raw, 'Interview', interviewId).script_snapshot))
  return new Set(body.sections.flatMap((s) => s.questions.map((q) => q.id)))
}
