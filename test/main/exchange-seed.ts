import type { AppContext } from '../../src/main/ipc/app-context'
import { call, seedBasics, type TestClock } from './helpers'

const p = (...content: object[]) => ({ type: 'paragraph', content })
const txt = (text: string, ids?: string[]) =>
  ids ? { type: 'text', text, marks: [{ type: 'highlight', attrs: { ids } }] } : { type: 'text', text }

/**
 * A library that touches every primary table, for the JSON export and import tests: two studies that cite
 * each other's quotes (board card and insight), a tag moved under a tag made after it (so a row comes before
 * its parent), a merged and a deleted tag, aliases, ratings and a finished clock, notes with a kept and a
 * detached highlight, a transcript with a tagged, memoed quote, survey answers with a highlight, a job story,
 * boards with cited cards, and insights for one study and for none.
 */
export async function seedExchangeLibrary(app: AppContext, clock: TestClock) {
  const basics = await seedBasics(app)
  for (const codebook of ['churn_reasons', 'jtbd_forces', 'jtbd_phases', 'emotions'] as const)
    await call(app, 'tags:seedStarter', { codebook, language: 'en' })
  const tags = await call(app, 'tags:list', {})
  const byCode = (code: string) => tags.find((x) => x.code === code)?.id ?? ''
  const firstOfKind = (kind: string) => tags.find((x) => x.kind === kind && x.parentId !== null)?.id ?? ''
  const price = byCode('PRC-01')
  const support = byCode('SUP-01')
  const onboarding = await call(app, 'tags:create', { name: 'Onboarding', kind: 'theme' })
  const spare = await call(app, 'tags:create', { name: 'Spare theme', kind: 'theme' })
  const unused = await call(app, 'tags:create', { name: 'Never used', kind: 'custom' })
  const later = await call(app, 'tags:create', { name: 'Later parent', kind: 'theme' })
  await call(app, 'tags:move', { id: onboarding.id, parentId: later.id })
  await call(app, 'tags:merge', { sourceId: spare.id, targetId: later.id })
  await call(app, 'tags:delete', { id: unused.id })

  await call(app, 'companies:update', {
    id: basics.company.id,
    status: 'churned',
    churnedOn: '2025-04-01',
    churnType: 'voluntary',
  })
  const beta = await call(app, 'companies:create', { name: 'Beta', segment: 'B', mrrMinor: 20_000 })
  const bob = await call(app, 'participants:create', {
    name: 'Bob Roe',
    companyId: beta.id,
    consentToRecord: true,
  })
  await call(app, 'participants:create', { name: 'Nobody Yet', role: 'CFO' })

  await call(app, 'interviews:update', {
    id: basics.interview.id,
    scheduledAt: '2026-03-01T10:00:00.000Z',
    nps: 3,
    npsReason: 'Renewal price was too steep',
    csat: 2,
    ces: 6,
    cesReason: 'Cancelling took three calls',
    csiRatings: { support_quality: 2 },
  })
  await call(app, 'interviews:timer', { id: basics.interview.id, action: 'start' })
  clock.advance(90_000)
  await call(app, 'interviews:timer', { id: basics.interview.id, action: 'finish' })
  await call(app, 'notes:save', {
    interviewId: basics.interview.id,
    questionId: basics.questionId,
    doc: {
      type: 'doc',
      content: [
        p(txt('It was '), txt('far too expensive', ['h-note-1']), txt(' for us.')),
        p(txt('And '), txt('nobody answered', ['h-note-2'])),
      ],
    },
    plainText: 'It was far too expensive for us.\nAnd nobody answered',
  })
  const noteHighlights = await call(app, 'highlights:listForInterview', { interviewId: basics.interview.id })
  const kept = noteHighlights.find((h) => h.quote === 'far too expensive')?.id ?? ''
  const gone = noteHighlights.find((h) => h.quote === 'nobody answered')?.id ?? ''
  await call(app, 'highlights:setTags', { id: kept, tagIds: [price, onboarding.id] })
  await call(app, 'highlights:update', { id: kept, memo: 'Said twice', emotion: -2 })
  await call(app, 'highlights:setTags', { id: gone, tagIds: [support] })
  // The second quote's text leaves the note: its tags wait in detached_highlights.
  await call(app, 'notes:save', {
    interviewId: basics.interview.id,
    questionId: basics.questionId,
    doc: {
      type: 'doc',
      content: [p(txt('It was '), txt('far too expensive', ['h-note-1']), txt(' for us.'))],
    },
    plainText: 'It was far too expensive for us.',
  })
  await call(app, 'churn:setPrimary', { interviewId: basics.interview.id, tagId: price })

  const jtbd = await call(app, 'studies:create', {
    name: 'Switch study',
    method: 'jtbd_switch',
    targetInterviews: 5,
  })
  const switchInterview = await call(app, 'interviews:create', {
    studyId: jtbd.id,
    participantId: bob.id,
    scriptId: basics.script.id,
    title: 'Bob switches',
  })
  const { imported } = await call(app, 'transcripts:import', {
    interviewId: switchInterview.id,
    files: [
      {
        name: 'call.txt',
        text: 'Dana: We looked for another tool when the spreadsheet broke. Support was slow.\n\nBob: Ещё и цена выросла — café prices.',
      },
    ],
  })
  const transcriptId = imported[0]?.id ?? ''
  const quote = await call(app, 'highlights:create', {
    source: { type: 'transcript', transcriptId },
    start: 0,
    end: 28,
    tagIds: [firstOfKind('jtbd_force'), firstOfKind('jtbd_phase'), firstOfKind('emotion'), support],
  })
  await call(app, 'highlights:update', { id: quote.id, memo: 'The trigger' })
  await call(app, 'stories:create', {
    interviewId: switchInterview.id,
    situation: 'When the spreadsheet broke',
    motivation: 'I want one place',
    outcome: 'so the team trusts the numbers',
  })

  await call(app, 'imports:churnSurvey', {
    csv: 'date,company,reason,comment,mrr\n2025-04-01,Acme,PRC-01,Too expensive for a team our size,500\n2025-04-02,Beta,Unknown reason,We moved on,\n',
    studyId: basics.study.id,
    skipInvalid: false,
    dryRun: false,
  })
  const [response] = await call(app, 'churn:surveyResponses', { companyId: basics.company.id })
  const surveyQuote = await call(app, 'highlights:create', {
    source: { type: 'survey', responseId: response?.id ?? '' },
    start: 0,
    end: 13,
    tagIds: [price],
  })

  const board = await call(app, 'boards:create', {
    studyId: jtbd.id,
    name: 'Switch journey',
    template: 'saas_default',
    language: 'en',
  })
  const [first, second, ...rest] = board.content.cards
  await call(app, 'boards:save', {
    id: board.id,
    baseRevision: board.revision,
    content: {
      ...board.content,
      cards: [
        ...(first ? [{ ...first, text: 'Spreadsheet broke', evidence: [quote.id] }] : []),
        // A citation of the other study's quote: a one-study export of this study leaves it out.
        ...(second ? [{ ...second, text: 'Too expensive', evidence: [kept] }] : []),
        ...rest,
      ],
    },
  })
  await call(app, 'boards:create', {
    studyId: basics.study.id,
    name: 'Exit journey',
    template: 'empty',
    language: 'en',
  })

  const insight = await call(app, 'insights:create', {
    studyId: basics.study.id,
    statement: { type: 'doc', content: [p(txt('Price drives churn in small teams'))] },
    tagIds: [price],
    from: { kind: 'highlights', highlightIds: [kept, surveyQuote.id] },
  })
  await call(app, 'insights:link', { id: insight.id, highlightIds: [quote.id], stance: 'against' })
  await call(app, 'insights:create', {
    studyId: null,
    statement: { type: 'doc', content: [p(txt('Support speed matters everywhere'))] },
    from: { kind: 'tag', tagId: support },
  })
  return {
    ...basics,
    jtbd,
    switchInterview,
    bob,
    beta,
    price,
    support,
    kept,
    quote,
    board,
    insight,
    transcriptId,
  }
}

export type ExchangeSeed = Awaited<ReturnType<typeof seedExchangeLibrary>>
