import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Board } from '../../src/shared/domain/board'
import { JOURNEY_LANES, SAAS_STAGES } from '../../src/shared/templates/journey-board'
import { call, fail, JTBD_EN, setupApp, sqliteOf, type TestApp } from './helpers'

let t: TestApp
let studyId = ''

async function quote(
  interviewId: string,
  text: string,
  tagIds: string[],
  emotion: number | null = null,
): Promise<string> {
  const { imported } = await call(t.app, 'transcripts:import', {
    interviewId,
    files: [{ name: 'q.txt', text }],
  })
  const h = await call(t.app, 'highlights:create', {
    source: { type: 'transcript', transcriptId: imported[0]?.id ?? '' },
    start: 0,
    end: [...text].length,
    tagIds,
    emotion,
  })
  return h.id
}

async function personIn(segment: 'A' | 'B', name: string, role = 'Ops lead') {
  const company = await call(t.app, 'companies:create', { name: `${name} Co`, segment, mrrMinor: 10_000 })
  const person = await call(t.app, 'participants:create', { name, companyId: company.id, role })
  const interview = await call(t.app, 'interviews:create', {
    studyId,
    participantId: person.id,
    scriptId: JTBD_EN,
  })
  return { company, person, interview }
}

const stageTag = async (key: string) =>
  (await call(t.app, 'tags:list', { kind: 'journey_stage' })).find((x) => x.semanticKey === key)?.id ?? ''

beforeEach(async () => {
  t = await setupApp()
  studyId = (
    await call(t.app, 'studies:create', { name: 'Journeys', method: 'journey', targetInterviews: 5 })
  ).id
})
afterEach(() => t.cleanup())

describe('boards from templates', () => {
  it('the SaaS template has the 10 stages and 12 lanes of §3.4, linked to the journey-stage tags', async () => {
    const board = await call(t.app, 'boards:create', {
      studyId,
      name: 'SaaS',
      template: 'saas_default',
      language: 'en',
    })
    expect(board.content.stages.map((s) => s.name)).toEqual(SAAS_STAGES.map((s) => s.name.en))
    expect(board.content.stages).toHaveLength(10)
    expect(board.content.lanes.map((l) => [l.kind, l.name])).toEqual(
      JOURNEY_LANES.map((l) => [l.kind, l.name.en]),
    )
    expect(board.content.lanes).toHaveLength(12)
    // The journey-stage codebook was added for the links; every stage points at its tag.
    const tags = await call(t.app, 'tags:list', { kind: 'journey_stage' })
    for (const [i, s] of board.content.stages.entries())
      expect(tags.find((x) => x.id === s.tagId)?.semanticKey, s.name).toBe(SAAS_STAGES[i]?.key)

    const lane = (name: string) => board.content.lanes.find((l) => l.name === name)?.id
    const stage = (name: string) => board.content.stages.find((s) => s.name === name)?.id
    const cardsAt = (l: string, s: string) =>
      board.content.cards.filter((c) => c.laneId === lane(l) && c.stageId === stage(s)).map((c) => c.text)
    expect(cardsAt('Touchpoints / channels', 'Awareness')).toEqual([
      'SEO',
      'Paid social and paid ads',
      'Blog content',
      'Word of mouth',
      'Press',
    ])
    expect(cardsAt('Barriers / pain points', 'Decision / purchase')).toEqual([
      'Interaction with sales: over-promising',
    ])
    expect(cardsAt('Positive moments', 'Support & service')).toEqual(['Fast, efficient support'])
    expect(cardsAt('Metric moments', 'Onboarding & first use')).toContain('NPS right after onboarding')
    expect(cardsAt('Improvement ideas / opportunities', 'Loyalty / advocacy')).toEqual([
      'Loyalty programme / gamification',
      'Legacy tariffs',
      'Exclusive events',
      'Early access',
    ])
    const owners = board.content.cards.find(
      (c) => c.laneId === lane('Owning team(s)') && c.stageId === stage('Awareness'),
    )
    expect(owners?.teams).toEqual(['marketing', 'design_ux'])
  })

  it('links starter cards to churn reasons when the codebook has them, and speaks Russian when asked', async () => {
    await call(t.app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'ru' })
    const board = await call(t.app, 'boards:create', {
      studyId,
      name: 'CJM',
      template: 'saas_default',
      language: 'ru',
    })
    expect(board.content.stages[0]?.name).toBe('Знакомство')
    const tags = await call(t.app, 'tags:list', { kind: 'churn_reason' })
    const onb = board.content.cards.find((c) => c.text === 'Трудности с регистрацией или настройкой')
    expect(tags.find((x) => x.id === onb?.tagId)?.code).toBe('ONB-02')
  })

  it('offers the two alternative presets and an empty board', async () => {
    const lifecycle = await call(t.app, 'boards:create', {
      studyId,
      name: 'L',
      template: 'lifecycle',
      language: 'en',
    })
    expect(lifecycle.content.stages.map((s) => s.name)).toEqual([
      'Reach',
      'Acquisition',
      'Conversion',
      'Retention',
      'Loyalty',
    ])
    const cs = await call(t.app, 'boards:create', {
      studyId,
      name: 'C',
      template: 'cs_process',
      language: 'en',
    })
    expect(cs.content.stages).toHaveLength(7)
    expect(cs.content.stages.at(-1)?.name).toBe('Renewal')
    const empty = await call(t.app, 'boards:create', {
      studyId,
      name: 'E',
      template: 'empty',
      language: 'en',
    })
    expect(empty.content).toEqual({ stages: [], lanes: [], cards: [] })
    expect((await call(t.app, 'boards:list', { studyId })).map((b) => b.name).sort()).toEqual(['C', 'E', 'L'])
    expect((await call(t.app, 'boards:list', { search: 'l' })).map((b) => b.name)).toEqual(['L'])
  })
})

