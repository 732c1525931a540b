import { describe, expect, it } from 'vitest'
import { boardSvg } from '../../src/shared/boards/board-svg'
import { curveGeometry, emotionCurveSvg } from '../../src/shared/boards/emotion-curve'
import { boardView } from '../../src/shared/boards/export-model'
import { esc } from '../../src/shared/boards/svg'
import { wrap } from '../../src/shared/boards/wrap'
import { exportBoard, exportInsights, NASTY } from './boards-export-fixture'
import { expectWellFormed, textsOf, vocabulary } from './boards-export-tools'

const board = exportBoard()
const insights = exportInsights()
const svg = boardSvg(board, insights, { language: 'en' })

/** Everything an SVG may contain here: drawing elements and presentation attributes, nothing that runs or loads. */
const ELEMENTS = new Set(['svg', 'title', 'g', 'rect', 'line', 'polyline', 'circle', 'path', 'text', 'tspan'])
const ATTRIBUTES = new Set(
  (
    'xmlns width height viewBox font-family role x y x1 y1 x2 y2 rx cx cy r d points dy fill stroke stroke-width ' +
    'stroke-dasharray stroke-linejoin font-size font-weight font-style text-anchor'
  ).split(' '),
)

function expectInert(doc: string) {
  const { tags, attributes } = vocabulary(doc)
  expect([...tags].filter((t) => !ELEMENTS.has(t))).toEqual([])
  expect([...attributes].filter((a) => !ATTRIBUTES.has(a))).toEqual([])
  expect(doc).not.toMatch(/<script|javascript:|url\(|<!ENTITY|<!DOCTYPE|<\?xml-stylesheet/i)
}

/** The words of the drawing, tspan by tspan, unescaped and joined: what a reader of the picture sees. */
const words = (doc: string) => textsOf(doc, 'tspan').join(' ')

describe('board SVG', () => {
  it('is well-formed XML that xmllint accepts, and nothing in it can run or load anything', () => {
    expectWellFormed(svg, 'board')
    expectInert(svg)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  })

  it('holds card and quote text only escaped: markup from a card is text', () => {
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;')
    expect(svg).toContain('&quot;x&quot;')
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(svg).toContain('Ann O&apos;Neil, Acme &amp; Co')
    expect(svg).toContain('<title>Self-serve journey &lt;v2&gt;</title>')
    expect(words(svg)).toContain(NASTY)
    expect(words(svg)).toContain('Price <too> high')
  })

  it('draws stages as columns and lanes as rows, without hidden stages or lanes', () => {
    const text = words(svg)
    for (const s of ['Awareness', 'Trial & sign-up', 'Onboarding', 'Regular use', 'Renewal'])
      expect(text).toContain(s)
    for (const l of ['Customer step', 'Touchpoints', 'Emotion', 'Evidence', 'Churn risk', 'Opportunities'])
      expect(text).toContain(l)
    expect(text).not.toContain('Internal hand-off')
    expect(text).not.toContain('Only on a hidden stage')
    expect(text).not.toContain('Backstage')
    expect(text).not.toContain('Only on a hidden lane')
    const x = (s: string) => Number(new RegExp(`<text x="([\\d.]+)"[^>]*><tspan[^>]*>${s}<`).exec(svg)?.[1])
    expect(x('Awareness')).toBeLessThan(x('Trial &amp; sign-up'))
    expect(x('Trial &amp; sign-up')).toBeLessThan(x('Renewal'))
    const y = (s: string) =>
      Number(new RegExp(`<text x="[\\d.]+" y="([\\d.]+)"[^>]*><tspan[^>]*>${s}<`).exec(svg)?.[1])
    expect(y('Customer step')).toBeLessThan(y('Touchpoints'))
    expect(y('Touchpoints')).toBeLessThan(y('Opportunities'))
  })

  it('a presentation can hide lanes by id', () => {
    const shown = boardSvg(board, insights, { language: 'en', hiddenLanes: ['l-touch', 'l-churn'] })
    expect(words(shown)).not.toContain('Webinar')
    expect(words(shown)).not.toContain('Setup too hard')
    expect(words(shown)).toContain('Guided trial with sample data')
  })

  it('shows evidence counts, card backing, assumptions, ratings and churn reasons with lost MRR', () => {
    const text = words(svg)
    expect(text).toContain('quotes: 6 · companies: 3 · participants: 4')
    expect(text).toContain('companies: 2 · quotes: 2')
    expect(text).toContain('assumption')
    expect(text).toContain('Zoom · Marketing, Sales')
    expect(text).toContain('owner: Dana · high priority · planned')
    expect(text).toContain('CES 4.5 (n=2)')
    expect(text).toContain('NPS -20 (n=5)')
    expect(text).toMatch(/ONB-02 Setup too hard — companies: 2, lost MRR: 2,500/)
    expect(text).toMatch(/PRC-01 Price <too> high — companies: 3, lost MRR: 12,345/)
    // A card without evidence is drawn dashed: visibly an assumption.
    expect(svg.match(/stroke-dasharray="4 3"/g)?.length).toBeGreaterThan(5)
  })

  it('is the same string for the same board, and speaks Russian when asked', () => {
    expect(boardSvg(exportBoard(), exportInsights(), { language: 'en' })).toBe(svg)
    const ru = boardSvg(board, insights, { language: 'ru' })
    expectWellFormed(ru, 'ru board')
    expect(words(ru)).toContain('Как должно быть')
    expect(words(ru)).toContain('предположение')
  })
})

describe('emotion curve', () => {
  const view = boardView(board, insights, { language: 'en' })
  const geo = curveGeometry(view.stages, view.insight, { left: 0, columnWidth: 100, top: 0, height: 40 })

  it('breaks the as-is line at a stage without evidence: a gap, not a zero', () => {
    expect(geo.asIs.map((seg) => seg.map((p) => p.stageId))).toEqual([
      ['s-aware', 's-trial'],
      ['s-use', 's-renew'],
    ])
    expect(geo.gaps.map((g) => g.stageId)).toEqual(['s-onb'])
    expect(geo.asIs[0]?.[1]).toMatchObject({ source: 'override', value: 1.5, meanY: geo.y(-1) })
    expect(geo.asIs[0]?.[0]).toMatchObject({ source: 'evidence', value: -0.5, n: 4, y: 25 })
    // The to-be curve breaks where no hope was drawn.
    expect(geo.toBe.map((seg) => seg.map((p) => p.stageId))).toEqual([
      ['s-aware', 's-trial', 's-onb'],
      ['s-renew'],
    ])
  })

  it('draws the as-is segments solid, the override as a diamond, the to-be dashed, the gap labelled', () => {
    const polylines = [...svg.matchAll(/<polyline points="([^"]+)"[^>]*stroke="#2563eb"/g)].map((m) => m[1])
    expect(polylines).toHaveLength(2)
    expect(polylines.every((p) => p?.split(' ').length === 2)).toBe(true)
    expect(svg.match(/<polyline[^>]*stroke="#059669"[^>]*stroke-dasharray="6 4"/g)).toHaveLength(1)
    expect(svg.match(/<path d="M[^"]+Z" fill="#ffffff" stroke="#d97706"/g)).toHaveLength(2) // the point and the legend
    expect(words(svg)).toContain('+1.5 override')
    expect(words(svg)).toContain('−0.5 (n=4)')
    expect(words(svg)).toContain('no evidence')
    expect(words(svg)).toContain('Nobody talked about onboarding yet')
  })

  it('alone, for the reports: the same curve with its axis, stage names and legend', () => {
    const curve = emotionCurveSvg(board, insights, { language: 'en' })
    expectWellFormed(curve, 'curve')
    expectInert(curve)
    expect(curve.match(/<polyline[^>]*stroke="#2563eb"/g)).toHaveLength(2)
    expect(curve.match(/<polyline[^>]*stroke-dasharray="6 4"/g)).toHaveLength(1)
    expect(words(curve)).toContain('+2')
    expect(words(curve)).toContain('−2')
    expect(words(curve)).toContain('Trial & sign-up')
    expect(words(curve)).not.toContain('Internal hand-off')
    expect(emotionCurveSvg(board, insights, { language: 'en' })).toBe(curve)
  })

  it('a board nobody spoke about has no line at all', () => {
    const silent = {
      ...insights,
      stages: insights.stages.map((s) => ({
        ...s,
        emotion: { ...s.emotion, n: 0, mean: null, value: null, source: 'none' as const },
      })),
    }
    const plain = {
      ...board,
      content: {
        ...board.content,
        stages: board.content.stages.map((s) => ({ ...s, emotionToBe: null, emotionOverride: null })),
      },
    }
    const curve = emotionCurveSvg(plain, silent, { language: 'en' })
    expect(curve).not.toContain('<polyline')
    expect(curve.match(/>no evidence</g)).toHaveLength(6) // five stages and the legend
  })
})

describe('SVG text', () => {
  it('escapes the five XML specials and drops characters XML cannot hold', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;')
    expect(esc('a\u0000b\u0007c\u001bd\ud800e\uffff')).toBe('abcde')
    expect(esc('emoji 😀 ok')).toBe('emoji 😀 ok')
  })

  it('wraps at spaces, keeps line breaks, breaks long words and ends a cut text with an ellipsis', () => {
    expect(wrap('one two three four', 60, 10)).toEqual(['one two', 'three four'])
    expect(wrap('a\nb', 100, 10)).toEqual(['a', 'b'])
    expect(wrap('x'.repeat(30), 60, 10).every((l) => l.length <= 10)).toBe(true)
    const cut = wrap('one two three four five six seven', 60, 10, 2)
    expect(cut).toHaveLength(2)
    expect(cut[1]?.endsWith('…')).toBe(true)
  })
})
