import { asIsValue, emotionByStage, type ScoredQuote } from '../../../shared/boards/emotion'
import type { BoardInsights } from '../../../shared/domain/board'
import { computeCes, computeCsat, computeNps } from '../../../shared/metrics'
import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import { placeOfHighlight } from '../evidence/place'
import { getBoard } from './boards'
import { stageEvidence, type ChurnReasonTag, type StageQuote } from './stage-evidence'

/** Quotes shown per stage on the board; the count says how many there are in all. */
const QUOTES_PER_STAGE = 5

/**
 * What Fieldnote fills in on a board, computed from the study's evidence (only the board's segment or persona
 * when it has one): per stage the emotion curve, the quotes, the ratings asked there and the churn reasons
 * said there; per card how many companies and participants its citations come from.
 */
export function boardInsights(ctx: ServiceContext, id: string): BoardInsights {
  const board = getBoard(ctx, id)
  const stages = board.content.stages
  const { quotes, churnReasons } = stageEvidence(
    ctx,
    { studyId: board.studyId, segment: board.segment, persona: board.persona },
    stages,
  )
  const scored: ScoredQuote[] = []
  for (const q of quotes)
    if (q.score !== null)
      scored.push({
        stageIds: [...q.stages],
        score: q.score,
        companyId: q.speaker.companyId,
        participantId: q.speaker.participantId,
      })
  const emotion = emotionByStage(
    stages.map((s) => s.id),
    scored,
  )
  const perStage = new Map(stages.map((s) => [s.id, quotes.filter((q) => q.stages.has(s.id))]))
  const shown = [...new Set([...perStage.values()].flatMap((list) => list.slice(0, QUOTES_PER_STAGE)))]
  const details = quoteDetails(
    ctx,
    shown.map((q) => q.id),
  )
  const metrics = metricsByStage(ctx, board.studyId, stages)

  return {
    stages: stages.map((s) => {
      const list = perStage.get(s.id)!
      const point = emotion.get(s.id)!
      return {
        stageId: s.id,
        emotion: { ...point, ...asIsValue(point, s.emotionOverride) },
        evidence: {
          highlights: list.length,
          companies: new Set(list.map((q) => q.speaker.companyId).filter(Boolean)).size,
          participants: new Set(list.map((q) => q.speaker.participantId).filter(Boolean)).size,
          quotes: list.slice(0, QUOTES_PER_STAGE).map((q) => {
            const d = details.get(q.id)!
            return {
              highlightId: q.id,
              quote: d.quote,
              participantName: q.speaker.participantName,
              companyName: q.speaker.companyName,
              interviewId: q.interviewId,
              ...placeOfHighlight(ctx.sqlite, d),
            }
          }),
        },
        metrics: metrics.get(s.id) ?? [],
        churn: churnOfQuotes(list, churnReasons),
      }
    }),
    cards: cardBacking(ctx, id),
  }
}

/** The text and place of the quotes a board shows (a few per stage). */
function quoteDetails(ctx: ServiceContext, ids: string[]) {
  const rows = prepared(
    ctx.sqlite,
    `select h.id, h.quote, n.question_id, h.transcript_id, h.start_offset
     from highlights h left join interview_notes n on n.id = h.note_id
     where h.id in (select value from json_each(?))`,
  ).all(JSON.stringify(ids)) as {
    id: string
    quote: string
    question_id: string | null
    transcript_id: string | null
    start_offset: number
  }[]
  return new Map(rows.map((r) => [r.id, r]))
}

/** Churn reasons said in a stage's quotes: companies saying each there, and their lost MRR. */
function churnOfQuotes(
  quotes: readonly StageQuote[],
  reasons: ReadonlyMap<string, ChurnReasonTag>,
): BoardInsights['stages'][number]['churn'] {
  const companiesOf = new Map<string, Map<string, number>>()
  for (const q of quotes)
    for (const tagId of q.churnReasonIds) {
      const companies = companiesOf.get(tagId) ?? new Map<string, number>()
      companiesOf.set(tagId, companies)
      const { companyId, companyStatus, mrr } = q.speaker
      if (companyId) companies.set(companyId, companyStatus === 'churned' ? (mrr ?? 0) : 0)
    }
  return [...companiesOf.entries()]
    .map(([tagId, companies]) => ({
      tagId,
      code: reasons.get(tagId)!.code,
      name: reasons.get(tagId)!.name,
      companies: companies.size,
      lostMrr: [...companies.values()].reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.companies - a.companies || b.lostMrr - a.lostMrr || a.name.localeCompare(b.name))
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
