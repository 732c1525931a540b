import type { Board, BoardCard, BoardInsights } from '../../src/shared/domain/board'

/**
 * A hand-made board for the export tests: every lane kind, a hidden stage and a hidden lane, a stage with no
 * evidence (a gap), an override, a to-be curve with a hole, and card texts chosen to break each format:
 * markup, formulas, CSV quoting, Mermaid separators, Cyrillic, a long text.
 */
export const NASTY = `<script>alert(1)</script> & "x"`

const card = (
  id: string,
  laneId: string,
  stageId: string,
  text: string,
  extra: Partial<BoardCard> = {},
): BoardCard => ({
  id,
  laneId,
  stageId,
  text,
  tagId: null,
  channel: '',
  teams: [],
  owner: '',
  priority: null,
  status: null,
  answers: [],
  evidence: [],
  ...extra,
})

const stage = (id: string, name: string, extra: Partial<Board['content']['stages'][number]> = {}) => ({
  id,
  name,
  hidden: false,
  tagId: `tag-${id}`,
  emotionToBe: null,
  emotionOverride: null,
  emotionNote: '',
  ...extra,
})

export function exportBoard(): Board {
  const cards: BoardCard[] = [
    card('c-nasty', 'l-step', 's-aware', NASTY, { evidence: ['h-1', 'h-2'] }),
    card('c-formula', 'l-step', 's-aware', '=HYPERLINK("http://evil.example","click")'),
    card('c-minus', 'l-step', 's-trial', '-2+3 hidden sum'),
    card('c-plus', 'l-step', 's-trial', '+cmd|/c calc'),
    card('c-at', 'l-step', 's-onb', '@SUM(1+1)'),
    card('c-tab', 'l-step', 's-onb', '\tstarts with a tab'),
    card('c-quote', 'l-step', 's-use', 'Line one, "quoted"\nline two'),
    card('c-mermaid', 'l-step', 's-use', 'Section 2: pricing; #1 issue\nnext line'),
    card('c-ru', 'l-step', 's-renew', 'Клиент сравнивает цены перед продлением'),
    card(
      'c-long',
      'l-step',
      's-renew',
      'A long card that goes on about how the customer tried to find the export button, asked support twice, ' +
        'read three help articles and still could not get the invoice they needed for their finance team.',
    ),
    card('c-touch', 'l-touch', 's-aware', 'Webinar', {
      channel: 'Zoom',
      teams: ['marketing', 'sales'],
      evidence: ['h-3'],
    }),
    card('c-touch2', 'l-touch', 's-onb', 'Welcome email', { channel: 'Email', teams: ['customer_success'] }),
    card('c-nps', 'l-metric', 's-renew', 'NPS survey after renewal'),
    card('c-opp', 'l-opp', 's-trial', 'Guided trial with sample data', {
      owner: 'Dana',
      priority: 'high',
      status: 'planned',
      answers: ['c-minus'],
    }),
    card('c-hidden-stage', 'l-step', 's-internal', 'Only on a hidden stage'),
    card('c-hidden-lane', 'l-back', 's-aware', 'Only on a hidden lane'),
  ]
  return {
    id: 'b-1',
    studyId: 'st-1',
    studyName: 'Churn & onboarding <2026>',
    name: 'Self-serve journey <v2>',
    description: 'From first visit to renewal',
    segment: 'B',
    persona: 'Ops lead',
    stages: 6,
    cards: cards.length,
    revision: 3,
    updatedAt: '2026-03-02T09:00:00.000Z',
    content: {
      stages: [
        stage('s-aware', 'Awareness', { emotionToBe: 1 }),
        stage('s-trial', 'Trial & sign-up', { emotionOverride: 1.5, emotionToBe: 1.5 }),
        stage('s-onb', 'Onboarding', { emotionToBe: 1, emotionNote: 'Nobody talked about onboarding yet' }),
        stage('s-internal', 'Internal hand-off', { hidden: true }),
        stage('s-use', 'Regular use'),
        stage('s-renew', 'Renewal', { emotionToBe: 0.5 }),
      ],
      lanes: [
        { id: 'l-step', kind: 'text', name: 'Customer step', hidden: false },
        { id: 'l-touch', kind: 'touchpoints', name: 'Touchpoints', hidden: false },
        { id: 'l-emo', kind: 'emotion', name: 'Emotion', hidden: false },
        { id: 'l-ev', kind: 'evidence', name: 'Evidence', hidden: false },
        { id: 'l-metric', kind: 'metrics', name: 'Metric moments', hidden: false },
        { id: 'l-churn', kind: 'churn', name: 'Churn risk', hidden: false },
        { id: 'l-opp', kind: 'opportunities', name: 'Opportunities', hidden: false },
        { id: 'l-back', kind: 'text', name: 'Backstage', hidden: true },
      ],
      cards,
    },
  }
}

