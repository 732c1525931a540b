import type { z } from 'zod'
import type { Language } from '../../../shared/domain/common'
import type { Tag, TagCreateSchema, TagKind } from '../../../shared/domain/tag'
import type { tagsContract } from '../../../shared/ipc/contracts/tags'
import { AppError } from '../../../shared/ipc/errors'
import { localize, STARTER_CODEBOOKS, type StarterCodebookKey } from '../../../shared/taxonomy'
import { nowIso, type ServiceContext } from '../../db/context'
import { mustExist } from '../../db/rows'

type TagCreateInput = z.output<typeof TagCreateSchema>
type TagUpdateInput = z.output<(typeof tagsContract)['tags:update']['input']>

/** Colours for new top-level tags without one: distinct, readable on light and dark backgrounds. */
const PALETTE = [
  '#1565c0',
  '#2e7d32',
  '#c62828',
  '#6a1b9a',
  '#e65100',
  '#00838f',
  '#ad1457',
  '#5d4037',
  '#546e7a',
  '#9e9d24',
]

const TAG_SQL = `
  select t.id, t.parent_id as parentId, t.name, t.code, t.kind, t.color, t.description, t.owner_team as ownerTeam,
         t.prevention, t.semantic_key as semanticKey, t.emotion_score as emotionScore, t.position,
         (select count(*) from highlight_tags ht where ht.tag_id = t.id) as highlightCount,
         -- A parent counts each highlight of its subtree once, as the roll-ups and the evidence filter do; a
         -- leaf's count is its own (the CASE keeps the walk to the few tags that have children).
         case when exists (select 1 from tags k where k.parent_id = t.id and k.deleted_at is null)
           then (select count(distinct ht.highlight_id) from highlight_tags ht where ht.tag_id in (
             with recursive sub(id) as (
               select t.id union all select c.id from tags c join sub on c.parent_id = sub.id where c.deleted_at is null)
             select id from sub))
           else (select count(*) from highlight_tags ht where ht.tag_id = t.id) end as treeHighlightCount,
         (select json_group_array(a) from (
            select alias as a, min(rowid) as r, 0 as k from tag_aliases where tag_id = t.id group by alias
            union all
            select code as a, min(rowid) as r, 1 as k from tag_aliases where tag_id = t.id and code is not null group by code
            order by r, k)) as aliasesJson
  from tags t`

interface TagRow extends Omit<Tag, 'aliases'> {
  aliasesJson: string
}

export interface TagRecord {
  id: string
  parentId: string | null
  name: string
  code: string | null
  kind: TagKind
  deletedAt: string | null
  mergedIntoId: string | null
}

function toTag(row: TagRow): Tag {
  const { aliasesJson, ...rest } = row
  const aliases = (JSON.parse(aliasesJson) as (string | null)[]).filter(
    (a): a is string => !!a && a !== rest.name && a !== rest.code,
  )
  return { ...rest, aliases: [...new Set(aliases)] }
}

export function listTags(ctx: ServiceContext, input?: { kind?: TagKind }): Tag[] {
  const rows = ctx.sqlite
    .prepare(
      `${TAG_SQL} where t.deleted_at is null ${input?.kind ? 'and t.kind = ?' : ''} order by t.parent_id is not null, t.parent_id, t.position, t.name collate nocase`,
    )
    .all(...(input?.kind ? [input.kind] : [])) as TagRow[]
  return rows.map(toTag)
}

