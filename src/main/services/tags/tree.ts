import type { Tag } from '../../../shared/domain/tag'
import { AppError } from '../../../shared/ipc/errors'
import { nowIso, type ServiceContext } from '../../db/context'
import { getTag } from './list'
import { liveTag, tagRecord } from './rows'

/** The tag and every tag below it, deleted or not. */
export function subtreeIds(ctx: ServiceContext, id: string): string[] {
  const rows = ctx.sqlite
    .prepare(
      'with recursive sub(id) as (select ? union all select t.id from tags t join sub on t.parent_id = sub.id) select id from sub',
    )
    .all(id) as { id: string }[]
  return rows.map((r) => r.id)
}

export function nextPosition(ctx: ServiceContext, parentId: string | null): number {
  const row = ctx.sqlite
    .prepare(
      'select coalesce(max(position) + 1, 0) as n from tags where parent_id is ? and deleted_at is null',
    )
    .get(parentId) as { n: number }
  return row.n
}

/** Renumbers a sibling list 0…n−1 in the given order. */
export function renumber(ctx: ServiceContext, ids: string[]): void {
  const stmt = ctx.sqlite.prepare('update tags set position = ? where id = ? and position is not ?')
  ids.forEach((id, i) => stmt.run(i, id, i))
}

export function siblingIds(ctx: ServiceContext, parentId: string | null, exceptId?: string): string[] {
  const rows = ctx.sqlite
    .prepare(
      'select id from tags where parent_id is ? and deleted_at is null and id is not ? order by position, name collate nocase',
    )
    .all(parentId, exceptId ?? null) as { id: string }[]
  return rows.map((r) => r.id)
}

export function assertNoCycle(ctx: ServiceContext, id: string, newParentId: string | null): void {
  if (newParentId && subtreeIds(ctx, id).includes(newParentId)) {
    const tag = tagRecord(ctx, id)
    throw new AppError(
      'VALIDATION',
      `“${tag?.name ?? id}” cannot be moved under itself or under one of its own sub-tags.`,
    )
  }
}

export function moveTag(
  ctx: ServiceContext,
  input: { id: string; parentId: string | null; position?: number | undefined },
): Tag {
  const tag = liveTag(ctx, input.id)
  if (input.parentId) liveTag(ctx, input.parentId, 'Parent tag')
  assertNoCycle(ctx, input.id, input.parentId)
  const siblings = siblingIds(ctx, input.parentId, input.id)
  const at = Math.min(input.position ?? siblings.length, siblings.length)
  siblings.splice(at, 0, input.id)
  ctx.sqlite
    .prepare('update tags set parent_id = ?, updated_at = ? where id = ?')
    .run(input.parentId, nowIso(ctx), input.id)
  renumber(ctx, siblings)
  if (tag.parentId !== input.parentId) renumber(ctx, siblingIds(ctx, tag.parentId))
  return getTag(ctx, input.id)
}
