import type { z } from 'zod'
import type { Tag, TagCreateSchema, TagKind } from '../../../shared/domain/tag'
import type { tagsContract } from '../../../shared/ipc/contracts/tags'
import { nowIso, type ServiceContext } from '../../db/context'
import { getTag } from './list'
import { addAlias, assertCodeFree, liveTag } from './rows'
import { nextPosition } from './tree'

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

function defaultColor(ctx: ServiceContext, parentId: string | null): string {
  if (parentId)
    return (ctx.sqlite.prepare('select color from tags where id = ?').get(parentId) as { color: string })
      .color
  const { n } = ctx.sqlite
    .prepare('select count(*) as n from tags where parent_id is null and deleted_at is null')
    .get() as { n: number }
  return PALETTE[n % PALETTE.length] ?? '#8a8f98'
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