describe('saving a board', () => {
  let board: Board
  beforeEach(async () => {
    board = await call(t.app, 'boards:create', {
      studyId,
      name: 'B',
      template: 'saas_default',
      language: 'en',
    })
  })

  it('keeps every id across saves and moves a card between cells', async () => {
    const [first, second] = board.content.cards
    const moved = { ...first!, stageId: board.content.stages[3]!.id, text: 'Moved' }
    const content = { ...board.content, cards: [second!, moved, ...board.content.cards.slice(2)] }
    const saved = await call(t.app, 'boards:save', { id: board.id, baseRevision: board.revision, content })
    expect(saved.revision).toBe(board.revision + 1)
    const again = await call(t.app, 'boards:get', { id: board.id })
    expect(again.content.cards.map((c) => c.id)).toEqual(content.cards.map((c) => c.id))
    expect(again.content.cards[1]).toMatchObject({
      id: first!.id,
      text: 'Moved',
      stageId: board.content.stages[3]!.id,
    })
  })

  it('refuses a save from an older copy and keeps what was saved', async () => {
    await call(t.app, 'boards:save', {
      id: board.id,
      baseRevision: board.revision,
      meta: { name: 'Mine' },
      content: board.content,
    })
    const err = await fail(t.app, 'boards:save', {
      id: board.id,
      baseRevision: board.revision,
      content: { ...board.content, cards: [] },
    })
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('changed elsewhere')
    const kept = await call(t.app, 'boards:get', { id: board.id })
    expect([kept.name, kept.content.cards.length]).toEqual(['Mine', board.content.cards.length])
  })

  it('refuses an id that another board owns, and writes nothing', async () => {
    const other = await call(t.app, 'boards:create', {
      studyId,
      name: 'O',
      template: 'lifecycle',
      language: 'en',
    })
    const stolen = { ...board.content, stages: [...board.content.stages, other.content.stages[0]!] }
    expect(
      (await fail(t.app, 'boards:save', { id: board.id, baseRevision: board.revision, content: stolen }))
        .code,
    ).toBe('VALIDATION')
    expect((await call(t.app, 'boards:get', { id: other.id })).content.stages).toHaveLength(5)
    expect((await call(t.app, 'boards:get', { id: board.id })).revision).toBe(board.revision)
  })

  it('duplicates with new ids, copies cards between boards, deletes after showing what goes', async () => {
    const copy = await call(t.app, 'boards:duplicate', { id: board.id })
    expect(copy.name).toBe('B (copy)')
    expect(copy.content.cards).toHaveLength(board.content.cards.length)
    const ids = new Set(
      [...board.content.stages, ...board.content.lanes, ...board.content.cards].map((x) => x.id),
    )
    expect(
      [...copy.content.stages, ...copy.content.lanes, ...copy.content.cards].some((x) => ids.has(x.id)),
    ).toBe(false)

    const lifecycle = await call(t.app, 'boards:create', {
      studyId,
      name: 'L',
      template: 'lifecycle',
      language: 'en',
    })
    const barrier = board.content.cards.find((c) => c.text === 'Registration or setup difficulty')!
    const result = await call(t.app, 'boards:copyCards', {
      fromBoardId: board.id,
      cardIds: [barrier.id],
      toBoardId: lifecycle.id,
    })
    expect(result).toEqual({ copied: 1, skipped: 0 })
    const target = await call(t.app, 'boards:get', { id: lifecycle.id })
    const landed = target.content.cards.find((c) => c.text === barrier.text)
    // Onboarding is not a stage of that preset: the card lands in its first stage, in the same lane.
    expect(target.content.lanes.find((l) => l.id === landed?.laneId)?.name).toBe('Barriers / pain points')

    const impact = await call(t.app, 'boards:deleteImpact', { id: board.id })
    expect(impact).toMatchObject({ name: 'B', stages: 10, cards: board.content.cards.length, evidence: 0 })
    await call(t.app, 'boards:delete', { id: board.id })
    expect((await fail(t.app, 'boards:get', { id: board.id })).code).toBe('NOT_FOUND')
    expect(
      sqliteOf(t.app).prepare('select count(*) as n from board_cards where board_id = ?').get(board.id),
    ).toEqual({ n: 0 })
  })
})

