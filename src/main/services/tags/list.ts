import type { Tag, TagKind } from '../../../shared/domain/tag'
import type { ServiceContext } from '../../db/context'
import { mustExist } from '../../db/rows'

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
