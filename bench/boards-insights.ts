/**
 * Issue 11: the emotion curve of a journey board on the research library (bench/generate-research-library.ts),
 * through the real channels. The board is the SaaS template made by boards:create in the journey study that
 * has the most stage-tagged quotes, so boards:insights works on the most evidence one study offers: every
 * quote tagged with one of the board's stage tags, its emotion (the highlight's own score, else its emotion
 * tag's), the churn reasons said in those quotes and the ratings asked at each stage.
 *
 * The library already carries that evidence: journey studies tag their quotes with the starter journey-stage
 * tags (linked to the template's stages by semantic key), a fifth of all highlights have their own −2…+2
 * score and about a third carry an emotion tag; the line printed before the figure says how many.
 */
import type { AppContext } from '../src/main/ipc/app-context'
import { median, percentile, sample } from './stats'
import type { Call, Report } from './bench-types'

const INSIGHTS = { warmup: 3, runs: 40 }

const gc = (): void => (globalThis as { gc?: () => void }).gc?.()

/** Run on the open research library; creates one board in it. */
export async function boardInsightsBench(app: AppContext, call: Call, report: Report): Promise<void> {
  const { sqlite } = app.libraries.context()
  const scored = `(h.emotion is not null or exists (
      select 1 from highlight_tags x join tags e on e.id = x.tag_id
      where x.highlight_id = h.id and e.kind = 'emotion' and e.emotion_score is not null))`
  const studies = sqlite
    .prepare(
      `select i.study_id as studyId, count(distinct h.id) as quotes,
              count(distinct case when ${scored} then h.id end) as scored
       from highlight_tags ht join tags t on t.id = ht.tag_id and t.kind = 'journey_stage'
       join highlights h on h.id = ht.highlight_id join interviews i on i.id = h.interview_id
       group by i.study_id order by quotes desc, i.study_id`,
    )
    .all() as { studyId: string; quotes: number; scored: number }[]
  const study = studies[0]
  if (!study) throw new Error('the research library has no quotes tagged with a journey stage')
  const all = sqlite.prepare('select count(*) from highlights').pluck().get() as number
  const staged = studies.reduce((a, s) => a + s.quotes, 0)
  const stagedScored = studies.reduce((a, s) => a + s.scored, 0)
  console.log(
    `# journey evidence: ${staged} of ${all} highlights (${((staged / all) * 100).toFixed(1)}%) tagged with a journey stage ` +
      `in ${studies.length} studies, ${stagedScored} of them emotion-scored; the board's study has ${study.quotes} (${study.scored} scored)`,
  )

  const board = await call(app, 'boards:create', {
    studyId: study.studyId,
    template: 'saas_default',
    language: 'en',
    name: 'Research journey',
    description: '',
    segment: null,
    persona: '',
  })
  const first = await call(app, 'boards:insights', { id: board.id })
  const points = first.stages.filter((s) => s.emotion.source === 'evidence')
  const n = first.stages.reduce((a, s) => a + s.emotion.n, 0)
  if (points.length === 0) throw new Error('the research board has no emotion point from the evidence')
  console.log(
    `#   boards:insights on a ${first.stages.length}-stage board: ${points.length} stages with an emotion point ` +
      `from ${n} scored quotes, ${first.stages.reduce((a, s) => a + s.evidence.highlights, 0)} quotes in all`,
  )

  gc()
  const times = await sample(INSIGHTS, () => call(app, 'boards:insights', { id: board.id }))
  // The median, as for the other screen-opening reads (churn_rollup_ms, evidence_first_page_ms); p95 beside it.
  report('board_emotion_curve_ms', median(times), 'ms', 50)
  report('board_emotion_curve_p95_ms', percentile(times, 95), 'ms')
}
