import type { TagKind } from '../../../shared/domain/tag'
import { AppError } from '../../../shared/ipc/errors'
import { nowIso, type ServiceContext } from '../../db/context'
import { mustExist } from '../../db/rows'

export interface TagRecord {
  id: string
  parentId: string | null
  name: string
  code: string | null
  kind: TagKind
  deletedAt: string | null
  mergedIntoId: string | null
}

export function tagRecord(ctx: ServiceContext, id: string): TagRecord | undefined {
  return ctx.sqlite
    .prepare(
      'select id, parent_id as parentId, name, code, kind, deleted_at as deletedAt, merged_into_id as mergedIntoId from tags where id = ?',
    )
    .get(id) as TagRecord | undefined
}

/** A live tag, or NOT_FOUND (deleted tags count as gone). */
export function liveTag(ctx: ServiceContext, id: string, what = 'Tag'): TagRecord {
  const row = tagRecord(ctx, id)
  return mustExist(row && !row.deletedAt ? row : undefined, what, id)
}

export function assertCodeFree(
  ctx: ServiceContext,
  code: string | null | undefined,
  exceptId?: string,
): void {
  if (!code) return
  const clash = ctx.sqlite
    .prepare('select id, name from tags where code = ? and deleted_at is null')
    .get(code) as { id: string; name: string } | undefined
  if (clash && clash.id !== exceptId)
    throw new AppError(
      'CONFLICT',
      `The code ${code} is already used by the tag “${clash.name}”. Codes must be unique.`,
    )
}

/** SQL: the tag-id column is unset, or points at a tag deleted since (kept, so a restore links it again). */
export const lacksLiveTag = (column: string) =>
  `(${column} is null or ${column} in (select id from tags where deleted_at is not null))`

/** Adds the alias unless the tag has it already; the new alias's id, or null when there was one. */
export function addAlias(
  ctx: ServiceContext,
  tagId: string,
  alias: string,
  code: string | null,
): string | null {
  const exists = ctx.sqlite
    .prepare('select 1 from tag_aliases where tag_id = ? and alias = ? and code is ?')
    .get(tagId, alias, code)
  if (exists) return null
  const id = ctx.newId()
  ctx.sqlite
    .prepare('insert into tag_aliases (id, tag_id, alias, code, created_at) values (?, ?, ?, ?, ?)')
    .run(id, tagId, alias, code, nowIso(ctx))
  return id
}
