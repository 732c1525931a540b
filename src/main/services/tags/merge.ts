import type { Tag } from '../../../shared/domain/tag'
import { AppError } from '../../../shared/ipc/errors'
import { nowIso, type ServiceContext } from '../../db/context'
import { mustExist } from '../../db/rows'
import { repointSurveyReasons } from '../churn/survey'
import { relinkHighlightTags, repointHighlightTags, unlinkHighlightTags } from '../highlights/tag-links'
import { repointPrimaryReasons } from '../interviews'
import { getTag } from './list'
import { addAlias, liveTag, tagRecord, type TagRecord } from './rows'
import { nextPosition, renumber, siblingIds, subtreeIds } from './tree'

export function mergeTags(
  ctx: ServiceContext,
  input: { sourceId: string; targetId: string },
): Tag & { mergeId: string } {
  if (input.sourceId === input.targetId)
    throw new AppError('VALIDATION', 'A tag cannot be merged into itself; choose a different target.')
  const source = liveTag(ctx, input.sourceId, 'Tag to merge')
  const target = liveTag(ctx, input.targetId, 'Target tag')
  // A churn reason merged into a theme would drop out of the roll-up and out of every queue unseen.
  if (source.kind !== target.kind)
    throw new AppError(
      'VALIDATION',
      `“${source.name}” and “${target.name}” are different kinds of tag; merge only tags of the same kind.`,
    )
  if (subtreeIds(ctx, source.id).includes(target.id))
    throw new AppError(
      'VALIDATION',
      `“${source.name}” cannot be merged into its own sub-tag “${target.name}”. Move the sub-tag out first.`,
    )
  const at = nowIso(ctx)
  const snapshot = mergeSnapshot(ctx, source, target.id)
  repointHighlightTags(ctx, source.id, target.id)
  repointPrimaryReasons(ctx, source.id, target.id)
  repointSurveyReasons(ctx, source.id, target.id)
  ctx.sqlite.prepare('update tag_aliases set tag_id = ? where tag_id = ?').run(target.id, source.id)
  // The alias the merge leaves on the target (none if it had one already) is the only one undo removes.
  const addedAliasId = addAlias(ctx, target.id, source.name, source.code)
  if (addedAliasId) snapshot.addedAliasId = addedAliasId
  for (const childId of siblingIds(ctx, source.id))
    ctx.sqlite
      .prepare('update tags set parent_id = ?, position = ?, updated_at = ? where id = ?')
      .run(target.id, nextPosition(ctx, target.id), at, childId)
  ctx.sqlite
    .prepare('update tags set deleted_at = ?, merged_into_id = ?, updated_at = ? where id = ?')
    .run(at, target.id, at, source.id)
  renumber(ctx, siblingIds(ctx, source.parentId))
  const mergeId = ctx.newId()
  ctx.sqlite
    .prepare('insert into tag_merges (id, source_id, target_id, snapshot, created_at) values (?, ?, ?, ?, ?)')
    .run(mergeId, source.id, target.id, JSON.stringify(snapshot), at)
  return { ...getTag(ctx, target.id), mergeId }
}

interface MergeSnapshot {
  /** Source links of highlights that did not have the target: they moved to it. */
  moved: { highlightId: string; createdAt: string }[]
  /** Source links of highlights that already had the target: they were dropped. */
  dropped: { highlightId: string; createdAt: string }[]
  primaryInterviews: string[]
  surveyRows: string[]
  aliases: string[]
  addedAliasId?: string
  /** The source's children and the source's siblings (itself included), with their positions before. */
  positions: { id: string; parentId: string | null; position: number }[]
}

