import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { DeleteImpact } from '../../shared/domain/common'
import type {
  Participant,
  ParticipantInputSchema,
  ParticipantUpdateSchema,
} from '../../shared/domain/company'
import { AppError } from '../../shared/ipc/errors'
import { companies, participants } from '../db/schema'
import { nowIso, type ServiceContext } from '../db/context'
import { definedOnly, likePattern, mustExist } from '../db/rows'

type ParticipantInput = z.output<typeof ParticipantInputSchema>
type ParticipantUpdate = z.output<typeof ParticipantUpdateSchema>

const SELECT_SQL = `
  select p.id, p.name, p.role, p.company_id as companyId, c.name as companyName, c.segment as companySegment,
         p.email, p.phone, p.consent_to_record as consentToRecord, p.created_at as createdAt, p.updated_at as updatedAt,
         (select count(*) from interviews i where i.participant_id = p.id) as interviewCount
  from participants p left join companies c on c.id = p.company_id`

type Raw = Omit<Participant, 'consentToRecord'> & { consentToRecord: number }
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
  if (!ctx.db.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId)).get())
    throw new AppError('NOT_FOUND', `Company ${companyId} was not found. Choose an existing company.`)
}

export function createParticipant(ctx: ServiceContext, input: ParticipantInput): Participant {
  assertCompany(ctx, input.companyId)
  const at = nowIso(ctx)
  const id = ctx.newId()
  ctx.db
    .insert(participants)
    .values({ id, ...input, createdAt: at, updatedAt: at })
    .run()
  return getParticipant(ctx, id)
}

export function updateParticipant(ctx: ServiceContext, input: ParticipantUpdate): Participant {
  const { id, ...changes } = input
  getParticipant(ctx, id)
  assertCompany(ctx, changes.companyId)
  ctx.db
    .update(participants)
    .set({ ...definedOnly(changes), updatedAt: nowIso(ctx) })
    .where(eq(participants.id, id))
    .run()
  return getParticipant(ctx, id)
}

export function participantDeleteImpact(ctx: ServiceContext, id: string): DeleteImpact {
  const p = getParticipant(ctx, id)
  // Interviews are kept (they are research evidence) and lose only the link to this person.
  return { name: p.name, interviews: p.interviewCount, participants: 0, notes: 0 }
}

export function deleteParticipant(ctx: ServiceContext, id: string): { ok: true } {
  getParticipant(ctx, id)
  ctx.db.delete(participants).where(eq(participants.id, id)).run()
  return { ok: true }
}
