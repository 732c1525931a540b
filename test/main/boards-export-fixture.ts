import type { AppContext } from '../../src/main/ipc/app-context'
import type { Board, BoardInsights } from '../../src/shared/domain/board'
import type { Language } from '../../src/shared/domain/common'
import { call, JTBD_EN } from './helpers'

/**
 * A board as the app makes it, for the export tests: the SaaS template in the given language, scored quotes at
 * two stages, a churn reason at renewal, an override at awareness, a to-be curve, and a card that cites a quote
 * and holds markup. Returns the saved board and its insights, straight from the channels.
 */
export const MARKUP_CARD = `<script>alert(1)</script> & "x"`

export async function saasBoardWithEvidence(
  app: AppContext,
  language: Language = 'en',
): Promise<{ board: Board; insights: BoardInsights }> {
  const studyId = (
    await call(app, 'studies:create', { name: 'Journeys', method: 'journey', targetInterviews: 5 })
  ).id
  await call(app, 'tags:seedStarter', { codebook: 'churn_reasons', language })
  await call(app, 'tags:seedStarter', { codebook: 'emotions', language })
  const created = await call(app, 'boards:create', {
    studyId,
    name: 'SaaS journey',
    template: 'saas_default',
    language,
  })
  const stageTag = async (key: string) =>
    (await call(app, 'tags:list', { kind: 'journey_stage' })).find((x) => x.semanticKey === key)?.id ?? ''
  const price = (await call(app, 'tags:list', { kind: 'churn_reason' })).find((x) => x.code === 'PRC-01')!

  const company = await call(app, 'companies:create', { name: 'Acme & Co', segment: 'A', mrrMinor: 120_000 })
  const person = await call(app, 'participants:create', {
    name: 'Ann',
    companyId: company.id,
    role: 'Ops lead',
  })
  const interview = await call(app, 'interviews:create', {
    studyId,
    participantId: person.id,
    scriptId: JTBD_EN,
  })
  await call(app, 'companies:update', { id: company.id, status: 'churned', churnedOn: '2025-04-01' })
  const quote = async (text: string, tagIds: string[], emotion: number | null) => {
    const { imported } = await call(app, 'transcripts:import', {
      interviewId: interview.id,
      files: [{ name: 'q.txt', text }],
    })
    return (
      await call(app, 'highlights:create', {
        source: { type: 'transcript', transcriptId: imported[0]?.id ?? '' },
        start: 0,
        end: [...text].length,
        tagIds,
        emotion,
      })
    ).id
  }
  const onboarding = await stageTag('onboarding')
  const setup = await quote('Setup took forever <really>.', [onboarding], -1)
  await quote('We could not log in for a week.', [onboarding], -2)
  await quote('Support answered in minutes.', [await stageTag('support')], 2)
  await quote('Renewal doubled the price.', [await stageTag('retention'), price.id], -2)

  const [first] = created.content.cards
  const content = {
    ...created.content,
    stages: created.content.stages.map((s, i) => ({
      ...s,
      emotionOverride: i === 0 ? 0.5 : null,
      emotionToBe: i < 4 ? 1 : i === 6 ? 1.5 : null,
    })),
    cards: created.content.cards.map((c) =>
      c.id === first!.id ? { ...c, text: MARKUP_CARD, evidence: [setup] } : c,
    ),
  }
  await call(app, 'boards:save', { id: created.id, baseRevision: created.revision, content })
  const board = await call(app, 'boards:get', { id: created.id })
  return { board, insights: await call(app, 'boards:insights', { id: board.id }) }
}
