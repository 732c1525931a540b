import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../src/main/ipc/app-context'
import type { ChannelSpec } from '../../src/shared/ipc/channel-spec'
import { CHANNELS, contract, type Channel } from '../../src/shared/ipc/contracts'
import { domainOf } from '../../src/shared/ipc/domains'
import { call, invoke, seedBasics, setupApp, sqliteOf, type TestApp } from './helpers'

/**
 * Every write names in the contract the read domains it may change, and the renderer refreshes exactly those.
 * Here every library write runs through the real dispatch on one seeded library (inside a transaction that is
 * rolled back afterwards, so each write starts from the same state); every read is asked before and after, and
 * a read whose answer changed must belong to a declared domain. Shell writes are left out: switching the
 * library changes everything by definition (ALL_DOMAINS), and the language is the renderer's own state.
 */

let t: TestApp
let s: Awaited<ReturnType<typeof seedRich>>

const p = (...content: object[]) => ({ type: 'paragraph', content })
const txt = (text: string, ids?: string[]) =>
  ids ? { type: 'text', text, marks: [{ type: 'highlight', attrs: { ids } }] } : { type: 'text', text }

async function seedRich(app: AppContext) {
  const basics = await seedBasics(app)
  for (const codebook of ['churn_reasons', 'jtbd_forces', 'jtbd_phases', 'emotions'] as const)
    await call(app, 'tags:seedStarter', { codebook, language: 'en' })
  const tags = await call(app, 'tags:list', {})
  const byCode = (code: string) => tags.find((x) => x.code === code)?.id ?? ''
  const byKind = (kind: string) => tags.filter((x) => x.kind === kind && x.parentId !== null)
  const price = byCode('PRC-01')
  const support = byCode('SUP-01')
  const push = byKind('jtbd_force')[0]?.id ?? ''
  const phase = byKind('jtbd_phase')[0]?.id ?? ''
  const emotion = byKind('emotion')[0]?.id ?? ''
  const theme = await call(app, 'tags:create', { name: 'Onboarding', kind: 'theme' })
  const spare = await call(app, 'tags:create', { name: 'Spare theme', kind: 'theme' })
  await call(app, 'companies:update', {
    id: basics.company.id,
    status: 'churned',
    churnedOn: '2025-04-01',
    churnType: 'voluntary',
  })
  const other = await call(app, 'companies:create', { name: 'Beta', segment: 'B', mrrMinor: 20_000 })
  const bob = await call(app, 'participants:create', { name: 'Bob Roe', companyId: other.id })
  const jtbd = await call(app, 'studies:create', {
    name: 'Switch study',
    method: 'jtbd_switch',
    targetInterviews: 5,
  })
  const switchInterview = await call(app, 'interviews:create', {
    studyId: jtbd.id,
    participantId: bob.id,
    scriptId: basics.script.id,
  })
  await call(app, 'notes:save', {
    interviewId: basics.interview.id,
    questionId: basics.questionId,
    doc: {
      type: 'doc',
      content: [p(txt('It was '), txt('far too expensive', ['h-note-1']), txt(' for us.'))],
    },
    plainText: 'It was far too expensive for us.',
  })
  const [noteHighlight] = await call(app, 'highlights:listForInterview', { interviewId: basics.interview.id })
  await call(app, 'highlights:setTags', { id: noteHighlight?.id ?? '', tagIds: [price, theme.id] })
  const board = await call(app, 'boards:create', {
    studyId: jtbd.id,
    name: 'Switch journey',
    template: 'saas_default',
    language: 'en',
  })
  const stageTag = (await call(app, 'tags:list', { kind: 'journey_stage' })).find(
    (x) => x.semanticKey === 'support',
  )
  const { imported } = await call(app, 'transcripts:import', {
    interviewId: switchInterview.id,
    files: [
      {
        name: 'call.txt',
        text: 'Dana: We looked for another tool when the spreadsheet broke. Support was slow.',
      },
    ],
  })
  const transcriptId = imported[0]?.id ?? ''
  const transcriptHighlight = await call(app, 'highlights:create', {
    source: { type: 'transcript', transcriptId },
    start: 0,
    end: 28,
    tagIds: [push, phase, emotion, support, stageTag?.id ?? ''],
  })
  await call(app, 'imports:churnSurvey', {
    csv: 'date,company,reason,comment,mrr\n2025-04-01,Acme,PRC-01,Too expensive for a team our size,500\n2025-04-02,Beta,Unknown reason,We moved on,\n',
    studyId: basics.study.id,
    skipInvalid: false,
    dryRun: false,
  })
  const [response] = await call(app, 'churn:surveyResponses', { companyId: basics.company.id })
  await call(app, 'churn:setPrimary', { interviewId: basics.interview.id, tagId: price })
  const story = await call(app, 'stories:create', {
    interviewId: switchInterview.id,
    situation: 'When the spreadsheet broke',
    motivation: 'I want one place',
    outcome: 'so the team trusts the numbers',
  })
  const insight = await call(app, 'insights:create', {
    studyId: basics.study.id,
    statement: { type: 'doc', content: [p(txt('Price drives churn in small teams'))] },
    from: { kind: 'highlights', highlightIds: [noteHighlight?.id ?? ''] },
  })
  await call(app, 'insights:link', {
    id: insight.id,
    highlightIds: [transcriptHighlight.id],
    stance: 'against',
  })
  return {
    ...basics,
    insight,
    price,
    support,
    theme: theme.id,
    spare: spare.id,
    other,
    bob,
    jtbd,
    switchInterview,
    transcriptId,
    noteHighlightId: noteHighlight?.id ?? '',
    transcriptHighlightId: transcriptHighlight.id,
    responseId: response?.id ?? '',
    story,
    board,
    other_board: await call(app, 'boards:create', {
      studyId: jtbd.id,
      name: 'Empty journey',
      template: 'empty',
      language: 'en',
    }),
  }
}

