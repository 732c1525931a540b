import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, type ChannelName } from '../../src/shared/ipc/channel-names'
import {
  call,
  dbState,
  expectRefused,
  fail,
  invoke,
  JTBD_EN,
  seedBasics,
  setupApp,
  sqliteOf,
  type Seed,
  type TestApp,
} from './helpers'

const BIG = 'x'.repeat(5 * 1024 * 1024)

const byId = (s: Seed, id: string) => [
  { bogus: 1 },
  { id: 42 },
  { id: '' },
  { id: BIG },
  42,
  null,
  'id',
  { id: ['x'] },
  [id],
]
const path = (extra: object = {}) => [
  { bogus: 1 },
  { path: 42 },
  { path: '' },
  { path: '   ' },
  { path: `/${BIG}` },
  { path: '/tmp/evil\u0000.fieldnote' },
  42,
  { ...extra },
]
const noInput = [42, 'x', null, {}, [1]]

/** For every channel, inputs that the contract must refuse before any service runs. */
const MALFORMED: Record<ChannelName, (s: Seed) => unknown[]> = {
  'app:info': () => noInput,
  'app:setLanguage': () => [{ bogus: 1 }, { language: 'de' }, { language: 42 }, 42, { language: BIG }],
  'library:current': () => noInput,
  'library:open': () => path(),
  'library:create': () => path({ path: undefined }),
  'library:recent': () => noInput,
  'library:choose': () => [{ bogus: 1 }, { mode: 'delete' }, { mode: 42 }, 42],
  'library:browse': () => [{ dir: 42 }, { dir: '' }, { dir: '/tmp/evil\u0000' }, { dir: `/${BIG}` }, 42, 'x'],
  'backups:status': () => noInput,
  'backups:run': () => noInput,
  'backups:setFolder': () => [
    { bogus: 1 },
    { folder: 42 },
    { folder: '' },
    { folder: '   ' },
    { folder: '/tmp/evil\u0000' },
    { folder: `/${BIG}` },
    42,
  ],
  'backups:chooseFolder': () => noInput,
  'backups:preview': () => path(),
  'backups:restore': () => [
    { bogus: 1 },
    { from: '/tmp/a.fieldnote-backup' },
    { to: '/tmp/b.fieldnote' },
    { from: 42, to: '/tmp/b.fieldnote' },
    { from: '/tmp/a.fieldnote-backup', to: '' },
    { from: '/tmp/a\u0000', to: '/tmp/b.fieldnote' },
    { from: `/${BIG}`, to: '/tmp/b.fieldnote' },
    42,
  ],

  'studies:list': () => [42, { search: 5 }, { search: BIG }, 'search'],
  'studies:get': (s) => byId(s, s.study.id),
  'studies:create': () => [
    { bogus: 1 },
    { name: BIG, method: 'exit', targetInterviews: 10 },
    { name: '   ', method: 'exit', targetInterviews: 10 },
    { name: 'S', method: 'survey', targetInterviews: 10 },
    { name: 'S', method: 'exit', targetInterviews: 0 },
    { name: 'S', method: 'exit', targetInterviews: 2.5 },
    { name: 'S', method: 'exit', targetInterviews: '10' },
    { name: 'S', method: 'exit', targetInterviews: 10, status: 'done' },
  ],
  'studies:update': (s) => [
    { bogus: 1 },
    { id: s.study.id, name: BIG },
    { id: s.study.id, status: 'done' },
    { id: s.study.id, targetInterviews: -1 },
    { name: 'no id' },
  ],
  'studies:deleteImpact': (s) => byId(s, s.study.id),
  'studies:delete': (s) => byId(s, s.study.id),

  'companies:list': () => [42, { search: 5 }, { search: BIG }],
  'companies:get': (s) => byId(s, s.company.id),
  'companies:create': () => [
    { bogus: 1 },
    { name: BIG },
    { name: 'X', segment: 'E' },
    { name: 'X', mrrMinor: -1 },
    { name: 'X', mrrMinor: 1.5 },
    { name: 'X', currency: 'usd' },
    { name: 'X', customerSince: '2024-02-30' },
    { name: 'X', customerSince: '15.01.2024' },
    { name: 'X', status: 'paused' },
    { name: 'X', churnType: 'angry' },
    { name: 'X', notes: BIG },
  ],
  'companies:update': (s) => [
    { bogus: 1 },
    { id: s.company.id, name: BIG },
    { id: s.company.id, mrrMinor: -100 },
    { id: s.company.id, status: 'paused' },
    { id: s.company.id, churnedOn: '2024-13-01' },
  ],
  'companies:deleteImpact': (s) => byId(s, s.company.id),
  'companies:delete': (s) => byId(s, s.company.id),
  'companies:segmentShares': () => noInput,

  'participants:list': () => [42, { companyId: 5 }, { search: BIG }, { companyId: BIG }],
  'participants:get': (s) => byId(s, s.participant.id),
  'participants:create': (s) => [
    { bogus: 1 },
    { name: BIG },
    { name: 'P', email: 'not-an-email' },
    { name: 'P', phone: 'call me maybe' },
    { name: 'P', consentToRecord: 'yes' },
    { name: 'P', companyId: 42 },
    { name: 'P', companyId: s.company.id, role: BIG },
  ],
  'participants:update': (s) => [
    { bogus: 1 },
    { id: s.participant.id, email: 'x@' },
    { id: s.participant.id, name: BIG },
    { id: s.participant.id, name: '' },
  ],
  'participants:deleteImpact': (s) => byId(s, s.participant.id),
  'participants:delete': (s) => byId(s, s.participant.id),

  'scripts:list': () => [42, { method: 'survey' }, { language: 'de' }],
  'scripts:get': (s) => byId(s, s.script.id),
  'scripts:duplicate': (s) => [
    { bogus: 1 },
    { id: s.script.id, name: BIG },
    { id: s.script.id, name: '   ' },
    { id: 42 },
  ],
  'scripts:update': (s) => [
    { bogus: 1 },
    { id: s.script.id, name: BIG },
    { id: s.script.id, name: '' },
    { id: s.script.id, method: 'survey' },
    { id: s.script.id, body: { sections: [] } },
    {
      id: s.script.id,
      body: { sections: [{ id: 's', title: 'T', questions: [{ id: 'q', text: '', probes: [] }] }] },
    },
    {
      id: s.script.id,
      body: {
        sections: [
          { id: 's', title: 'T', questions: [{ id: 'q', text: 'Q?', probes: [], capture: 'emoji' }] },
        ],
      },
    },
    { id: s.script.id, description: BIG },
  ],
  'scripts:deleteImpact': (s) => byId(s, s.script.id),
  'scripts:delete': (s) => byId(s, s.script.id),

  'interviews:list': () => [42, { studyId: 5 }, { participantId: BIG }],
  'interviews:get': (s) => byId(s, s.interview.id),
  'interviews:create': (s) => [
    { bogus: 1 },
    { studyId: s.study.id },
    { studyId: s.study.id, scriptId: JTBD_EN, plannedMinutes: 1 },
    { studyId: s.study.id, scriptId: JTBD_EN, plannedMinutes: 61.5 },
    { studyId: s.study.id, scriptId: JTBD_EN, title: BIG },
    { studyId: s.study.id, scriptId: JTBD_EN, scheduledAt: 'tomorrow' },
    { studyId: s.study.id, scriptId: JTBD_EN, participantId: 42 },
  ],
  'interviews:update': (s) => [
    { bogus: 1 },
    { id: s.interview.id, nps: 11 },
    { id: s.interview.id, nps: -1 },
    { id: s.interview.id, nps: 7.5 },
    { id: s.interview.id, csat: 0 },
    { id: s.interview.id, ces: 8 },
    { id: s.interview.id, status: 'cancelled' },
    { id: s.interview.id, csiRatings: { price_value: 6 } },
    { id: s.interview.id, csiRatings: { charisma: 3 } },
    { id: s.interview.id, npsReason: BIG },
  ],
  'interviews:timer': (s) => [{ bogus: 1 }, { id: s.interview.id, action: 'stop' }, { id: s.interview.id }],
  'interviews:deleteImpact': (s) => byId(s, s.interview.id),
  'interviews:delete': (s) => byId(s, s.interview.id),

  'notes:list': () => [{ bogus: 1 }, 42, { interviewId: '' }],
  'notes:save': (s) => {
    const ok = {
      interviewId: s.interview.id,
      questionId: s.questionId,
      doc: { type: 'doc', content: [] },
      plainText: 'x',
    }
    return [
      { bogus: 1 },
      { ...ok, doc: { type: 'paragraph' } },
      { ...ok, doc: '<p>html</p>' },
      // Over-size notes are refused as TOO_LARGE (test/main/notes-size.test.ts).
      { ...ok, elapsedMs: -1 },
      { ...ok, questionId: '' },
      { ...ok, questionId: 'q'.repeat(65) },
    ]
  },

  'highlights:listForInterview': () => [{ bogus: 1 }, 42, { interviewId: '' }, { interviewId: BIG }],
  'highlights:create': () => [
    { bogus: 1 },
    { source: { type: 'note', noteId: 'n' }, start: 0, end: 2 },
    { source: { type: 'transcript', transcriptId: 't' }, start: -1, end: 2 },
    { source: { type: 'transcript', transcriptId: 't' }, start: 3, end: 3 },
    { source: { type: 'transcript', transcriptId: 't' }, start: 0, end: 2.5 },
    { source: { type: 'transcript', transcriptId: 't' }, start: 0, end: 2, emotion: 3 },
    { source: { type: 'transcript', transcriptId: 't' }, start: 0, end: 2, tagIds: [''] },
    { source: { type: 'transcript', transcriptId: 't' }, start: 0, end: 2, memo: BIG },
  ],
  'highlights:setTags': () => [
    { bogus: 1 },
    { id: 'h' },
    { id: 'h', tagIds: 'x' },
    { id: 'h', tagIds: Array.from({ length: 51 }, (_, i) => `t${i}`) },
  ],
  'highlights:update': () => [
    { bogus: 1 },
    { id: 'h', emotion: -3 },
    { id: 'h', emotion: 1.5 },
    { id: 'h', memo: BIG },
    { id: '' },
  ],
  'highlights:delete': (s) => byId(s, 'h'),
  'transcripts:import': (s) => [
    { bogus: 1 },
    { interviewId: s.interview.id, files: [] },
    { interviewId: s.interview.id, files: [{ name: '', text: 'x' }] },
    { interviewId: s.interview.id, files: [{ name: 'a.txt', text: 42 }] },
    { interviewId: s.interview.id, files: Array.from({ length: 51 }, () => ({ name: 'a.txt', text: 'x' })) },
  ],
  'transcripts:list': () => [{ bogus: 1 }, 42, { interviewId: '' }],
  'transcripts:get': (s) => byId(s, 't'),
  'transcripts:renameSpeaker': (s) => [
    ...byId(s, 't'),
    { id: 't', from: 'Dana' },
    { id: 't', from: '', to: 'Ann' },
    { id: 't', from: 'Dana', to: '   ' },
    { id: 't', from: 'Dana', to: 'x'.repeat(81) },
  ],
  'transcripts:delete': (s) => byId(s, 't'),

  'tags:list': () => [42, 'x', { kind: 'mood' }, { kind: 42 }],
  'tags:create': () => [
    { bogus: 1 },
    { name: '   ' },
    { name: BIG },
    { name: 'T', kind: 'mood' },
    { name: 'T', code: 'PRC 01' },
    { name: 'T', code: '01-PRC' },
    { name: 'T', color: 'red' },
    { name: 'T', emotionScore: 3 },
    { name: 'T', emotionScore: 1.5 },
    { name: 'T', parentId: 42 },
    { name: 'T', description: BIG },
  ],
  'tags:update': () => [
    { bogus: 1 },
    { name: 'no id' },
    { id: 'x', name: '' },
    { id: 'x', color: '#12345' },
    { id: 'x', code: 'has space' },
    { id: 'x', kind: 'mood' },
    { id: 'x', emotionScore: -3 },
    { id: 'x', prevention: BIG },
  ],
  'tags:move': () => [
    { bogus: 1 },
    { id: 'x' },
    { id: 'x', parentId: 42 },
    { id: 'x', parentId: null, position: -1 },
    { id: 'x', parentId: null, position: 1.5 },
  ],
  'tags:merge': () => [
    { bogus: 1 },
    { sourceId: 'x' },
    { targetId: 'x' },
    { sourceId: '', targetId: 'y' },
    { sourceId: 'x', targetId: BIG },
  ],
  'tags:deleteImpact': (s) => byId(s, 'x'),
  'tags:delete': (s) => byId(s, 'x'),
  'tags:restore': (s) => byId(s, 'x'),
  'tags:undoMerge': () => [undefined, {}, { mergeId: 42 }, { mergeId: '' }, { id: 'x' }],
  'tags:seedStarter': () => [
    { bogus: 1 },
    { codebook: 'everything', language: 'en' },
    { codebook: 'churn_reasons', language: 'de' },
    { codebook: 'churn_reasons' },
    42,
  ],
  'tags:exportQdc': () => noInput,
  'tags:importQdc': () => [{ bogus: 1 }, { xml: '' }, { xml: 42 }, { xml: 'x'.repeat(20_000_001) }, 'xml'],
  // analysis (churn roll-ups, imports, forces, job stories, matrices)
  'churn:rollup': () => [42, 'x', { studyId: 42 }, { studyId: '' }, { studyId: BIG }],
  'churn:quotes': () => [{ bogus: 1 }, {}, { tagId: '' }, { tagId: 42 }, { tagId: 't', studyId: 5 }],
  'churn:uncoded': () => [42, { studyId: 42 }, { studyId: BIG }],
  'churn:forInterview': () => [undefined, {}, { interviewId: 42 }, { interviewId: '' }, { interviewId: BIG }],
  'churn:setPrimary': (s) => [
    { bogus: 1 },
    { interviewId: s.interview.id },
    { interviewId: s.interview.id, tagId: 42 },
    { interviewId: '', tagId: null },
    { tagId: null },
  ],
  'churn:unmapped': () => [42, 'x', {}, [1]],
  'churn:surveyResponses': () => [undefined, {}, { companyId: 42 }, { companyId: '' }, { companyId: BIG }],
  'churn:mapReason': () => [
    { bogus: 1 },
    { reasonRaw: 'x' },
    { reasonRaw: 42, tagId: 't' },
    { reasonRaw: BIG, tagId: 't' },
    { reasonRaw: 'x', tagId: '' },
  ],
  'imports:preview': () => [
    { bogus: 1 },
    { kind: 'people', csv: 'a' },
    { kind: 'companies', csv: '' },
    { kind: 'companies' },
    { kind: 'companies', csv: 42 },
  ],
  'imports:companies': () => [
    { bogus: 1 },
    { csv: '' },
    { csv: 42 },
    { csv: 'x'.repeat(20_000_001) },
    { csv: 'name\nA', mapping: { name: 42 } },
    { csv: 'name\nA', skipInvalid: 'yes' },
  ],
  'imports:progress': () => noInput,
  'imports:churnSurvey': () => [
    { bogus: 1 },
    { csv: '' },
    { csv: 'a', studyId: 42 },
    { csv: 'a', dryRun: 1 },
    { csv: 'a', mapping: 'date' },
  ],
  'forces:summary': () => [42, { studyId: 42 }, { studyId: BIG }],
  'forces:timeline': () => [{ bogus: 1 }, { interviewId: '' }, { interviewId: 42 }, 42],
  'stories:list': () => [42, { studyId: 42 }, { interviewId: '' }],
  'stories:create': (s) => [
    { bogus: 1 },
    { interviewId: s.interview.id, situation: '', motivation: 'm', outcome: 'o' },
    { interviewId: s.interview.id, situation: 's', motivation: '   ', outcome: 'o' },
    { interviewId: s.interview.id, situation: 's', motivation: 'm' },
    { interviewId: s.interview.id, situation: BIG, motivation: 'm', outcome: 'o' },
  ],
  'stories:update': () => [{ bogus: 1 }, { id: '' }, { id: 'j', outcome: '' }, { id: 'j', situation: 42 }],
  'stories:delete': (s) => byId(s, 'x'),
  'matrix:cooccurrence': () => [
    { bogus: 1 },
    { tags: {} },
    { tags: { kind: 'mood' } },
    { tags: { parentId: '' } },
    { tags: { kind: 'theme' }, studyId: 42 },
  ],
  'matrix:segments': () => [
    { bogus: 1 },
    { tags: {} },
    { tags: { kind: 'mood' } },
    { tags: { parentId: 42 } },
  ],
  'search:query': () => [
    { bogus: 1 },
    {},
    { q: 42 },
    { q: BIG },
    { q: 'x', limit: 0 },
    { q: 'x', limit: 1000 },
    { q: 'x', studyId: '' },
    'x',
    42,
  ],
  'evidence:list': () => [
    42,
    'x',
    { segment: 'E' },
    { tagId: '' },
    { studyId: BIG },
    { from: '2026-13-01' },
    { from: '2026-03-01', to: '2026-02-01' },
    { offset: -1 },
    { limit: 0 },
    { limit: 501 },
    { groupBy: 'company' },
    { method: 'survey' },
  ],
  'evidence:filterOptions': () => noInput,

  'insights:list': () => [42, { studyId: 5 }, { search: BIG }, 'x'],
  'insights:get': (s) => byId(s, 'x'),
  'insights:create': (s) => [
    { bogus: 1 },
    { studyId: s.study.id, statement: { type: 'doc' } },
    { studyId: s.study.id, statement: { type: 'para' }, from: { kind: 'none' } },
    { studyId: 42, statement: { type: 'doc' }, from: { kind: 'none' } },
    { studyId: null, statement: { type: 'doc', content: [BIG] }, from: { kind: 'none' } },
    { studyId: null, statement: { type: 'doc' }, from: { kind: 'highlights', highlightIds: [] } },
    { studyId: null, statement: { type: 'doc' }, from: { kind: 'quadrant' } },
    { studyId: null, statement: { type: 'doc' }, status: 'final', from: { kind: 'none' } },
  ],
  'insights:update': (s) => [...byId(s, 'x'), { id: 'i', status: 'final' }, { id: 'i', owner: BIG }],
  'insights:link': () => [
    { bogus: 1 },
    { id: 'i', highlightIds: [], stance: 'for' },
    { id: 'i', highlightIds: ['h'], stance: 'maybe' },
    { id: 'i', highlightIds: 'h', stance: 'for' },
  ],
  'insights:unlink': () => [{ bogus: 1 }, { id: 'i' }, { id: 'i', highlightId: 42 }],
  'insights:delete': (s) => byId(s, 'x'),
  'reports:preview': () => [
    42,
    { studyId: 5 },
    { sections: ['churn', 'churn'] },
    { sections: ['cover'] },
    { filters: { segment: 'E' } },
    { filters: { from: '2025-13-40' } },
    { language: 'de' },
    { title: BIG },
  ],
  'reports:render': () => [{}, { format: 'exe' }, { format: 'pdf', anonymize: 'yes' }],
  'reports:progress': () => noInput,
  'reports:cancel': () => noInput,
  'boards:list': () => [42, { studyId: 5 }, { search: BIG }, 'x'],
  'boards:get': (s) => byId(s, 'x'),
  'boards:insights': (s) => byId(s, 'x'),
  'boards:create': (s) => [
    { bogus: 1 },
    { studyId: s.study.id, name: 'B', template: 'poster', language: 'en' },
    { studyId: s.study.id, name: '  ', template: 'empty', language: 'en' },
    { studyId: s.study.id, name: 'B', template: 'empty', language: 'de' },
    { studyId: s.study.id, name: 'B', template: 'empty', language: 'en', segment: 'E' },
    { studyId: 42, name: 'B', template: 'empty', language: 'en' },
  ],
  'boards:save': () => {
    const stage = { id: 's1', name: 'Awareness' }
    const lane = { id: 'l1', kind: 'text', name: 'Actions' }
    const card = { id: 'c1', laneId: 'l1', stageId: 's1', text: 'x' }
    return [
      { bogus: 1 },
      { id: 'b', baseRevision: 0, content: { stages: [], lanes: [], cards: [] } },
      { id: 'b', baseRevision: 1, content: { stages: [stage, stage], lanes: [], cards: [] } },
      {
        id: 'b',
        baseRevision: 1,
        content: { stages: [stage], lanes: [lane], cards: [{ ...card, stageId: 'nowhere' }] },
      },
      { id: 'b', baseRevision: 1, content: { stages: [{ ...stage, emotionToBe: 3 }], lanes: [], cards: [] } },
      {
        id: 'b',
        baseRevision: 1,
        content: { stages: [stage], lanes: [{ ...lane, kind: 'sticky' }], cards: [] },
      },
      {
        id: 'b',
        baseRevision: 1,
        content: { stages: [stage], lanes: [lane], cards: [{ ...card, teams: ['legal'] }] },
      },
      {
        id: 'b',
        baseRevision: 1,
        content: { stages: [stage], lanes: [lane], cards: [{ ...card, text: BIG }] },
      },
    ]
  },
  'boards:duplicate': (s) => [...byId(s, 'x'), { id: 'b', name: '   ' }],
  'boards:copyCards': () => [
    { bogus: 1 },
    { fromBoardId: 'a', cardIds: [], toBoardId: 'b' },
    { fromBoardId: 'a', cardIds: [42], toBoardId: 'b' },
  ],
  'boards:deleteImpact': (s) => byId(s, 'x'),
  'boards:delete': (s) => byId(s, 'x'),
  'boards:walkthrough': () => [{ bogus: 1 }, { id: 'b', language: 'de' }, { id: 42, language: 'en' }, 'x'],
  'exchange:exportQdpx': () => [42, 'x', { studyId: 42 }, { studyId: '' }, { studyId: BIG }, [1]],
  'exchange:importQdpx': () => [
    42,
    {},
    { name: 'p.qdpx' },
    { name: 'p.qdpx', base64: '' },
    { name: '', base64: 'UEsDBA==' },
    { name: 'p.qdpx', base64: 42 },
  ],
  'exchange:exportJson': () => [42, 'x', { studyId: 42 }, { studyId: '' }, { studyId: BIG }, [1]],
  'exchange:importJson': () => [
    ...path({ json: '{}' }).map((p) => (typeof p === 'object' ? { json: '{}', ...p } : p)),
    { path: '/tmp/new.fieldnote' },
    { path: '/tmp/new.fieldnote', json: '' },
    { path: '/tmp/new.fieldnote', json: 42 },
  ],
}

