import type { TagKind } from '../../shared/domain/tag'
import {
  cooccurrence,
  MATRIX_SEGMENTS,
  tagBySegment,
  type CompanyTagEvidence,
} from '../../shared/rollups/matrix'
import { treeOrder, type RollupTag } from '../../shared/rollups/tree'
import type { ServiceContext } from '../db/context'
import { mustExist } from '../db/rows'
import { scopedStudy, TAG_COLUMNS } from './scope'

type TagSet = { parentId: string } | { kind: TagKind }

/**
 * The tags of a set: a tag's children, or a kind's top level. A starter family hangs under one root tag
 * ("JTBD forces" → push, pull, anxiety, habit), and a one-row matrix says nothing, so a top level that is a
 * single tag with children stands for those children.
 */
function chosenTags(ctx: ServiceContext, set: TagSet) {
  const childrenOf = ctx.sqlite.prepare(
    `select ${TAG_COLUMNS} from tags where parent_id = ? and deleted_at is null`,
  )
  if ('parentId' in set)
    mustExist(
      ctx.sqlite.prepare('select id from tags where id = ? and deleted_at is null').get(set.parentId),
      'Tag',
      set.parentId,
    )
  let rows =
    'parentId' in set
      ? (childrenOf.all(set.parentId) as RollupTag[])
      : (ctx.sqlite
          .prepare(
            `select ${TAG_COLUMNS} from tags where kind = ? and deleted_at is null and (parent_id is null or parent_id not in (select id from tags where kind = ? and deleted_at is null))`,
          )
          .all(set.kind, set.kind) as RollupTag[])
  const childrenOfKind = ctx.sqlite.prepare(
    `select ${TAG_COLUMNS} from tags where parent_id = ? and kind = ? and deleted_at is null`,
  )
  for (let depth = 0; 'kind' in set && rows.length === 1 && depth < 8; depth++) {
    const children = childrenOfKind.all(rows[0]!.id, set.kind) as RollupTag[]
    if (!children.length) break
    rows = children
  }
  return treeOrder(rows).map(({ tag }) => tag)
}

/** What a company "has": tags on its highlights (interviews of any method, survey comments) and the mapped reasons of its survey rows. */
function matrixEvidence(ctx: ServiceContext, studyId: string | null): CompanyTagEvidence[] {
  return ctx.sqlite
    .prepare(
      `select distinct c.id as companyId, c.segment, ht.tag_id as tagId
       from highlights h join highlight_tags ht on ht.highlight_id = h.id
       join interviews i on i.id = h.interview_id join participants p on p.id = i.participant_id join companies c on c.id = p.company_id
       where (? is null or i.study_id = ?)
       union
       select c.id, c.segment, ht.tag_id from highlights h join highlight_tags ht on ht.highlight_id = h.id
       join churn_survey_responses r on r.id = h.survey_response_id join companies c on c.id = r.company_id
       where (? is null or r.study_id = ?)
       union
       select c.id, c.segment, r.reason_tag_id from churn_survey_responses r join companies c on c.id = r.company_id
       where r.reason_tag_id is not null and (? is null or r.study_id = ?)`,
    )
    .all(studyId, studyId, studyId, studyId, studyId, studyId) as CompanyTagEvidence[]
}

function allLiveTags(ctx: ServiceContext): RollupTag[] {
  return ctx.sqlite.prepare(`select ${TAG_COLUMNS} from tags where deleted_at is null`).all() as RollupTag[]
}

const matrixTag = (t: RollupTag) => ({ id: t.id, name: t.name, code: t.code })

/** Rows × columns of tag sets (columns default to the rows: a square matrix with companies per tag on the diagonal). */
export function cooccurrenceMatrix(
  ctx: ServiceContext,
  input: { tags: TagSet; columns?: TagSet | undefined; studyId?: string | null | undefined },
) {
  const studyId = scopedStudy(ctx, input)
  const rows = chosenTags(ctx, input.tags)
  const columns = input.columns ? chosenTags(ctx, input.columns) : rows
  const rowIds = rows.map((t) => t.id)
  const counts = cooccurrence(
    allLiveTags(ctx),
    rowIds,
    matrixEvidence(ctx, studyId),
    input.columns ? columns.map((t) => t.id) : rowIds,
  )
  return { tags: rows.map(matrixTag), columns: columns.map(matrixTag), counts }
}

export function segmentMatrix(
  ctx: ServiceContext,
  input: { tags: TagSet; studyId?: string | null | undefined },
) {
  const studyId = scopedStudy(ctx, input)
  const chosen = chosenTags(ctx, input.tags)
  const counts = tagBySegment(
    allLiveTags(ctx),
    chosen.map((t) => t.id),
    matrixEvidence(ctx, studyId),
  )
  return {
    tags: chosen.map(matrixTag),
    segments: [...MATRIX_SEGMENTS],
    counts,
  }
}