type Seed = typeof s
type Inputs = (s: Seed) => unknown[]

/** What each read is asked, so that a change anywhere in its domain shows in at least one answer. */
const READS: Partial<Record<Channel, Inputs>> = {
  'studies:list': () => [{}],
  'studies:get': (s) => [{ id: s.study.id }, { id: s.jtbd.id }],
  'studies:deleteImpact': (s) => [{ id: s.study.id }],
  'companies:list': () => [{}],
  'companies:get': (s) => [{ id: s.company.id }, { id: s.other.id }],
  'companies:deleteImpact': (s) => [{ id: s.company.id }],
  'companies:segmentShares': () => [undefined],
  'participants:list': () => [{}],
  'participants:get': (s) => [{ id: s.participant.id }, { id: s.bob.id }],
  'participants:deleteImpact': (s) => [{ id: s.participant.id }],
  'scripts:list': () => [{}],
  'scripts:get': (s) => [{ id: s.script.id }],
  'scripts:deleteImpact': (s) => [{ id: s.script.id }],
  'interviews:list': (s) => [{}, { studyId: s.study.id }, { companyId: s.company.id }],
  'interviews:get': (s) => [{ id: s.interview.id }, { id: s.switchInterview.id }],
  'interviews:deleteImpact': (s) => [{ id: s.interview.id }],
  'notes:list': (s) => [{ interviewId: s.interview.id }, { interviewId: s.switchInterview.id }],
  'transcripts:list': (s) => [{ interviewId: s.switchInterview.id }, { interviewId: s.interview.id }],
  'transcripts:get': (s) => [{ id: s.transcriptId }],
  'tags:list': () => [{}],
  'tags:deleteImpact': (s) => [{ id: s.price }, { id: s.theme }],
  'tags:exportQdc': () => [undefined],
  'highlights:listForInterview': (s) => [
    { interviewId: s.interview.id },
    { interviewId: s.switchInterview.id },
  ],
  'evidence:list': () => [{}, { groupBy: 'tag' }],
  'evidence:filterOptions': () => [undefined],
  'search:query': () => [
    { q: 'expensive' },
    { q: 'spreadsheet' },
    { q: 'moved' },
    { q: 'Ann' },
    { q: 'hello' },
  ],
  'churn:rollup': () => [{}],
  'churn:quotes': (s) => [{ tagId: s.price }],
  'churn:uncoded': () => [{}],
  'churn:forInterview': (s) => [{ interviewId: s.interview.id }],
  'churn:unmapped': () => [undefined],
  'churn:surveyResponses': (s) => [{ companyId: s.company.id }, { companyId: s.other.id }],
  'forces:summary': () => [{}],
  'forces:timeline': (s) => [{ interviewId: s.switchInterview.id }],
  'matrix:cooccurrence': () => [{ tags: { kind: 'churn_reason' }, columns: { kind: 'theme' } }],
  'matrix:segments': () => [{ tags: { kind: 'churn_reason' } }, { tags: { kind: 'theme' } }],
  'stories:list': (s) => [{ studyId: s.jtbd.id }],
  'imports:preview': () => [{ kind: 'companies', csv: 'name,segment\nAcme,A\n' }],
  'boards:list': () => [{}],
  'boards:get': (s) => [{ id: s.board.id }, { id: s.other_board.id }],
  'boards:insights': (s) => [{ id: s.board.id }],
  'boards:deleteImpact': (s) => [{ id: s.board.id }],
  'insights:list': () => [{}],
  'insights:get': (s) => [{ id: s.insight.id }],
  'reports:preview': () => [{}, { anonymize: true }],
  'reports:render': () => [{ format: 'md' }],
}

