import type { ServiceContext } from '../../db/context'
import { prepared } from '../../db/prepared'
import { subtreeIds } from '../tags/tree'

/** Who said a quote: the interview's participant and company, or the survey response's company. */
export interface Speaker {
  participantId: string | null
  participantName: string | null
  companyId: string | null
  companyName: string | null
  companyStatus: string | null
  mrr: number | null
}

/** A quote tagged with one or more of a board's stages, with what the board derives from its other tags. */
export interface StageQuote {
  id: string
  stages: Set<string>
  /** The highlight's own −2…+2 score, else the mean of its emotion tags' scores, else null. */
  score: number | null
  churnReasonIds: string[]
  /** ISO 8601 (UTC), so it sorts as text. */
  createdAt: string
  interviewId: string | null
  speaker: Speaker
}

export interface ChurnReasonTag {
  code: string | null
  name: string
}

export interface StageEvidence {
  /** Newest first (ties by id), as the board lists them. */
  quotes: StageQuote[]
  churnReasons: Map<string, ChurnReasonTag>
}

export interface StageScope {
  studyId: string
  segment: string | null
  persona: string
}

const NOBODY: Speaker = {
  participantId: null,
  participantName: null,
  companyId: null,
  companyName: null,
  companyStatus: null,
  mrr: null,
}

/**
 * The quotes of a study (only the board's segment or persona when it has one) tagged with a board stage's tag
 * or a sub-tag of it. One walk reads every tag of every quote in the study from covering indexes
 * (interviews → highlights → highlight_tags), and the stage, emotion and churn-reason tags are told apart
 * here: a walk per kind, or a correlated lookup per quote, costs several times more on a large library
 * (bench: board_emotion_curve_ms).
 */
export function stageEvidence(
  ctx: ServiceContext,
  scope: StageScope,
  stages: readonly { id: string; tagId: string | null }[],
): StageEvidence {
  const stagesOfTag = new Map<string, string[]>()
  for (const s of stages)
    if (s.tagId)
      for (const tagId of subtreeIds(ctx, s.tagId))
        stagesOfTag.set(tagId, [...(stagesOfTag.get(tagId) ?? []), s.id])
  const churnReasons = new Map<string, ChurnReasonTag>()
  if (stagesOfTag.size === 0) return { quotes: [], churnReasons }

  const emotionScore = new Map<string, number>()
  for (const t of prepared(
    ctx.sqlite,
    `select id, kind, code, name, emotion_score as score from tags
     where deleted_at is null and (kind = 'churn_reason' or (kind = 'emotion' and emotion_score is not null))`,
  ).all() as { id: string; kind: string; code: string | null; name: string; score: number | null }[])
    if (t.kind === 'emotion') emotionScore.set(t.id, t.score!)
    else churnReasons.set(t.id, { code: t.code, name: t.name })

  const persona = scope.persona ? `%${scope.persona.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const filter = { studyId: scope.studyId, segment: scope.segment, persona }
  const speakers = speakersOf(ctx, scope.studyId)
  const rows = prepared(
    ctx.sqlite,
    `select h.id, ht.tag_id as tagId, h.emotion, h.created_at as createdAt, i.id as interviewId,
            null as surveyId
     from interviews i
     left join participants p on p.id = i.participant_id
     left join companies co on co.id = p.company_id
     join highlights h on h.interview_id = i.id
     join highlight_tags ht on ht.highlight_id = h.id
     where i.study_id = @studyId
       and (@segment is null or co.segment = @segment)
       and (@persona is null or p.role like @persona escape '\\')
     union all
     select h.id, ht.tag_id, h.emotion, h.created_at, null, r.id
     -- cross join fixes the order (responses → their highlights → their tags): left to itself the planner
     -- scans every highlight tag of the library for the few survey quotes.
     from churn_survey_responses r
     cross join highlights h on h.survey_response_id = r.id
     cross join highlight_tags ht on ht.highlight_id = h.id
     left join companies co on co.id = r.company_id
     where r.study_id = @studyId and (@segment is null or co.segment = @segment) and @persona is null`,
  ).all(filter) as {
    id: string
    tagId: string
    emotion: number | null
    createdAt: string
    interviewId: string | null
    surveyId: string | null
  }[]

  const byId = new Map<string, StageQuote & { tagScores: number[] }>()
  for (const r of rows) {
    let q = byId.get(r.id)
    if (!q) {
      const speaker = (r.interviewId ? speakers.interviews : speakers.surveys).get(
        r.interviewId ?? r.surveyId!,
      )
      q = {
        id: r.id,
        stages: new Set(),
        score: r.emotion,
        churnReasonIds: [],
        createdAt: r.createdAt,
        interviewId: r.interviewId,
        speaker: speaker ?? NOBODY,
        tagScores: [],
      }
      byId.set(r.id, q)
    }
    for (const s of stagesOfTag.get(r.tagId) ?? []) q.stages.add(s)
    const tagScore = emotionScore.get(r.tagId)
    if (tagScore !== undefined) q.tagScores.push(tagScore)
    if (churnReasons.has(r.tagId)) q.churnReasonIds.push(r.tagId)
  }
  const quotes: StageQuote[] = []
  for (const { tagScores, ...q } of byId.values()) {
    if (q.stages.size === 0) continue
    if (q.score === null && tagScores.length)
      q.score = tagScores.reduce((a, b) => a + b, 0) / tagScores.length
    quotes.push(q)
  }
  quotes.sort((a, b) => cmp(b.createdAt, a.createdAt) || cmp(a.id, b.id))
  return { quotes, churnReasons }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The speakers of a study's interviews and survey responses, by interview id and by response id. */
function speakersOf(ctx: ServiceContext, studyId: string) {
  const filter = { studyId }
  const interviews = new Map<string, Speaker>()
  for (const r of prepared(
    ctx.sqlite,
    `select i.id, p.id as participantId, p.name as participantName, co.id as companyId, co.name as companyName,
            co.status as companyStatus, co.mrr_minor as mrr
     from interviews i left join participants p on p.id = i.participant_id
     left join companies co on co.id = p.company_id
     where i.study_id = @studyId`,
  ).all(filter) as ({ id: string } & Speaker)[]) {
    const { id, ...speaker } = r
    interviews.set(id, speaker)
  }
  const surveys = new Map<string, Speaker>()
  for (const r of prepared(
    ctx.sqlite,
    `select r.id, null as participantId, null as participantName, co.id as companyId, co.name as companyName,
            co.status as companyStatus, co.mrr_minor as mrr
     from churn_survey_responses r left join companies co on co.id = r.company_id
     where r.study_id = @studyId`,
  ).all(filter) as ({ id: string } & Speaker)[]) {
    const { id, ...speaker } = r
    surveys.set(id, speaker)
  }
  return { interviews, surveys }
}
