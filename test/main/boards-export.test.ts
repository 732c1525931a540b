import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { boardCsv } from '../../src/shared/boards/board-csv'
import { boardMermaid } from '../../src/shared/boards/board-mermaid'
import { boardPptx } from '../../src/shared/boards/board-pptx'
import { boardSvg } from '../../src/shared/boards/board-svg'
import { curveGeometry, emotionCurveSvg } from '../../src/shared/boards/emotion-curve'
import { backingText, boardView } from '../../src/shared/boards/export-model'
import { parseCsv } from '../../src/shared/csv/parse'
import { expectWellFormed, pptxParts, runs, slidesOf, textsOf } from '../shared/boards-export-tools'
import { MARKUP_CARD, saasBoardWithEvidence } from './boards-export-fixture'
import { setupApp, type TestApp } from './helpers'

/** The exports of a board the app made: the SaaS template, real quotes, insights from boards:insights. */
let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

describe('exports of a board from the app', () => {
  it('SVG: valid, the markup card escaped, the curve broken exactly where boards:insights finds no evidence', async () => {
    const { board, insights } = await saasBoardWithEvidence(t.app)
    const svg = boardSvg(board, insights, { language: 'en' })
    expectWellFormed(svg, 'board')
    expect(svg).not.toContain('<script')
    expect(textsOf(svg, 'tspan').join(' ')).toContain(MARKUP_CARD)
    const silent = insights.stages.filter((s) => s.emotion.source === 'none').map((s) => s.stageId)
    const view = boardView(board, insights, { language: 'en' })
    const geo = curveGeometry(view.stages, view.insight, { left: 0, columnWidth: 10, top: 0, height: 4 })
    expect(geo.gaps.map((g) => g.stageId)).toEqual(silent)
    // Awareness (override), Onboarding (−1.5), Support (+2) → Retention (−2): three runs, one of two points.
    const names = (ids: string[]) => ids.map((id) => board.content.stages.find((s) => s.id === id)?.name)
    expect(geo.asIs.map((seg) => names(seg.map((p) => p.stageId)))).toEqual([
      ['Awareness'],
      ['Onboarding & first use'],
      ['Support & service', 'Retention / renewal'],
    ])
    expect(geo.asIs.flat().map((p) => [p.source, p.value])).toEqual([
      ['override', 0.5],
      ['evidence', -1.5],
      ['evidence', 2],
      ['evidence', -2],
    ])
    const curve = emotionCurveSvg(board, insights, { language: 'en' })
    expectWellFormed(curve, 'curve')
    expect(curve.match(/<polyline[^>]*stroke="#2563eb"/g)).toHaveLength(1)
  })

  it('marks as assumptions only the cards that claim something about customers and cite nothing', async () => {
    const { board, insights } = await saasBoardWithEvidence(t.app)
    const view = boardView(board, insights, { language: 'en' })
    const kindOf = new Map(board.content.lanes.map((l) => [l.id, l.kind]))
    const cards = (kinds: string[]) => board.content.cards.filter((c) => kinds.includes(kindOf.get(c.laneId) ?? ''))
    const owned = cards(['teams', 'metrics'])
    expect(cards(['teams']).length).toBeGreaterThan(5) // the template's owning teams, one card per stage
    expect(owned.every((c) => backingText(view, c) === '')).toBe(true)
    const claims = cards(['text', 'touchpoints', 'opportunities']).filter((c) => c.evidence.length === 0)
    expect(claims.length).toBeGreaterThan(20)
    expect(claims.every((c) => backingText(view, c) === 'assumption')).toBe(true)
    const svg = boardSvg(board, insights, { language: 'en' })
    // Each claim card prints the word once, and the legend once more.
    expect(textsOf(svg, 'tspan').filter((x) => x === 'assumption')).toHaveLength(claims.length + 1)
  })

  it('CSV, Mermaid and PPTX carry every card of the template, in Russian too', async () => {
    const { board, insights } = await saasBoardWithEvidence(t.app, 'ru')
    const csv = parseCsv(boardCsv(board, insights))
    expect(csv.rows).toHaveLength(board.content.cards.length)
    expect(csv.rows.find((r) => r[4] === MARKUP_CARD)?.slice(-2)).toEqual(['1', '1'])

    const mermaid = boardMermaid(board, insights, { language: 'ru' })
    expect(mermaid.match(/^ {2}section /gm)).toHaveLength(10)
    expect(mermaid).toContain('  section Знакомство\n')
    expect(mermaid).toContain('  section Рассмотрение (нет данных)\n')
    expect(mermaid).not.toMatch(/[<>]/)

    const slides = slidesOf(pptxParts(await boardPptx(board, insights, { language: 'ru' })))
    for (const s of slides) expectWellFormed(s, 'slide')
    const titles = slides.map((s) => runs(s)[0])
    expect(titles.filter((x) => x === 'SaaS journey' || x?.startsWith('SaaS journey ('))).toHaveLength(4)
    for (const s of board.content.stages) expect(titles).toContain(s.name)
    const text = slides.map((s) => runs(s).join('\n')).join('\n')
    for (const card of board.content.cards) if (card.text) expect(text).toContain(card.text)
    expect(text).toContain('PRC-01')
  })
})