interface WriteCase {
  /** Runs first (inside the same rolled-back transaction), for writes that undo another one. */
  before?: (app: AppContext, s: Seed) => Promise<unknown>
  input: (s: Seed, prepared: unknown) => unknown
}

const NEW_NOTE = (s: Seed) => ({
  interviewId: s.interview.id,
  questionId: s.questionId,
  doc: { type: 'doc', content: [p(txt('Now '), txt('support matters', ['h-note-2']))] },
  plainText: 'Now support matters',
})

/** One input for every library write, valid on the seeded library. */
const WRITES: Partial<Record<Channel, WriteCase>> = {
  'studies:create': { input: () => ({ name: 'New study', method: 'exit', targetInterviews: 3 }) },
  'studies:update': { input: (s) => ({ id: s.study.id, name: 'Renamed study', status: 'active' }) },
  'studies:delete': { input: (s) => ({ id: s.study.id }) },
  'companies:create': { input: () => ({ name: 'Gamma', segment: 'C', mrrMinor: 1000 }) },
  'companies:update': { input: (s) => ({ id: s.company.id, name: 'Acme Renamed', segment: 'D' }) },
  'companies:delete': { input: (s) => ({ id: s.company.id }) },
  'participants:create': { input: (s) => ({ name: 'Cy Doe', companyId: s.company.id }) },
  'participants:update': { input: (s) => ({ id: s.participant.id, name: 'Ann Renamed' }) },
  'participants:delete': { input: (s) => ({ id: s.participant.id }) },
  'scripts:duplicate': { input: (s) => ({ id: s.script.id, name: 'Copy' }) },
  'scripts:update': { input: (s) => ({ id: s.script.id, name: 'My JTBD renamed' }) },
  'scripts:delete': {
    // A script in use cannot go; delete a fresh copy instead.
    before: (app, s) => call(app, 'scripts:duplicate', { id: s.script.id, name: 'Throwaway' }),
    input: (_s, copy) => ({ id: (copy as { id: string }).id }),
  },
  'interviews:create': {
    input: (s) => ({ studyId: s.study.id, participantId: s.bob.id, scriptId: s.script.id }),
  },
  'interviews:update': { input: (s) => ({ id: s.interview.id, title: 'Renamed interview' }) },
  'interviews:timer': { input: (s) => ({ id: s.interview.id, action: 'finish' }) },
  'interviews:delete': { input: (s) => ({ id: s.interview.id }) },
  'notes:save': { input: NEW_NOTE },
  'transcripts:import': {
    input: (s) => ({
      interviewId: s.interview.id,
      files: [{ name: 'more.txt', text: 'Expensive renewal.' }],
    }),
  },
  'transcripts:renameSpeaker': {
    input: (s) => ({ id: s.transcriptId, from: 'Dana', to: 'Dana Fox' }),
  },
  'transcripts:delete': { input: (s) => ({ id: s.transcriptId }) },
  'tags:create': { input: () => ({ name: 'New theme', kind: 'theme' }) },
  'tags:update': { input: (s) => ({ id: s.price, name: 'Price too high' }) },
  'tags:move': { input: (s) => ({ id: s.theme, parentId: s.spare }) },
  'tags:merge': { input: (s) => ({ sourceId: s.theme, targetId: s.spare }) },
  'tags:undoMerge': {
    before: (app, s) => call(app, 'tags:merge', { sourceId: s.theme, targetId: s.spare }),
    input: (_s, merged) => ({ mergeId: (merged as { mergeId: string }).mergeId }),
  },
  'tags:delete': { input: (s) => ({ id: s.price }) },
  'tags:restore': {
    before: (app, s) => call(app, 'tags:delete', { id: s.price }),
    input: (s) => ({ id: s.price }),
  },
  'tags:seedStarter': { input: () => ({ codebook: 'satisfaction_drivers', language: 'en' }) },
  'tags:importQdc': {
    input: () => ({
      xml: `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test"><Codes>
<Code guid="3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f" name="Imported code" isCodable="true"/>
</Codes></CodeBook>`,
    }),
  },
  'exchange:importQdpx': {
    input: () => ({
      name: 'p.qdpx',
      base64: Buffer.from(
        zipSync({
          'project.qde': strToU8(`<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Imported" origin="test">
<CodeBook><Codes><Code guid="3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e70" name="Imported code" isCodable="true"/></Codes></CodeBook>
<Cases><Case guid="3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e71" name="Imported person"><SourceRef targetGUID="3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e72"/></Case></Cases>
<Sources><TextSource guid="3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e72" name="Call" plainTextPath="internal://a.txt">
<PlainTextSelection guid="3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e73" startPosition="0" endPosition="5"><Coding guid="3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e74"><CodeRef targetGUID="3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e70"/></Coding></PlainTextSelection>
</TextSource></Sources>
<Notes><Note guid="3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e75" name="Memo"><PlainTextContent>Price matters</PlainTextContent></Note></Notes>
</Project>`),
          'Sources/a.txt': strToU8('Price went up.'),
        }),
      ).toString('base64'),
    }),
  },
  'highlights:create': {
    input: (s) => ({
      source: { type: 'survey', responseId: s.responseId },
      start: 0,
      end: 13,
      tagIds: [s.support],
    }),
  },
  'highlights:setTags': { input: (s) => ({ id: s.transcriptHighlightId, tagIds: [s.price] }) },
  'highlights:update': { input: (s) => ({ id: s.transcriptHighlightId, memo: 'Key quote', emotion: -2 }) },
  'highlights:delete': { input: (s) => ({ id: s.transcriptHighlightId }) },
  'churn:setPrimary': { input: (s) => ({ interviewId: s.interview.id, tagId: s.support }) },
  'churn:mapReason': { input: (s) => ({ reasonRaw: 'Unknown reason', tagId: s.support }) },
  'stories:create': {
    input: (s) => ({
      interviewId: s.switchInterview.id,
      situation: 'When',
      motivation: 'I want',
      outcome: 'so',
    }),
  },
  'stories:update': { input: (s) => ({ id: s.story.id, outcome: 'so nobody re-types numbers' }) },
  'stories:delete': { input: (s) => ({ id: s.story.id }) },
  'imports:companies': {
    input: () => ({ csv: 'name,segment,mrr\nDelta,A,99\nBeta,C,250\n', skipInvalid: false, dryRun: false }),
  },
  'boards:create': {
    input: (s) => ({ studyId: s.study.id, name: 'Exit journey', template: 'lifecycle', language: 'en' }),
  },
  'boards:save': {
    input: (s) => ({
      id: s.board.id,
      baseRevision: s.board.revision,
      meta: { name: 'Renamed journey' },
      content: { ...s.board.content, cards: s.board.content.cards.slice(1) },
    }),
  },
  'boards:duplicate': { input: (s) => ({ id: s.board.id }) },
  'boards:copyCards': {
    input: (s) => ({
      fromBoardId: s.board.id,
      cardIds: [s.board.content.cards[0]?.id ?? ''],
      toBoardId: s.board.id,
    }),
  },
  'boards:delete': { input: (s) => ({ id: s.board.id }) },
  'boards:walkthrough': { input: (s) => ({ id: s.board.id, language: 'en' }) },
  'insights:create': {
    input: (s) => ({
      studyId: null,
      statement: { type: 'doc', content: [p(txt('Support speed matters'))] },
      from: { kind: 'tag', tagId: s.support },
    }),
  },
  'insights:update': { input: (s) => ({ id: s.insight.id, status: 'validated', owner: 'Dana' }) },
  'insights:link': {
    input: (s) => ({ id: s.insight.id, highlightIds: [s.transcriptHighlightId], stance: 'for' }),
  },
  'insights:unlink': { input: (s) => ({ id: s.insight.id, highlightId: s.noteHighlightId }) },
  'insights:delete': { input: (s) => ({ id: s.insight.id }) },
  'imports:churnSurvey': {
    input: (s) => ({
      csv: 'date,company,reason,comment,mrr\n2025-05-01,Beta,SUP-01,Support never answered,200\n',
      studyId: s.study.id,
      skipInvalid: false,
      dryRun: false,
    }),
  },
}

