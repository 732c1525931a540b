import { forcesRollup, forceOfTags } from '../../shared/rollups/forces'
import { treeOrder } from '../../shared/rollups/tree'
import type { ServiceContext } from '../db/context'
import { mustExistId } from '../db/rows'
import { placeOfHighlight } from './evidence/place'
import { INTERVIEW_DATE, liveTags, scopedStudy, type Scope } from './scope'

/** A report's slice of the interviews: their company's segment and the interview's date. */
export interface InterviewSlice {
  segment: string | null
  from: string | null
  to: string | null
}

export function forcesSummary(ctx: ServiceContext, scope: Scope, slice?: InterviewSlice) {
  const studyId = scopedStudy(ctx, scope)
  const tags = liveTags(ctx, 'jtbd_force')
  const rows = ctx.sqlite
    .prepare(
      `select h.id as highlightId, h.quote, i.participant_id as participantId, p.name as participantName, i.id as interviewId, ht.tag_id as tagId,
              n.question_id, h.transcript_id, h.start_offset
       from highlights h join highlight_tags ht on ht.highlight_id = h.id join tags t on t.id = ht.tag_id
       left join interview_notes n on n.id = h.note_id
       join interviews i on i.id = h.interview_id left join participants p on p.id = i.participant_id
       left join companies co on co.id = p.company_id
       where t.kind = 'jtbd_force' and t.deleted_at is null and (@study is null or i.study_id = @study)
         and (@segment is null or co.segment = @segment)
         and (@from is null or ${INTERVIEW_DATE} >= @from) and (@to is null or ${INTERVIEW_DATE} <= @to)
       order by h.created_at, h.id`,
    )
    .all({
      study: studyId,
      segment: slice?.segment ?? null,
      from: slice?.from ?? null,
      to: slice?.to ?? null,
    }) as {
    highlightId: string
    quote: string
    participantId: string | null
    participantName: string | null
    interviewId: string
    tagId: string
    question_id: string | null
    transcript_id: string | null
    start_offset: number
  }[]
  const byHighlight = new Map<
    string,
    { highlightId: string; participantId: string | null; tagIds: string[] }
  >()
  for (const r of rows) {
    const h = byHighlight.get(r.highlightId) ?? {
      highlightId: r.highlightId,
      participantId: r.participantId,
      tagIds: [],
    }
    h.tagIds.push(r.tagId)
    byHighlight.set(r.highlightId, h)
  }
  const info = new Map(rows.map((r) => [r.highlightId, r]))
  const tagName = new Map(tags.map((t) => [t.id, t.name]))
  const forceOf = forceOfTags(tags)
  return forcesRollup(tags, [...byHighlight.values()]).map((f) => ({
    force: f.force,
    participants: f.participants,
    highlights: f.highlights,
    quotes: f.highlightIds.slice(0, 5).map((id) => {
      const r = info.get(id)!
      const tagId = byHighlight.get(id)!.tagIds.find((t) => forceOf.get(t) === f.force)!
      return {
        highlightId: id,
        quote: r.quote,
        participantName: r.participantName,
        interviewId: r.interviewId,
        ...placeOfHighlight(ctx.sqlite, r),
        tagName: tagName.get(tagId) ?? '',
      }
    }),
  }))
}

/** An interview's switch timeline: highlights tagged with timeline phases, in phase order, with elapsed stamps. */
export function switchTimeline(ctx: ServiceContext, interviewId: string) {
  mustExistId(ctx.sqlite, 'interviews', interviewId)
  const phases = liveTags(ctx, 'jtbd_phase')
  const order = new Map(treeOrder(phases).map(({ tag }, i) => [tag.id, i]))
  const byId = new Map(phases.map((t) => [t.id, t]))
  const rows = ctx.sqlite
    .prepare(
      `select h.id as highlightId, h.quote, ht.tag_id as phaseTagId, n.first_elapsed_ms as elapsedMs, h.start_offset as startOffset
       from highlights h join highlight_tags ht on ht.highlight_id = h.id join tags t on t.id = ht.tag_id
       left join interview_notes n on n.id = h.note_id
       where h.interview_id = ? and t.kind = 'jtbd_phase' and t.deleted_at is null`,
    )
    .all(interviewId) as {
    highlightId: string
    quote: string
    phaseTagId: string
    elapsedMs: number | null
    startOffset: number
  }[]
  rows.sort(
    (a, b) =>
      (order.get(a.phaseTagId) ?? 0) - (order.get(b.phaseTagId) ?? 0) ||
      (a.elapsedMs ?? Infinity) - (b.elapsedMs ?? Infinity) ||
      a.startOffset - b.startOffset ||
      a.highlightId.localeCompare(b.highlightId),
  )
  return rows.map((r) => ({
    highlightId: r.highlightId,
    quote: r.quote,
    phaseTagId: r.phaseTagId,
    phaseName: byId.get(r.phaseTagId)?.name ?? '',
    phaseKey: byId.get(r.phaseTagId)?.semanticKey ?? null,
    elapsedMs: r.elapsedMs,
  }))
}