type StageInsight = BoardInsights['stages'][number]
const emotion = (
  values: number[],
  override: number | null = null,
  companies = values.length,
): StageInsight['emotion'] => {
  const n = values.length
  const mean = n ? values.reduce((a, b) => a + b, 0) / n : null
  const sd = mean === null ? null : Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n)
  const value = override ?? mean
  return {
    n,
    mean,
    min: n ? Math.min(...values) : null,
    max: n ? Math.max(...values) : null,
    sd,
    companies,
    participants: n,
    value,
    source: override !== null ? 'override' : mean !== null ? 'evidence' : 'none',
  }
}

const noEvidence = { highlights: 0, companies: 0, participants: 0, quotes: [] }

export function exportInsights(): BoardInsights {
  return {
    stages: [
      {
        stageId: 's-aware',
        emotion: emotion([-1, 0, -1, 0]),
        evidence: {
          highlights: 6,
          companies: 3,
          participants: 4,
          quotes: [
            {
              highlightId: 'h-1',
              quote: `We found you through a webinar </text><script>alert(2)</script>`,
              participantName: "Ann O'Neil",
              companyName: 'Acme & Co',
              interviewId: 'i-1',
              questionId: null,
              transcriptId: 't-1',
              transcriptParagraph: 2,
            },
          ],
        },
        metrics: [],
        churn: [],
      },
      {
        stageId: 's-trial',
        emotion: emotion([-1, -1], 1.5),
        evidence: { highlights: 2, companies: 2, participants: 2, quotes: [] },
        metrics: [{ metric: 'ces', n: 2, value: 4.5 }],
        churn: [{ tagId: 'tg-1', code: 'ONB-02', name: 'Setup too hard', companies: 2, lostMrr: 250_000 }],
      },
      { stageId: 's-onb', emotion: emotion([]), evidence: noEvidence, metrics: [], churn: [] },
      { stageId: 's-internal', emotion: emotion([2]), evidence: noEvidence, metrics: [], churn: [] },
      {
        stageId: 's-use',
        emotion: emotion([1, 1.5, 1]),
        evidence: { highlights: 3, companies: 2, participants: 3, quotes: [] },
        metrics: [],
        churn: [],
      },
      {
        stageId: 's-renew',
        emotion: emotion([-2, -2, -1.5, -2, -1.5]),
        evidence: { highlights: 5, companies: 4, participants: 5, quotes: [] },
        metrics: [{ metric: 'nps', n: 5, value: -20 }],
        churn: [
          { tagId: 'tg-2', code: 'PRC-01', name: 'Price <too> high', companies: 3, lostMrr: 1_234_500 },
          { tagId: 'tg-3', code: null, name: 'Missing invoices', companies: 1, lostMrr: 0 },
        ],
      },
    ],
    cards: [
      { cardId: 'c-nasty', highlights: 2, companies: 2, participants: 2 },
      { cardId: 'c-touch', highlights: 1, companies: 1, participants: 1 },
    ],
  }
}
