import type { TagKind } from '../../shared/domain/tag'
import type { RollupTag } from '../../shared/rollups/tree'
import type { ServiceContext } from '../db/context'
import { mustExistId } from '../db/rows'

/** What the churn, forces and matrix roll-ups share: a study scope and the live tags they count. */
export type Scope = { studyId?: string | null } | undefined

/** An interview's date for filtering and citing (SQL over `interviews i`): conducted, else planned, else created. */
export const INTERVIEW_DATE = 'substr(coalesce(i.conducted_at, i.scheduled_at, i.created_at), 1, 10)'

export const TAG_COLUMNS =
  'id, parent_id as parentId, name, code, prevention, semantic_key as semanticKey, position'

export function liveTags(ctx: ServiceContext, kind: TagKind): RollupTag[] {
  return ctx.sqlite
    .prepare(`select ${TAG_COLUMNS} from tags where kind = ? and deleted_at is null`)
    .all(kind) as RollupTag[]
}

/** The scope's study id, after checking that study exists (NOT_FOUND otherwise); null is the whole library. */
export function scopedStudy(ctx: ServiceContext, scope: Scope): string | null {
  const studyId = scope?.studyId ?? null
  if (studyId) mustExistId(ctx.sqlite, 'studies', studyId)
  return studyId
}