let t: TestApp
let seed: Seed

beforeEach(async () => {
  t = await setupApp()
  seed = await seedBasics(t.app)
})
afterEach(() => t.cleanup())

describe('every channel refuses malformed input with VALIDATION and writes nothing', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it.each(CHANNEL_NAMES.map((c) => [c]))('%s', async (channel) => {
    const sqlite = sqliteOf(t.app)
    const before = dbState(sqlite)
    const filesBefore = readdirSync(t.dir).sort()
    const current = await call(t.app, 'library:current')
    const inputs = MALFORMED[channel](seed)
    expect(inputs.length).toBeGreaterThan(0)
    for (const input of inputs) {
      const env = await invoke(t.app, channel, input)
      expect(env, `${channel} with ${JSON.stringify(input)?.slice(0, 120)}`).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      if (!env.ok) {
        expect(env.error.message.length).toBeGreaterThan(0)
        expect(env.error.message.length).toBeLessThan(2000)
      }
    }
    expect(dbState(sqlite)).toEqual(before)
    expect(readdirSync(t.dir).sort()).toEqual(filesBefore)
    expect(await call(t.app, 'library:current')).toEqual(current)
  })

  it('an unknown channel → UNKNOWN_CHANNEL, including prototype keys', async () => {
    const before = dbState(sqliteOf(t.app))
    for (const channel of [
      'studies:drop',
      'toString',
      '__proto__',
      'constructor',
      '',
      42,
      null,
      'x'.repeat(10_000),
    ]) {
      const err = await fail(t.app, channel, {})
      expect(err.code).toBe('UNKNOWN_CHANNEL')
      expect(err.message.length).toBeLessThan(200)
    }
    expect(dbState(sqliteOf(t.app))).toEqual(before)
  })

  it('valid input to the same channels succeeds (the refusals above are about the input, not the channel)', async () => {
    expect((await invoke(t.app, 'app:info', undefined)).ok).toBe(true)
    expect((await invoke(t.app, 'studies:list', undefined)).ok).toBe(true)
    expect(
      (
        await invoke(t.app, 'interviews:update', {
          id: seed.interview.id,
          nps: 10,
          csat: 5,
          ces: 7,
          csiRatings: { price_value: 5 },
        })
      ).ok,
    ).toBe(true)
    expect(
      (await invoke(t.app, 'companies:create', { name: 'Valid Co', customerSince: '2024-02-29' })).ok,
    ).toBe(true)
  })
})

