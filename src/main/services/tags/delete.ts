import type { Tag } from '../../../shared/domain/tag'
import { AppError } from '../../../shared/ipc/errors'
import { nowIso, type ServiceContext } from '../../db/context'
import { mustExist } from '../../db/rows'
import { getTag } from './list'
import { liveTag, tagRecord } from './rows'
import { renumber, siblingIds } from './tree'

export function tagDeleteImpact(
  ctx: ServiceContext,
  id: string,
): { name: string; tags: number; highlights: number } {
  const tag = liveTag(ctx, id)
  const ids = liveSubtree(ctx, id)
  const { n } = ctx.sqlite
    .prepare(
      `select count(distinct highlight_id) as n from highlight_tags where tag_id in (select value from json_each(?))`,
    )
    .get(JSON.stringify(ids)) as { n: number }
  return { name: tag.name, tags: ids.length, highlights: n }
}

function liveSubtree(ctx: ServiceContext, id: string): string[] {
  const rows = ctx.sqlite
    .prepare(
      `with recursive sub(id) as (select ? union all select t.id from tags t join sub on t.parent_id = sub.id where t.deleted_at is null)
       select id from sub`,
    )
    .all(id) as { id: string }[]
  return rows.map((r) => r.id)
}

/**
 * Soft-deletes the tag and its live subtree with one stamp; tags:restore brings back exactly the tags with
 * that stamp. Stamps are kept strictly increasing, so two deletes in the same millisecond stay apart.
 */
export function deleteTag(ctx: ServiceContext, id: string): { ok: true } {
  const tag = liveTag(ctx, id)
  const { last } = ctx.sqlite.prepare('select max(deleted_at) as last from tags').get() as {
    last: string | null
  }
  let stamp = nowIso(ctx)
  if (last && last >= stamp) stamp = new Date(Date.parse(last) + 1).toISOString()
  const ids = liveSubtree(ctx, id)
  ctx.sqlite
    .prepare('update tags set deleted_at = ?, updated_at = ? where id in (select value from json_each(?))')
    .run(stamp, nowIso(ctx), JSON.stringify(ids))
  renumber(ctx, siblingIds(ctx, tag.parentId))
  return { ok: true }
}

export function restoreTag(ctx: ServiceContext, id: string): Tag {
  const tag = mustExist(tagRecord(ctx, id), 'Tag', id)
  if (!tag.deletedAt)
    throw new AppError('CONFLICT', `“${tag.name}” is not deleted, so there is nothing to restore.`)
  if (tag.mergedIntoId)
    throw new AppError(
      'CONFLICT',
      `“${tag.name}” was merged into another tag and cannot be restored; its highlights are on that tag now.`,
    )
  const parent = tag.parentId ? tagRecord(ctx, tag.parentId) : undefined
  if (parent?.deletedAt)
    throw new AppError(
      'CONFLICT',
      `Restore its parent “${parent.name}” first: “${tag.name}” was deleted separately.`,
    )
  const ids = (
    ctx.sqlite
      .prepare(
        `with recursive sub(id) as (select ? union all select t.id from tags t join sub on t.parent_id = sub.id where t.deleted_at = ? and t.merged_into_id is null)
         select id from sub`,
      )
      .all(id, tag.deletedAt) as { id: string }[]
  ).map((r) => r.id)
  const clash = ctx.sqlite
    .prepare(
      `select d.code, l.name from tags d join tags l on l.code = d.code and l.deleted_at is null
       where d.id in (select value from json_each(?)) and d.code is not null limit 1`,
    )
    .get(JSON.stringify(ids)) as { code: string; name: string } | undefined
  if (clash)
    throw new AppError(
      'CONFLICT',
      `Cannot restore: the code ${clash.code} is now used by “${clash.name}”. Change that tag’s code first.`,
    )
  ctx.sqlite
    .prepare('update tags set deleted_at = null, updated_at = ? where id in (select value from json_each(?))')
    .run(nowIso(ctx), JSON.stringify(ids))
  // Back in its old place among its siblings (deleting renumbered the others around the gap).
  const { position } = ctx.sqlite.prepare('select position from tags where id = ?').get(id) as {
    position: number
  }
  const siblings = siblingIds(ctx, tag.parentId, id)
  siblings.splice(Math.min(position, siblings.length), 0, id)
  renumber(ctx, siblings)
  return getTag(ctx, id)
}
