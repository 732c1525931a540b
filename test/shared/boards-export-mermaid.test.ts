import { describe, expect, it } from 'vitest'
import { boardMermaid, mermaidScore, mermaidText } from '../../src/shared/boards/board-mermaid'
import { exportBoard, exportInsights } from './boards-export-fixture'

/**
 * Mermaid's journey lexer and grammar (packages/mermaid/src/diagrams/user-journey/parser/journey.jison), rule
 * for rule: case-insensitive, the first rule that matches wins (jison without the flex option). Enough to tell
 * whether a block reads back as the sections and tasks we meant, without a browser.
 */
const RULES: [RegExp, string | null][] = [
  [/^%%(?!\{)[^\n]*/i, null],
  [/^[^}]%%[^\n]*/i, null],
  [/^[\n]+/i, 'NEWLINE'],
  [/^\s+/i, null],
  [/^#[^\n]*/i, null],
  [/^journey/i, 'journey'],
  [/^title\s[^#\n;]+/i, 'title'],
  [/^accTitle\s*:\s*/i, 'acc'],
  [/^accDescr\s*:\s*/i, 'acc'],
  [/^accDescr\s*\{\s*/i, 'acc'],
  [/^section\s[^#:\n;]+/i, 'section'],
  [/^[^#:\n;]+/i, 'taskName'],
  [/^:[^#\n;]+/i, 'taskData'],
  [/^:/i, ':'],
  [/^./i, 'INVALID'],
]

function lex(src: string): { type: string; text: string }[] {
  const out: { type: string; text: string }[] = []
  let rest = src
  while (rest.length) {
    const rule = RULES.find(([re]) => re.test(rest))!
    const text = rule[0].exec(rest)![0]
    if (rule[1]) out.push({ type: rule[1], text })
    rest = rest.slice(text.length)
  }
  return out
}

interface Journey {
  title: string
  sections: { name: string; tasks: { task: string; score: number; people: string[] }[] }[]
}

/** The grammar's statements into what Mermaid's journeyDb keeps; throws where Mermaid's parser would. */
function parseJourney(src: string): Journey {
  const tokens = lex(src)
  if (tokens.shift()?.type !== 'journey') throw new Error('no journey header')
  const out: Journey = { title: '', sections: [] }
  while (tokens.length) {
    const t = tokens.shift()!
    if (t.type === 'NEWLINE') continue
    if (t.type === 'title') out.title = t.text.slice(6)
    else if (t.type === 'section') out.sections.push({ name: t.text.slice(8), tasks: [] })
    else if (t.type === 'taskName') {
      const data = tokens.shift()
      if (data?.type !== 'taskData') throw new Error(`task "${t.text}" has no data`)
      const [score, people] = data.text.slice(1).split(':')
      out.sections.at(-1)?.tasks.push({
        task: t.text,
        score: Number(score),
        people: people ? people.split(',').map((p) => p.trim()) : [],
      })
    } else throw new Error(`unexpected ${t.type} "${t.text}"`)
  }
  return out
}

const block = boardMermaid(exportBoard(), exportInsights(), { language: 'en' })
const journey = parseJourney(block)

describe('board as a Mermaid journey', () => {
  it('starts with journey and the title, one section per visible stage', () => {
    expect(block.split('\n').slice(0, 3)).toEqual([
      'journey',
      '  title Self-serve journey ＜v2＞',
      '  section Awareness',
    ])
    expect(journey.title).toBe('Self-serve journey ＜v2＞')
    expect(journey.sections.map((s) => s.name)).toEqual([
      'Awareness',
      'Trial & sign-up',
      'Onboarding (no evidence)',
      'Regular use',
      'Renewal',
    ])
  })

  it('has a task per card of the visible card lanes, scored from the as-is emotion, with teams or lane as actors', () => {
    const [aware, trial, onb, use, renew] = journey.sections
    expect(aware?.tasks).toEqual([
      { task: '＜script＞alert(1)＜/script＞ & "x"', score: 3, people: ['Customer step'] },
      { task: '=HYPERLINK("http：//evil.example","click")', score: 3, people: ['Customer step'] },
      { task: 'Webinar', score: 3, people: ['Marketing', 'Sales'] },
    ])
    // The override (+1.5) is what the as-is curve draws, so it is the score.
    expect(trial?.tasks.map((t) => [t.task, t.score])).toEqual([
      ['-2+3 hidden sum', 5],
      ['+cmd|/c calc', 5],
      ['Guided trial with sample data', 5],
    ])
    // No evidence: Mermaid needs a score, so the middle one, and the section title says why.
    expect(onb?.tasks.map((t) => [t.task, t.score, t.people])).toEqual([
      ['@SUM(1+1)', 3, ['Customer step']],
      ['starts with a tab', 3, ['Customer step']],
      ['Welcome email', 3, ['Customer success']],
    ])
    expect(use?.tasks.map((t) => [t.task, t.score])).toEqual([
      ['Line one, "quoted" line two', 4],
      ['“Section 2： pricing； ＃1 issue next line”', 4],
    ])
    expect(renew?.tasks.map((t) => [t.task, t.score])).toEqual([
      ['Клиент сравнивает цены перед продлением', 1],
      [expect.stringMatching(/^A long card that goes on/), 1],
      ['NPS survey after renewal', 1],
    ])
    expect(block).not.toContain('Only on a hidden')
    expect(block).not.toContain('Internal hand-off')
  })

  it('a stage without cards still shows its score, and hidden lanes leave their cards out', () => {
    const b = exportBoard()
    const shown = parseJourney(
      boardMermaid({ ...b, content: { ...b.content, cards: [] } }, exportInsights(), {
        language: 'en',
        hiddenLanes: [],
      }),
    )
    expect(shown.sections.map((s) => s.tasks)).toEqual([
      [{ task: 'Awareness', score: 3, people: ['Customer'] }],
      [{ task: 'Trial & sign-up', score: 5, people: ['Customer'] }],
      [{ task: 'Onboarding', score: 3, people: ['Customer'] }],
      [{ task: 'Regular use', score: 4, people: ['Customer'] }],
      [{ task: 'Renewal', score: 1, people: ['Customer'] }],
    ])
    const noTouch = parseJourney(
      boardMermaid(b, exportInsights(), { language: 'en', hiddenLanes: ['l-touch'] }),
    )
    expect(noTouch.sections[0]?.tasks.map((t) => t.task)).not.toContain('Webinar')
  })

  it('keeps every separator, comment and keyword of the Mermaid syntax out of names', () => {
    for (const raw of ['a:b', 'a;b', 'a#b', 'a\nb', '5% off', '5%% off', '%% hidden', '<b>x</b>'])
      expect(mermaidText(raw), raw).not.toMatch(/[:;#%\n<>]/)
    const b = exportBoard()
    const tricky = [
      'Journey review',
      'title page',
      'Section 5 of the contract',
      'accDescr { x }',
      '5%% off',
      '',
    ]
    const cards = tricky.map((text, i) => ({ ...b.content.cards[0]!, id: `t-${i}`, text }))
    const parsed = parseJourney(
      boardMermaid({ ...b, name: 'A: b; #c', content: { ...b.content, cards } }, exportInsights(), {
        language: 'en',
      }),
    )
    expect(parsed.title).toBe('A： b； ＃c')
    expect(parsed.sections).toHaveLength(5)
    expect(parsed.sections[0]?.tasks.map((t) => t.task)).toEqual([
      '“Journey review”',
      '“title page”',
      '“Section 5 of the contract”',
      '“accDescr { x }”',
      '5％％ off',
      '-',
    ])
  })

  it('maps −2 … +2 onto 1 … 5, rounding half up; no evidence is 3', () => {
    expect([-2, -1.6, -1.5, -0.5, 0, 0.49, 0.5, 1.5, 2].map(mermaidScore)).toEqual([
      1, 1, 2, 3, 3, 3, 4, 5, 5,
    ])
    expect(mermaidScore(null)).toBe(3)
  })

  it('speaks Russian when asked', () => {
    const ru = parseJourney(boardMermaid(exportBoard(), exportInsights(), { language: 'ru' }))
    expect(ru.sections[2]?.name).toBe('Onboarding (нет данных)')
  })
})