describe('what Fieldnote fills in', () => {
  it('computes the emotion curve per stage from scored quotes, per segment, with gaps and overrides', async () => {
    const board = await call(t.app, 'boards:create', {
      studyId,
      name: 'B',
      template: 'saas_default',
      language: 'en',
    })
    await call(t.app, 'tags:seedStarter', { codebook: 'emotions', language: 'en' })
    const veryNegative = (await call(t.app, 'tags:list', { kind: 'emotion' })).find(
      (x) => x.emotionScore === -2,
    )!
    const a = await personIn('A', 'Ann')
    const b = await personIn('B', 'Bo')
    const onboarding = await stageTag('onboarding')
    await quote(a.interview.id, 'Setup took forever.', [onboarding], -1)
    await quote(b.interview.id, 'We could not log in for a week.', [onboarding, veryNegative.id])
    await quote(a.interview.id, 'Support answered in minutes.', [await stageTag('support')], 2)

    const stageId = (name: string) => board.content.stages.find((s) => s.name === name)!.id
    const at = async (boardId: string, name: string) =>
      (await call(t.app, 'boards:insights', { id: boardId })).stages.find((s) => s.stageId === stageId(name))
    const onb = await at(board.id, 'Onboarding & first use')
    // −1 from the highlight's own score, −2 from its emotion tag: mean −1.5 over two quotes.
    expect(onb?.emotion).toMatchObject({
      n: 2,
      mean: -1.5,
      min: -2,
      max: -1,
      value: -1.5,
      source: 'evidence',
    })
    expect(onb?.evidence).toMatchObject({ highlights: 2, companies: 2, participants: 2 })
    expect((await at(board.id, 'Awareness'))?.emotion).toMatchObject({
      n: 0,
      mean: null,
      value: null,
      source: 'none',
    })

    // Only segment A's evidence on a segment-A board; an override is marked as one.
    const content = {
      ...board.content,
      stages: board.content.stages.map((s) => (s.name === 'Awareness' ? { ...s, emotionOverride: 1 } : s)),
    }
    await call(t.app, 'boards:save', {
      id: board.id,
      baseRevision: board.revision,
      meta: { segment: 'A' },
      content,
    })
    expect((await at(board.id, 'Onboarding & first use'))?.emotion).toMatchObject({ n: 1, mean: -1 })
    expect((await at(board.id, 'Awareness'))?.emotion).toMatchObject({ value: 1, source: 'override', n: 0 })
  })

  it('on a persona board counts only the quotes of that role, newest first; a deleted emotion tag no longer scores', async () => {
    const board = await call(t.app, 'boards:create', {
      studyId,
      name: 'Finance view',
      template: 'saas_default',
      language: 'en',
      persona: 'finance',
    })
    await call(t.app, 'tags:seedStarter', { codebook: 'emotions', language: 'en' })
    const emotions = await call(t.app, 'tags:list', { kind: 'emotion' })
    const positive = emotions.find((x) => x.emotionScore === 1)!
    const negative = emotions.find((x) => x.emotionScore === -2)!
    const cfo = await personIn('A', 'Cara', 'Head of Finance')
    const ops = await personIn('B', 'Otto', 'Ops lead')
    const onboarding = await stageTag('onboarding')
    await quote(cfo.interview.id, 'The invoices matched on day one.', [onboarding, positive.id])
    t.clock.advance(1000)
    await quote(ops.interview.id, 'Nobody showed us the admin screen.', [onboarding, negative.id])
    t.clock.advance(1000)
    await quote(cfo.interview.id, 'Our auditor liked the export.', [onboarding, positive.id, negative.id])

    const stage = board.content.stages.find((s) => s.name === 'Onboarding & first use')!
    const at = async () =>
      (await call(t.app, 'boards:insights', { id: board.id })).stages.find((s) => s.stageId === stage.id)!
    const before = await at()
    // Only the finance lead's two quotes; the second has two emotion tags, so its score is their mean (−0.5).
    expect(before.evidence).toMatchObject({ highlights: 2, companies: 1, participants: 1 })
    expect(before.evidence.quotes.map((q) => q.quote)).toEqual([
      'Our auditor liked the export.',
      'The invoices matched on day one.',
    ])
    expect(before.emotion).toMatchObject({ n: 2, mean: 0.25, min: -0.5, max: 1 })

    await call(t.app, 'tags:delete', { id: negative.id })
    expect((await at()).emotion).toMatchObject({ n: 2, mean: 1, min: 1, max: 1 })
  })

  it('keeps card citations through tag merge and delete, and drops only the citation of a deleted quote', async () => {
    const board = await call(t.app, 'boards:create', {
      studyId,
      name: 'B',
      template: 'saas_default',
      language: 'en',
    })
    const a = await personIn('A', 'Ann')
    const theme = await call(t.app, 'tags:create', { name: 'Setup pain', kind: 'theme' })
    const other = await call(t.app, 'tags:create', { name: 'Pain', kind: 'theme' })
    const kept = await quote(a.interview.id, 'Setup took forever.', [theme.id])
    const gone = await quote(a.interview.id, 'The wizard crashed.', [theme.id])
    const [card] = board.content.cards
    const content = {
      ...board.content,
      cards: board.content.cards.map((c) =>
        c.id === card!.id ? { ...c, evidence: [kept, gone], tagId: theme.id } : c,
      ),
    }
    await call(t.app, 'boards:save', { id: board.id, baseRevision: board.revision, content })
    const backing = async () =>
      (await call(t.app, 'boards:insights', { id: board.id })).cards.find((c) => c.cardId === card!.id)
    expect(await backing()).toMatchObject({ highlights: 2, companies: 1, participants: 1 })

    await call(t.app, 'tags:merge', { sourceId: theme.id, targetId: other.id })
    await call(t.app, 'tags:delete', { id: other.id })
    const afterTags = await call(t.app, 'boards:get', { id: board.id })
    expect(afterTags.content.cards.find((c) => c.id === card!.id)?.evidence).toEqual([kept, gone])

    await call(t.app, 'highlights:delete', { id: gone })
    const after = await call(t.app, 'boards:get', { id: board.id })
    expect(after.content.cards.find((c) => c.id === card!.id)?.evidence).toEqual([kept])
    expect(await backing()).toMatchObject({ highlights: 1 })
  })

  it('puts churn reasons said at a stage on it, with companies and lost MRR', async () => {
    await call(t.app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
    const board = await call(t.app, 'boards:create', {
      studyId,
      name: 'B',
      template: 'saas_default',
      language: 'en',
    })
    const price = (await call(t.app, 'tags:list', { kind: 'churn_reason' })).find((x) => x.code === 'PRC-01')!
    const a = await personIn('A', 'Ann')
    await call(t.app, 'companies:update', { id: a.company.id, status: 'churned', churnedOn: '2025-04-01' })
    await quote(a.interview.id, 'Renewal doubled the price.', [await stageTag('retention'), price.id])
    const retention = board.content.stages.find((s) => s.name === 'Retention / renewal')!
    const insights = await call(t.app, 'boards:insights', { id: board.id })
    expect(insights.stages.find((s) => s.stageId === retention.id)?.churn).toEqual([
      { tagId: price.id, code: 'PRC-01', name: price.name, companies: 1, lostMrr: 10_000 },
    ])
  })
})

describe('a walk-through script from a board', () => {
  it('asks what they did, liked, found hard and would improve at each visible stage, as a normal script', async () => {
    const board = await call(t.app, 'boards:create', {
      studyId,
      name: 'Onboarding map',
      template: 'lifecycle',
      language: 'en',
    })
    const content = {
      ...board.content,
      stages: board.content.stages.map((s, i) => (i === 1 ? { ...s, hidden: true } : s)),
    }
    await call(t.app, 'boards:save', { id: board.id, baseRevision: board.revision, content })
    const script = await call(t.app, 'boards:walkthrough', { id: board.id, language: 'en' })
    expect(script).toMatchObject({
      name: 'Journey walk-through: Onboarding map',
      method: 'journey',
      builtin: false,
    })
    expect(script.body.sections.map((s) => s.title)).toEqual(['Reach', 'Conversion', 'Retention', 'Loyalty'])
    expect(script.body.sections[0]?.journeyStage).toBe('awareness')
    expect(script.body.sections[0]?.questions.map((q) => q.text)).toEqual([
      'What did you do at the "Reach" stage?',
      'What did you like about "Reach"?',
      'What was hard or caused difficulty at "Reach"?',
      'What would you improve about "Reach"?',
    ])
    expect((await call(t.app, 'scripts:list', {})).some((s) => s.id === script.id)).toBe(true)
    const ru = await call(t.app, 'boards:walkthrough', { id: board.id, language: 'ru' })
    expect(ru.body.sections[0]?.questions[0]?.text).toBe('Что вы делали на этапе «Reach»?')
  })

  it('refuses a board without visible stages', async () => {
    const empty = await call(t.app, 'boards:create', {
      studyId,
      name: 'Blank',
      template: 'empty',
      language: 'en',
    })
    expect((await fail(t.app, 'boards:walkthrough', { id: empty.id, language: 'en' })).message).toContain(
      'no visible stages',
    )
  })
})