export function getTag(ctx: ServiceContext, id: string): Tag {
  return toTag(
    mustExist(
      ctx.sqlite.prepare(`${TAG_SQL} where t.id = ? and t.deleted_at is null`).get(id) as TagRow | undefined,
      'Tag',
      id,
    ),
  )
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

/** The tag and every tag below it, deleted or not. */
function subtreeIds(ctx: ServiceContext, id: string): string[] {
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

function defaultColor(ctx: ServiceContext, parentId: string | null): string {
  if (parentId)
    return (ctx.sqlite.prepare('select color from tags where id = ?').get(parentId) as { color: string })
      .color
  const { n } = ctx.sqlite
    .prepare('select count(*) as n from tags where parent_id is null and deleted_at is null')
    .get() as { n: number }
  return PALETTE[n % PALETTE.length] ?? '#8a8f98'
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

export interface NewTagFields {
  id?: string
  name: string
  parentId: string | null
  kind: TagKind
  code: string | null
  color?: string | undefined
  description: string
  ownerTeam: string
  prevention: string
  semanticKey: string | null
  emotionScore: number | null
}

/** Inserts a tag at the end of its siblings; callers have checked the parent and the code. */
export function insertTag(ctx: ServiceContext, f: NewTagFields): string {
  const at = nowIso(ctx)
  const id = f.id ?? ctx.newId()
  ctx.sqlite
    .prepare(
      `insert into tags (id, parent_id, name, code, kind, color, description, owner_team, prevention, semantic_key, emotion_score, position, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      f.parentId,
      f.name,
      f.code,
      f.kind,
      (f.color ?? defaultColor(ctx, f.parentId)).toLowerCase(),
      f.description,
      f.ownerTeam,
      f.prevention,
      f.semanticKey,
      f.emotionScore,
      nextPosition(ctx, f.parentId),
      at,
      at,
    )
  return id
}

export function createTag(ctx: ServiceContext, input: TagCreateInput): Tag {
  if (input.parentId) liveTag(ctx, input.parentId, 'Parent tag')
  assertCodeFree(ctx, input.code)
  return getTag(ctx, insertTag(ctx, input))
}

export function updateTag(ctx: ServiceContext, input: TagUpdateInput): Tag {
  const { id, ...changes } = input
  const before = liveTag(ctx, id)
  if (changes.code !== undefined) assertCodeFree(ctx, changes.code, id)
  // Renaming or recoding keeps the old name and code findable, so older reports stay explainable.
  const renamed = changes.name !== undefined && changes.name !== before.name
  const recoded = changes.code !== undefined && changes.code !== before.code && before.code !== null
  if (renamed || recoded) addAlias(ctx, id, before.name, recoded ? before.code : null)
  const columns: Record<string, unknown> = {
    name: changes.name,
    code: changes.code,
    kind: changes.kind,
    color: changes.color?.toLowerCase(),
    description: changes.description,
    owner_team: changes.ownerTeam,
    prevention: changes.prevention,
    semantic_key: changes.semanticKey,
    emotion_score: changes.emotionScore,
  }
  const set = Object.entries(columns).filter(([, v]) => v !== undefined)
  if (set.length > 0)
    ctx.sqlite
      .prepare(`update tags set ${set.map(([k]) => `${k} = ?`).join(', ')}, updated_at = ? where id = ?`)
      .run(...set.map(([, v]) => v), nowIso(ctx), id)
  return getTag(ctx, id)
}

/** Renumbers a sibling list 0…n−1 in the given order. */
function renumber(ctx: ServiceContext, ids: string[]): void {
  const stmt = ctx.sqlite.prepare('update tags set position = ? where id = ? and position is not ?')
  ids.forEach((id, i) => stmt.run(i, id, i))
}

function siblingIds(ctx: ServiceContext, parentId: string | null, exceptId?: string): string[] {
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
  // A highlight tagged with both keeps one link to the target (the primary key forbids two).
  ctx.sqlite
    .prepare(
      'insert or ignore into highlight_tags (highlight_id, tag_id, created_at) select highlight_id, ?, created_at from highlight_tags where tag_id = ?',
    )
    .run(target.id, source.id)
  ctx.sqlite.prepare('delete from highlight_tags where tag_id = ?').run(source.id)
  ctx.sqlite
    .prepare('update interviews set primary_churn_reason_tag_id = ? where primary_churn_reason_tag_id = ?')
    .run(target.id, source.id)
  ctx.sqlite
    .prepare('update churn_survey_responses set reason_tag_id = ? where reason_tag_id = ?')
    .run(target.id, source.id)
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
  const json = (v: unknown) => JSON.stringify(v)
  ctx.sqlite
    .prepare('update tags set deleted_at = null, merged_into_id = null, updated_at = ? where id = ?')
    .run(at, source.id)
  const link = ctx.sqlite.prepare(
    'insert or ignore into highlight_tags (highlight_id, tag_id, created_at) select ?, ?, ? where exists (select 1 from highlights where id = ?)',
  )
  for (const l of [...snap.moved, ...snap.dropped])
    link.run(l.highlightId, source.id, l.createdAt, l.highlightId)
  ctx.sqlite
    .prepare(
      'delete from highlight_tags where tag_id = ? and highlight_id in (select value from json_each(?))',
    )
    .run(target.id, json(snap.moved.map((l) => l.highlightId)))
  ctx.sqlite
    .prepare(
      'update interviews set primary_churn_reason_tag_id = ? where primary_churn_reason_tag_id = ? and id in (select value from json_each(?))',
    )
    .run(source.id, target.id, json(snap.primaryInterviews))
  ctx.sqlite
    .prepare(
      'update churn_survey_responses set reason_tag_id = ? where reason_tag_id = ? and id in (select value from json_each(?))',
    )
    .run(source.id, target.id, json(snap.surveyRows))
  ctx.sqlite
    .prepare('update tag_aliases set tag_id = ? where tag_id = ? and id in (select value from json_each(?))')
    .run(source.id, target.id, json(snap.aliases))
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

/** Seeds a starter codebook in the given language; tags already present (same code, or same kind and meaning) are skipped. */
export function seedStarter(
  ctx: ServiceContext,
  input: { codebook: StarterCodebookKey; language: Language },
): { created: number; skipped: number } {
  const idByKey = new Map<string, string>()
  let created = 0
  let skipped = 0
  const byCode = ctx.sqlite.prepare('select id from tags where code = ? and deleted_at is null')
  const byMeaning = ctx.sqlite.prepare(
    'select id from tags where kind = ? and semantic_key = ? and deleted_at is null order by created_at limit 1',
  )
  for (const s of STARTER_CODEBOOKS[input.codebook]) {
    const existing = (
      s.code ? byCode.get(s.code) : s.semanticKey ? byMeaning.get(s.kind, s.semanticKey) : undefined
    ) as { id: string } | undefined
    if (existing) {
      idByKey.set(s.key, existing.id)
      skipped++
      continue
    }
    const texts = localize(s, input.language)
    const id = insertTag(ctx, {
      ...texts,
      parentId: s.parentKey ? (idByKey.get(s.parentKey) ?? null) : null,
      kind: s.kind,
      code: s.code,
      color: s.color,
      semanticKey: s.semanticKey,
      emotionScore: s.emotionScore,
    })
    idByKey.set(s.key, id)
    created++
  }
  return { created, skipped }
}