const isShell = (c: Channel) => 'shell' in contract[c]
// A snapshot (the library as a JSON backup) changes with every write and no screen caches it.
const isSnapshot = (c: Channel) => 'snapshot' in contract[c]
const readChannels = CHANNELS.filter((c) => contract[c].kind === 'read' && !isShell(c) && !isSnapshot(c))
const writeChannels = CHANNELS.filter((c) => contract[c].kind === 'write' && !isShell(c))

async function answers(): Promise<Map<Channel, string>> {
  const out = new Map<Channel, string>()
  for (const channel of readChannels) {
    const envelopes = []
    for (const input of READS[channel]?.(s) ?? []) envelopes.push(await invoke(t.app, channel, input))
    out.set(channel, JSON.stringify(envelopes))
  }
  return out
}

/**
 * The read domains whose answers differ after `write`. Each write runs on its own copy of the seeded library
 * file, so every case starts from the same state (imports open their own transactions, so a savepoint around
 * the call would not do).
 */
async function changedBy(channel: Channel): Promise<Set<string>> {
  const c = WRITES[channel]
  if (!c) throw new Error(`no case for ${channel}`)
  const copy = join(t.dir, `${channel.replace(':', '-')}.fieldnote`)
  copyFileSync(seeded, copy)
  await t.app.libraries.open(copy)
  const prepared = c.before ? await c.before(t.app, s) : undefined
  const before = await answers()
  const env = await invoke(t.app, channel, c.input(s, prepared))
  expect(env, channel).toMatchObject({ ok: true })
  const after = await answers()
  return new Set(readChannels.filter((r) => before.get(r) !== after.get(r)).map(domainOf))
}

