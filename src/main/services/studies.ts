import type { z } from 'zod'
import type { DeleteImpact } from '../../shared/domain/common'
import type { Study, StudyDetail, StudySummary } from '../../shared/domain/study'
import { SEGMENTS } from '../../shared/domain/common'
import type { StudyInputSchema, StudyUpdateSchema } from '../../shared/domain/study'
import { studies } from '../db/schema'
import { nowIso, type ServiceContext } from '../db/context'
import { prepared, setClause } from '../db/prepared'
import { metricsFor } from './metrics-summary'
import { definedOnly, likePattern, mustExist } from '../db/rows'

type StudyInput = z.output<typeof StudyInputSchema>
type StudyUpdate = z.output<typeof StudyUpdateSchema>

const COLUMNS = `s.id, s.name, s.goal, s.method, s.status, s.target_interviews as targetInterviews,
  s.created_at as createdAt, s.updated_at as updatedAt`

const SUMMARY_SQL = `
  select ${COLUMNS},
         (select count(*) from interviews i where i.study_id = s.id) as interviewCount,
         (select count(*) from interviews i where i.study_id = s.id and i.status = 'done') as doneCount
  from studies s`

export function listStudies(ctx: ServiceContext, input?: { search?: string }): StudySummary[] {
  const like = likePattern(input?.search)
  const sql = like
    ? `${SUMMARY_SQL} where s.name like ? escape '\\' or s.goal like ? escape '\\' order by s.updated_at desc`
    : `${SUMMARY_SQL} order by s.updated_at desc`
  return ctx.sqlite.prepare(sql).all(...(like ? [like, like] : [])) as StudySummary[]
}

function getSummary(ctx: ServiceContext, id: string): StudySummary {
  return mustExist(
    ctx.sqlite.prepare(`${SUMMARY_SQL} where s.id = ?`).get(id) as StudySummary | undefined,
    'Study',
    id,
  )
}

export function getStudy(ctx: ServiceContext, id: string): StudyDetail {
  const summary = getSummary(ctx, id)
  const rows = ctx.sqlite
    .prepare(
      `select c.segment as segment, count(*) as interviews,
              sum(i.status = 'done') as done, count(distinct c.id) as companies
       from interviews i
       left join participants p on p.id = i.participant_id
       left join companies c on c.id = p.company_id
       where i.study_id = ? group by c.segment`,
    )
    .all(id) as { segment: string | null; interviews: number; done: number; companies: number }[]
  const bySegment = new Map(rows.map((r) => [r.segment ?? 'unsegmented', r]))
  const coverage = [...SEGMENTS, 'unsegmented' as const].map((segment) => {
    const r = bySegment.get(segment)
    return { segment, interviews: r?.interviews ?? 0, done: r?.done ?? 0, companies: r?.companies ?? 0 }
  })
  return { ...summary, coverage, metrics: metricsFor(ctx, 'i.study_id = ?', [id]) }
}

function getRow(ctx: ServiceContext, id: string): Study {
  const row = prepared(ctx.sqlite, `select ${COLUMNS} from studies s where s.id = ?`).get(id)
  return mustExist(row as Study | undefined, 'Study', id)
}

export function createStudy(ctx: ServiceContext, input: StudyInput): Study {
  const id = ctx.newId()
  ctx.sqlite
    .prepare(
      `insert into studies (id, name, goal, method, status, target_interviews, created_at, updated_at)
       values (@id, @name, @goal, @method, @status, @targetInterviews, @at, @at)`,
    )
    .run({ id, ...input, at: nowIso(ctx) })
  return getRow(ctx, id)
}

export function updateStudy(ctx: ServiceContext, input: StudyUpdate): Study {
  const { id, ...changes } = input
  getRow(ctx, id)
  const set = setClause(studies, { ...definedOnly(changes), updatedAt: nowIso(ctx) })
  ctx.sqlite.prepare(`update studies set ${set.sql} where id = @id`).run({ ...set.params, id })
  return getRow(ctx, id)
}

export function studyDeleteImpact(ctx: ServiceContext, id: string): DeleteImpact {
  const study = getRow(ctx, id)
  const counts = ctx.sqlite
    .prepare(
      `select count(*) as interviews,
              (select count(*) from interview_notes n join interviews i on i.id = n.interview_id where i.study_id = ?) as notes
       from interviews where study_id = ?`,
    )
    .get(id, id) as { interviews: number; notes: number }
  return { name: study.name, interviews: counts.interviews, notes: counts.notes, participants: 0 }
}

export function deleteStudy(ctx: ServiceContext, id: string): { ok: true } {
  getRow(ctx, id)
  ctx.sqlite.prepare('delete from studies where id = ?').run(id)
  return { ok: true }
}
