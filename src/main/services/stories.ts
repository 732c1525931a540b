import { AppError } from '../../shared/ipc/errors'
import type { ServiceContext } from '../db/context'
import { mustExist, mustExistId } from '../db/rows'

/** Job stories: "When <situation>, I want to <motivation>, so I can <outcome>", captured per interview. */
const SELECT = `
  select j.id, j.interview_id as interviewId, i.title as interviewTitle, p.name as participantName,
         j.situation, j.motivation, j.outcome, j.position
  from job_stories j join interviews i on i.id = j.interview_id left join participants p on p.id = i.participant_id`

type Story = {
  id: string
  interviewId: string
  interviewTitle: string
  participantName: string | null
  situation: string
  motivation: string
  outcome: string
  position: number
}

function get(ctx: ServiceContext, id: string): Story {
  return mustExist(
    ctx.sqlite.prepare(`${SELECT} where j.id = ?`).get(id) as Story | undefined,
    'Job story',
    id,
  )
}

export function listJobStories(
  ctx: ServiceContext,
  input: { studyId?: string | undefined; interviewId?: string | undefined },
): Story[] {
  if (input.interviewId)
    return ctx.sqlite
      .prepare(`${SELECT} where j.interview_id = ? order by j.position, j.created_at, j.id`)
      .all(input.interviewId) as Story[]
  if (input.studyId)
    return ctx.sqlite
      .prepare(`${SELECT} where i.study_id = ? order by i.created_at, i.id, j.position, j.id`)
      .all(input.studyId) as Story[]
  throw new AppError('VALIDATION', 'Choose a study or an interview.')
}

export function createJobStory(
  ctx: ServiceContext,
  input: { interviewId: string; situation: string; motivation: string; outcome: string },
): Story {
  mustExistId(ctx.sqlite, 'interviews', input.interviewId)
  const { n } = ctx.sqlite
    .prepare('select coalesce(max(position) + 1, 0) as n from job_stories where interview_id = ?')
    .get(input.interviewId) as { n: number }
  const id = ctx.newId()
  const at = ctx.now().toISOString()
  ctx.sqlite
    .prepare(
      'insert into job_stories (id, interview_id, situation, motivation, outcome, position, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(id, input.interviewId, input.situation, input.motivation, input.outcome, n, at, at)
  return get(ctx, id)
}

export function updateJobStory(
  ctx: ServiceContext,
  input: {
    id: string
    situation?: string | undefined
    motivation?: string | undefined
    outcome?: string | undefined
  },
): Story {
  const cur = get(ctx, input.id)
  ctx.sqlite
    .prepare('update job_stories set situation = ?, motivation = ?, outcome = ?, updated_at = ? where id = ?')
    .run(
      input.situation ?? cur.situation,
      input.motivation ?? cur.motivation,
      input.outcome ?? cur.outcome,
      ctx.now().toISOString(),
      input.id,
    )
  return get(ctx, input.id)
}

export function deleteJobStory(ctx: ServiceContext, id: string): { ok: true } {
  get(ctx, id)
  ctx.sqlite.prepare('delete from job_stories where id = ?').run(id)
  return { ok: true }
}
