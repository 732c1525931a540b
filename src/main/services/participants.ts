import type { z } from 'zod'
import type { DeleteImpact } from '../../shared/domain/common'
import type {
  Participant,
  ParticipantInputSchema,
  ParticipantUpdateSchema,
} from '../../shared/domain/company'
import { AppError } from '../../shared/ipc/errors'
import { participants } from '../db/schema'
import { nowIso, type ServiceContext } from '../db/context'
import { prepared, setClause } from '../db/prepared'
import { definedOnly, likePattern, mustExist, type ParticipantRow } from '../db/rows'

type ParticipantInput = z.output<typeof ParticipantInputSchema>
type ParticipantUpdate = z.output<typeof ParticipantUpdateSchema>

const SELECT_SQL = `
  select p.id, p.name, p.role, p.company_id as companyId, c.name as companyName, c.segment as companySegment,
         p.email, p.phone, p.consent_to_record as consentToRecord, p.created_at as createdAt, p.updated_at as updatedAt,
         (select count(*) from interviews i where i.participant_id = p.id) as interviewCount
  from participants p left join companies c on c.id = p.company_id`

// SELECT_SQL's aliased columns: consent_to_record arrives as SQLite stores it.
type Raw = Omit<Participant, 'consentToRecord'> & { consentToRecord: ParticipantRow['consent_to_record'] }
const toParticipant = (r: Raw): Participant => ({ ...r, consentToRecord: r.consentToRecord === 1 })

export function listParticipants(
  ctx: ServiceContext,
  input?: { search?: string; companyId?: string },
): Participant[] {
  const where: string[] = []
  const params: unknown[] = []
  const like = likePattern(input?.search)
  if (like) {
    where.push(
      `(p.name like ? escape '\\' or p.role like ? escape '\\' or p.email like ? escape '\\' or c.name like ? escape '\\')`,
    )
    params.push(like, like, like, like)
  }
  if (input?.companyId) {
    where.push('p.company_id = ?')
    params.push(input.companyId)
  }
  const sql = `${SELECT_SQL} ${where.length ? `where ${where.join(' and ')}` : ''} order by p.name collate nocase`
  return (ctx.sqlite.prepare(sql).all(...params) as Raw[]).map(toParticipant)
}

export function getParticipant(ctx: ServiceContext, id: string): Participant {
  return toParticipant(
    mustExist(
      ctx.sqlite.prepare(`${SELECT_SQL} where p.id = ?`).get(id) as Raw | undefined,
      'Participant',
      id,
    ),
  )
}

function assertCompany(ctx: ServiceContext, companyId: string | null | undefined): void {
  if (!companyId) return
  if (!prepared(ctx.sqlite, 'select id from companies where id = ?').get(companyId))
    throw new AppError('NOT_FOUND', `Company ${companyId} was not found. Choose an existing company.`)
}

export function createParticipant(ctx: ServiceContext, input: ParticipantInput): Participant {
  assertCompany(ctx, input.companyId)
  const at = nowIso(ctx)
  const id = ctx.newId()
  ctx.sqlite
    .prepare(
      `insert into participants (id, name, role, company_id, email, phone, consent_to_record, alias_number, created_at, updated_at)
       values (@id, @name, @role, @companyId, @email, @phone, @consentToRecord,
               (select coalesce(max(alias_number), 0) + 1 from participants), @at, @at)`,
    )
    .run({ id, ...input, consentToRecord: Number(input.consentToRecord), at })
  return getParticipant(ctx, id)
}

export function updateParticipant(ctx: ServiceContext, input: ParticipantUpdate): Participant {
  const { id, ...changes } = input
  getParticipant(ctx, id)
  assertCompany(ctx, changes.companyId)
  const set = setClause(participants, { ...definedOnly(changes), updatedAt: nowIso(ctx) })
  ctx.sqlite.prepare(`update participants set ${set.sql} where id = @id`).run({ ...set.params, id })
  return getParticipant(ctx, id)
}

export function participantDeleteImpact(ctx: ServiceContext, id: string): DeleteImpact {
  const p = getParticipant(ctx, id)
  // Interviews are kept (they are research evidence) and lose only the link to this person.
  return { name: p.name, interviews: p.interviewCount, participants: 0, notes: 0 }
}

export function deleteParticipant(ctx: ServiceContext, id: string): { ok: true } {
  getParticipant(ctx, id)
  ctx.sqlite.prepare('delete from participants where id = ?').run(id)
  return { ok: true }
}
