import { asIsValue, emotionByStage, type ScoredQuote } from '../../../shared/boards/emotion'
import type { BoardInsights } from '../../../shared/domain/board'
import { computeCes, computeCsat, computeNps } from '../../../shared/metrics'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import { placeOfHighlight } from '../evidence/place'
import { subtreeIds } from '../tags/tree'
import { getBoard } from './boards'

/** Quotes shown per stage on the board; the count says how many there are in all. */
const QUOTES_PER_STAGE = 5

interface Row {
  id: string
  quote: string
  emotion: number | null
  tagEmotion: number | null
  tagId: string
  participantId: string | null
  participantName: string | null
  companyId: string | null
  companyName: string | null
  interviewId: string | null
  question_id: string | null
  transcript_id: string | null
  start_offset: number
}

/**
 * What Fieldnote fills in on a board, computed from the study's evidence (only the board's segment or persona
 * when it has one): per stage the emotion curve, the quotes, the ratings asked there and the churn reasons
 * said there; per card how many companies and participants its citations come from.
 */
export function boardInsights(ctx: ServiceContext, id: string): BoardInsights {
  const board = getBoard(ctx, id)
  const stages = board.content.stages
  const stageOfTag = new Map<string, string[]>()
  for (const s of stages)
    if (s.tagId)
      for (const tagId of subtreeIds(ctx, s.tagId))
        stageOfTag.set(tagId, [...(stageOfTag.get(tagId) ?? []), s.id])

  const filter = {
    studyId: board.studyId,
    segment: board.segment,
    persona: board.persona ? `%${board.persona.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
  }
  const SCOPE = `
    from highlights h
    left join interviews i on i.id = h.interview_id
    left join churn_survey_responses r on r.id = h.survey_response_id
    left join participants p on p.id = i.participant_id
    left join companies co on co.id = coalesce(p.company_id, r.company_id)
    left join interview_notes n on n.id = h.note_id
    where (i.study_id = @studyId or r.study_id = @studyId)
      and (@segment is null or co.segment = @segment)
      and (@persona is null or p.role like @persona escape '\\')`
  const rows: Row[] = stageOfTag.size
    ? (ctx.sqlite
        .prepare(
          `select h.id, h.quote, h.emotion, ht.tag_id as tagId, p.id as participantId, p.name as participantName,
                  co.id as companyId, co.name as companyName, h.interview_id as interviewId,
                  n.question_id, h.transcript_id, h.start_offset,
                  (select avg(t.emotion_score) from highlight_tags x join tags t on t.id = x.tag_id
                   where x.highlight_id = h.id and t.kind = 'emotion' and t.emotion_score is not null
                     and t.deleted_at is null) as tagEmotion
           ${SCOPE.replace('from highlights h', 'from highlight_tags ht join highlights h on h.id = ht.highlight_id')}
             and ht.tag_id in (${[...stageOfTag.keys()].map(() => '?').join(', ')})
           order by h.created_at desc, h.id`,
        )
        .all(filter, ...stageOfTag.keys()) as Row[])
    : []

  // One entry per highlight: the stages it speaks of, through any of its stage tags.
  const byHighlight = new Map<string, { row: Row; stages: Set<string> }>()
  for (const r of rows) {
    const entry = byHighlight.get(r.id) ?? { row: r, stages: new Set<string>() }
    for (const s of stageOfTag.get(r.tagId) ?? []) entry.stages.add(s)
    byHighlight.set(r.id, entry)
  }
  const scored: ScoredQuote[] = []
  for (const { row, stages: at } of byHighlight.values()) {
    const score = row.emotion ?? row.tagEmotion
    if (score !== null)
      scored.push({ stageIds: [...at], score, companyId: row.companyId, participantId: row.participantId })
  }
  const emotion = emotionByStage(
    stages.map((s) => s.id),
    scored,
  )

  const churn = churnByStage(ctx, [...byHighlight.keys()], byHighlight)
  const metrics = metricsByStage(ctx, board.studyId, stages)

  return {
    stages: stages.map((s) => {
      const quotes = [...byHighlight.values()].filter((e) => e.stages.has(s.id))
      const point = emotion.get(s.id)!
      return {
        stageId: s.id,
        emotion: { ...point, ...asIsValue(point, s.emotionOverride) },
        evidence: {
          highlights: quotes.length,
          companies: new Set(quotes.map((q) => q.row.companyId).filter(Boolean)).size,
          participants: new Set(quotes.map((q) => q.row.participantId).filter(Boolean)).size,
          quotes: quotes.slice(0, QUOTES_PER_STAGE).map(({ row }) => ({
            highlightId: row.id,
            quote: row.quote,
            participantName: row.participantName,
            companyName: row.companyName,
            interviewId: row.interviewId,
            ...placeOfHighlight(ctx.sqlite, row),
          })),
        },
        metrics: metrics.get(s.id) ?? [],
        churn: churn.get(s.id) ?? [],
      }
    }),
    cards: cardBacking(ctx, id),
  }
}

/** Churn reasons said in the same quotes as a stage: companies saying it there, and their lost MRR. */
function churnByStage(
  ctx: ServiceContext,
  highlightIds: string[],
  byHighlight: Map<string, { row: Row; stages: Set<string> }>,
) {
  const out = new Map<string, BoardInsights['stages'][number]['churn']>()
  if (!highlightIds.length) return out
  const reasons = ctx.sqlite
    .prepare(
      `select ht.highlight_id as highlightId, t.id as tagId, t.code, t.name, co.id as companyId,
              co.status, co.mrr_minor as mrr
       from highlight_tags ht join tags t on t.id = ht.tag_id
       join highlights h on h.id = ht.highlight_id
       left join interviews i on i.id = h.interview_id
       left join churn_survey_responses r on r.id = h.survey_response_id
       left join participants p on p.id = i.participant_id
       left join companies co on co.id = coalesce(p.company_id, r.company_id)
       where t.kind = 'churn_reason' and t.deleted_at is null
         and ht.highlight_id in (${highlightIds.map(() => '?').join(', ')})`,
    )
    .all(...highlightIds) as {
    highlightId: string
    tagId: string
    code: string | null
    name: string
    companyId: string | null
    status: string | null
    mrr: number | null
  }[]
  const acc = new Map<
    string,
    Map<string, { code: string | null; name: string; companies: Map<string, number> }>
  >()
  for (const r of reasons)
    for (const stageId of byHighlight.get(r.highlightId)?.stages ?? []) {
      const perStage = acc.get(stageId) ?? new Map()
      acc.set(stageId, perStage)
      const reason = perStage.get(r.tagId) ?? {
        code: r.code,
        name: r.name,
        companies: new Map<string, number>(),
      }
      perStage.set(r.tagId, reason)
      if (r.companyId) reason.companies.set(r.companyId, r.status === 'churned' ? (r.mrr ?? 0) : 0)
    }
  for (const [stageId, perStage] of acc)
    out.set(
      stageId,
      [...perStage.entries()]
        .map(([tagId, r]) => ({
          tagId,
          code: r.code,
          name: r.name,
          companies: r.companies.size,
          lostMrr: [...r.companies.values()].reduce((a, b) => a + b, 0),
        }))
        .sort((a, b) => b.companies - a.companies || b.lostMrr - a.lostMrr || a.name.localeCompare(b.name)),
    )
  return out
}

/**
 * NPS, CSAT and CES at the stage where the interview asked them: a script question that captures a rating,
 * in a section about a journey stage, puts that interview's score at the board stage linked to that stage.
 */
function metricsByStage(
  ctx: ServiceContext,
  studyId: string,
  stages: { id: string; tagId: string | null }[],
) {
  const keyOfTag = new Map(
    (
      ctx.sqlite
        .prepare(
          "select id, semantic_key as key from tags where kind = 'journey_stage' and semantic_key is not null",
        )
        .all() as { id: string; key: string }[]
    ).map((t) => [t.id, t.key]),
  )
  const stagesOfKey = new Map<string, string[]>()
  for (const s of stages) {
    const key = s.tagId ? keyOfTag.get(s.tagId) : undefined
    if (key) stagesOfKey.set(key, [...(stagesOfKey.get(key) ?? []), s.id])
  }
  const scores = new Map<string, { nps: number[]; csat: number[]; ces: number[] }>()
  const interviews = prepared(
    ctx.sqlite,
    'select script_snapshot as body, nps, csat, ces from interviews where study_id = ?',
  ).all(studyId) as { body: string; nps: number | null; csat: number | null; ces: number | null }[]
  for (const iv of interviews) {
    const body = JSON.parse(iv.body) as {
      sections: { journeyStage?: string | null; questions: { capture?: string }[] }[]
    }
    for (const section of body.sections) {
      if (!section.journeyStage) continue
      for (const stageId of stagesOfKey.get(section.journeyStage) ?? []) {
        const at = scores.get(stageId) ?? { nps: [], csat: [], ces: [] }
        scores.set(stageId, at)
        for (const q of section.questions)
          if (q.capture === 'nps' && iv.nps !== null) at.nps.push(iv.nps)
          else if (q.capture === 'csat' && iv.csat !== null) at.csat.push(iv.csat)
          else if (q.capture === 'ces' && iv.ces !== null) at.ces.push(iv.ces)
      }
    }
  }
  const out = new Map<string, BoardInsights['stages'][number]['metrics']>()
  for (const [stageId, s] of scores) {
    const list: BoardInsights['stages'][number]['metrics'] = []
    if (s.nps.length) list.push({ metric: 'nps', n: s.nps.length, value: computeNps(s.nps)?.nps ?? null })
    if (s.csat.length)
      list.push({ metric: 'csat', n: s.csat.length, value: computeCsat(s.csat)?.value ?? null })
    if (s.ces.length) list.push({ metric: 'ces', n: s.ces.length, value: computeCes(s.ces)?.value ?? null })
    if (list.length) out.set(stageId, list)
  }
  return out
}

/** Per card: the companies and participants its citations come from (none: an assumption). */
function cardBacking(ctx: ServiceContext, boardId: string) {
  return ctx.sqlite
    .prepare(
      `select c.id as cardId, count(distinct e.highlight_id) as highlights,
              count(distinct co.id) as companies, count(distinct p.id) as participants
       from board_cards c
       join board_card_evidence e on e.card_id = c.id
       join highlights h on h.id = e.highlight_id
       left join interviews i on i.id = h.interview_id
       left join churn_survey_responses r on r.id = h.survey_response_id
       left join participants p on p.id = i.participant_id
       left join companies co on co.id = coalesce(p.company_id, r.company_id)
       where c.board_id = ? group by c.id`,
    )
    .all(boardId) as BoardInsights['cards']
}