let seeded: string

beforeAll(async () => {
  t = await setupApp()
  s = await seedRich(t.app)
  // One self-contained file to copy: the seeded library with its write-ahead log folded in.
  sqliteOf(t.app).pragma('wal_checkpoint(TRUNCATE)')
  seeded = join(t.dir, 'seeded.fieldnote')
  copyFileSync(t.libraryPath, seeded)
}, 60_000)
afterAll(() => t.cleanup())

describe('writes declare what they change', () => {
  it('every library read has probe inputs and every library write has a case', () => {
    expect(readChannels.filter((c) => !READS[c])).toEqual([])
    expect(writeChannels.filter((c) => !WRITES[c])).toEqual([])
    expect(writeChannels.length).toBeGreaterThanOrEqual(39)
  })

  it('the seeded library gives every read something to say', async () => {
    const now = await answers()
    for (const channel of readChannels) {
      const envelopes = JSON.parse(now.get(channel) ?? '[]') as { ok: boolean }[]
      expect(envelopes.length, channel).toBeGreaterThan(0)
      expect(
        envelopes.every((e) => e.ok),
        channel,
      ).toBe(true)
    }
  })

  it.each(writeChannels.map((c) => [c]))(
    '%s changes no read outside its declared domains',
    async (channel) => {
      const changed = await changedBy(channel)
      if (process.env['FIELDNOTE_AFFECTS_REPORT'])
        console.log(`AFFECTS ${channel} ${JSON.stringify([...changed].sort())}`)
      // A case that changes nothing proves nothing.
      expect(changed.size, `${channel} changed no read`).toBeGreaterThan(0)
      const declared = new Set<string>((contract[channel] as ChannelSpec).affects)
      expect([...changed].filter((d) => !declared.has(d)).sort(), channel).toEqual([])
    },
  )

  it('each case starts from the seeded library, not from the previous case', async () => {
    await changedBy('transcripts:delete')
    const afterDelete = await answers()
    await t.app.libraries.open(seeded)
    expect(await answers()).not.toEqual(afterDelete)
    await changedBy('transcripts:delete')
    expect(await answers()).toEqual(afterDelete)
  })
})
