import type { ServiceContext } from '../../db/context'

/**
 * The highlight_tags links: a highlight's own tag list, and the moves a tag merge (and its undo) makes
 * between two tags' links.
 */

/** Replaces a highlight's tags with these, in this order. */
export function writeHighlightTags(
  ctx: ServiceContext,
  highlightId: string,
  tagIds: readonly string[],
  at: string,
): void {
  ctx.sqlite.prepare('delete from highlight_tags where highlight_id = ?').run(highlightId)
  const ins = ctx.sqlite.prepare(
    'insert into highlight_tags (highlight_id, tag_id, created_at) values (?, ?, ?)',
  )
  for (const t of tagIds) ins.run(highlightId, t, at)
}

/**
 * A tag merge: every highlight tagged `fromTagId` is tagged `toTagId` instead, with the link's date; a
 * highlight tagged with both keeps one link to `toTagId` (the primary key forbids two).
 */
export function repointHighlightTags(ctx: ServiceContext, fromTagId: string, toTagId: string): void {
  ctx.sqlite
    .prepare(
      'insert or ignore into highlight_tags (highlight_id, tag_id, created_at) select highlight_id, ?, created_at from highlight_tags where tag_id = ?',
    )
    .run(toTagId, fromTagId)
  ctx.sqlite.prepare('delete from highlight_tags where tag_id = ?').run(fromTagId)
}

/** Undo of a merge: the tag's links come back with their dates, on the highlights that still exist. */
export function relinkHighlightTags(
  ctx: ServiceContext,
  tagId: string,
  links: readonly { highlightId: string; createdAt: string }[],
): void {
  const link = ctx.sqlite.prepare(
    'insert or ignore into highlight_tags (highlight_id, tag_id, created_at) select ?, ?, ? where exists (select 1 from highlights where id = ?)',
  )
  for (const l of links) link.run(l.highlightId, tagId, l.createdAt, l.highlightId)
}

/** Undo of a merge: the links the merge moved onto `tagId` are taken off it again. */
export function unlinkHighlightTags(
  ctx: ServiceContext,
  tagId: string,
  highlightIds: readonly string[],
): void {
  ctx.sqlite
    .prepare(
      'delete from highlight_tags where tag_id = ? and highlight_id in (select value from json_each(?))',
    )
    .run(tagId, JSON.stringify(highlightIds))
}