describe('refusals once the input is valid: missing records, no open library', () => {
  it('references to records that do not exist → NOT_FOUND, nothing written', async () => {
    await expectRefused(
      t.app,
      'participants:create',
      { name: 'Orphan', companyId: 'no-such-company' },
      'NOT_FOUND',
    )
    await expectRefused(
      t.app,
      'interviews:create',
      { studyId: 'no-such-study', scriptId: JTBD_EN },
      'NOT_FOUND',
    )
    await expectRefused(
      t.app,
      'interviews:create',
      { studyId: seed.study.id, scriptId: 'no-such-script' },
      'NOT_FOUND',
    )
    await expectRefused(
      t.app,
      'interviews:update',
      { id: seed.interview.id, participantId: 'ghost' },
      'NOT_FOUND',
    )
    await expectRefused(t.app, 'studies:delete', { id: 'ghost' }, 'NOT_FOUND')
  })

  it('data channels without an open library → NO_LIBRARY', async () => {
    t.app.libraries.close()
    expect((await fail(t.app, 'studies:list', {})).code).toBe('NO_LIBRARY')
    expect(
      (
        await fail(t.app, 'notes:save', {
          interviewId: 'x',
          questionId: 'q',
          doc: { type: 'doc' },
          plainText: '',
        })
      ).code,
    ).toBe('NO_LIBRARY')
    // Validation still comes first.
    expect((await fail(t.app, 'studies:get', { bogus: 1 })).code).toBe('VALIDATION')
    await t.app.libraries.open(join(t.dir, 'Test.fieldnote'))
  })
})