/** What a merge of source into target is about to change, read before it changes anything. */
function mergeSnapshot(ctx: ServiceContext, source: TagRecord, targetId: string): MergeSnapshot {
  const links = ctx.sqlite
    .prepare(
      `select s.highlight_id as highlightId, s.created_at as createdAt,
              exists (select 1 from highlight_tags t where t.highlight_id = s.highlight_id and t.tag_id = ?) as had
       from highlight_tags s where s.tag_id = ?`,
    )
    .all(targetId, source.id) as { highlightId: string; createdAt: string; had: number }[]
  const ids = (sql: string) => ctx.sqlite.prepare(sql).pluck().all(source.id) as string[]
  return {
    moved: links.filter((l) => !l.had).map(({ highlightId, createdAt }) => ({ highlightId, createdAt })),
    dropped: links.filter((l) => l.had).map(({ highlightId, createdAt }) => ({ highlightId, createdAt })),
    primaryInterviews: ids('select id from interviews where primary_churn_reason_tag_id = ?'),
    surveyRows: ids('select id from churn_survey_responses where reason_tag_id = ?'),
    aliases: ids('select id from tag_aliases where tag_id = ?'),
    positions: ctx.sqlite
      .prepare(
        `select id, parent_id as parentId, position from tags
         where deleted_at is null and (parent_id = ? or parent_id is ? or id = ?)`,
      )
      .all(source.id, source.parentId, source.id) as MergeSnapshot['positions'],
  }
}

/**
 * Undoes a merge: the source tag comes back with its highlights, primary reasons, survey mappings, aliases,
 * children and place, and the target loses only what the merge gave it. Refused when the target is gone or
 * the source's code is taken since, and for a merge already undone.
 */
export function undoMerge(ctx: ServiceContext, mergeId: string): Tag {
  const merge = mustExist(
    ctx.sqlite.prepare('select * from tag_merges where id = ?').get(mergeId) as
      { source_id: string; target_id: string; snapshot: string; undone_at: string | null } | undefined,
    'Merge',
    mergeId,
  )
  if (merge.undone_at) throw new AppError('CONFLICT', 'This merge was already undone.')
  const source = mustExist(tagRecord(ctx, merge.source_id), 'Tag', merge.source_id)
  const target = tagRecord(ctx, merge.target_id)
  if (!target || target.deletedAt)
    throw new AppError(
      'CONFLICT',
      `“${source.name}” cannot be separated again: the tag it was merged into has been deleted or merged since.`,
    )
  if (source.code) {
    const taken = ctx.sqlite
      .prepare('select name from tags where code = ? and deleted_at is null')
      .pluck()
      .get(source.code) as string | undefined
    if (taken)
      throw new AppError('CONFLICT', `The code ${source.code} is used by “${taken}” now; change that first.`)
  }
  const snap = JSON.parse(merge.snapshot) as MergeSnapshot
  const at = nowIso(ctx)
  ctx.sqlite
    .prepare('update tags set deleted_at = null, merged_into_id = null, updated_at = ? where id = ?')
    .run(at, source.id)
  relinkHighlightTags(ctx, source.id, [...snap.moved, ...snap.dropped])
  unlinkHighlightTags(
    ctx,
    target.id,
    snap.moved.map((l) => l.highlightId),
  )
  repointPrimaryReasons(ctx, target.id, source.id, snap.primaryInterviews)
  repointSurveyReasons(ctx, target.id, source.id, snap.surveyRows)
  ctx.sqlite
    .prepare('update tag_aliases set tag_id = ? where tag_id = ? and id in (select value from json_each(?))')
    .run(source.id, target.id, JSON.stringify(snap.aliases))
  if (snap.addedAliasId) ctx.sqlite.prepare('delete from tag_aliases where id = ?').run(snap.addedAliasId)
  const place = ctx.sqlite.prepare(
    'update tags set parent_id = ?, position = ?, updated_at = ? where id = ? and deleted_at is null',
  )
  for (const p of snap.positions) place.run(p.parentId, p.position, at, p.id)
  // Tags added or moved since keep their order; positions are made consecutive again on both sides.
  renumber(ctx, siblingIds(ctx, target.id))
  renumber(ctx, siblingIds(ctx, source.parentId))
  ctx.sqlite.prepare('update tag_merges set undone_at = ? where id = ?').run(at, mergeId)
  return getTag(ctx, source.id)
}
