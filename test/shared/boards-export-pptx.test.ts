import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { boardPptx } from '../../src/shared/boards/board-pptx'
import type { BoardCard } from '../../src/shared/domain/board'
import { exportBoard, exportInsights, NASTY } from './boards-export-fixture'
import { expectWellFormed, hasTool, pptxParts, runs, slidesOf, withTempDir } from './boards-export-tools'

const board = exportBoard()
const insights = exportInsights()
const bytes = await boardPptx(board, insights, { language: 'en' })
const parts = pptxParts(bytes)
const slides = slidesOf(parts)
/** The shapes of a slide, one XML string each. */
const shapes = (slide: string) => slide.split('<p:sp>').slice(1)
const text = (slide: string) => runs(slide).join('\n')

describe('board PPTX', () => {
  it('is a zip of slide XML: a title slide, the board, one slide per visible stage', () => {
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(parts.has('[Content_Types].xml')).toBe(true)
    expect(parts.has('ppt/presentation.xml')).toBe(true)
    expect(slides).toHaveLength(1 + 1 + 5)
    for (const [i, s] of slides.entries()) expectWellFormed(s, `slide ${i + 1}`)
    expect(text(slides[0]!)).toContain('Self-serve journey <v2>')
    expect(text(slides[0]!)).toContain('Study: Churn & onboarding <2026> · Segment B · Persona: Ops lead')
    expect(slides.slice(2).map((s) => runs(s)[0])).toEqual([
      'Awareness',
      'Trial & sign-up',
      'Onboarding',
      'Regular use',
      'Renewal',
    ])
  })

  it('holds the card texts as editable text runs, escaped, and nothing as a picture', () => {
    const all = [...parts.entries()].filter(([p]) => p.endsWith('.xml')).map(([, x]) => x)
    for (const x of all) expect(x).not.toMatch(/<script|alert\(1\)<\/|javascript:/i)
    expect(slides[1]).toContain('<a:t>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</a:t>')
    const onBoard = text(slides[1]!)
    for (const t of [
      NASTY,
      'Webinar',
      'Guided trial with sample data',
      'NPS survey after renewal',
      '@SUM(1+1)',
    ])
      expect(onBoard).toContain(t)
    expect(onBoard).toContain('Line one, "quoted"\nline two')
    expect(onBoard).toContain('Клиент сравнивает цены перед продлением')
    for (const s of slides) expect(s).not.toMatch(/<p:pic|<a:blip/)
    expect([...parts.keys()].filter((p) => p.startsWith('ppt/media/') && !p.endsWith('/'))).toEqual([])
    for (const gone of ['Only on a hidden lane', 'Only on a hidden stage', 'Internal hand-off', 'Backstage'])
      expect(slides.map(text).join('\n')).not.toContain(gone)
  })

  it('draws each card as a rounded rectangle, an assumption dashed', () => {
    const cards = shapes(slides[1]!).filter((s) => s.includes('prst="roundRect"') && s.includes('<a:t>'))
    // The 14 visible cards; the legend's assumption sample holds no text.
    expect(cards).toHaveLength(14)
    const nasty = cards.find((s) => s.includes('alert(1)'))!
    expect(nasty).toContain('companies: 2 · quotes: 2')
    expect(nasty).toContain('<a:prstDash val="solid"/>')
    const assumption = cards.find((s) => s.includes('HYPERLINK'))!
    expect(assumption).toContain('<a:prstDash val="dash"/>')
    expect(assumption).toContain('<a:t>assumption</a:t>')
  })

  it('draws the emotion curve as native lines, broken where a stage has no evidence', () => {
    const lines = shapes(slides[1]!).filter((s) => s.includes('prst="line"'))
    const asIs = lines.filter((s) => s.includes('<a:srgbClr val="2563EB"/>'))
    // Awareness → Trial and Regular use → Renewal, and the legend's sample; nothing through Onboarding.
    expect(asIs).toHaveLength(3)
    const toBe = lines.filter((s) => s.includes('<a:srgbClr val="059669"/>'))
    expect(toBe).toHaveLength(3) // Awareness → Trial → Onboarding, and the legend
    for (const s of toBe) expect(s).toContain('<a:prstDash val="dash"/>')
    const override = shapes(slides[1]!).filter((s) => s.includes('prst="diamond"'))
    expect(override).toHaveLength(2) // the point and the legend
    expect(text(slides[1]!)).toContain('+1.5 override')
    expect(text(slides[1]!)).toContain('no evidence')
  })

  it('gives each stage its cards, emotion, quotes count and churn reasons', () => {
    const renewal = text(slides[6]!)
    expect(renewal).toContain('As-is: −1.8 (n=5, ± 0.2) · To-be: +0.5')
    expect(renewal).toContain('quotes: 5 · companies: 4 · participants: 5')
    expect(renewal).toContain('PRC-01 Price <too> high — companies: 3, lost MRR: 12,345')
    expect(renewal).toContain('NPS -20 (n=5)')
    expect(renewal).toContain('Клиент сравнивает цены перед продлением')
    expect(renewal).toContain('needed for their finance team.')
    expect(slides[6]).toContain('<a:tbl>')
    const trial = text(slides[3]!)
    expect(trial).toContain('As-is: +1.5 (override; evidence: −1, n=2) · To-be: +1.5')
    expect(trial).toContain('owner: Dana · high priority · planned')
    const awareness = text(slides[2]!)
    expect(awareness).toContain(
      "“We found you through a webinar </text><script>alert(2)</script>” — Ann O'Neil, Acme & Co",
    )
    expect(text(slides[4]!)).toContain('As-is: no evidence · To-be: +1')
  })

  it('runs a big board over several board slides and a long stage over several stage slides', async () => {
    const b = exportBoard()
    const many: BoardCard[] = Array.from({ length: 60 }, (_, i) => ({
      ...b.content.cards[0]!,
      id: `m-${i}`,
      text: `Card number ${i} with a few words`,
      evidence: [],
    }))
    const big = { ...b, content: { ...b.content, cards: [...b.content.cards, ...many] } }
    const deck = slidesOf(pptxParts(await boardPptx(big, insights, { language: 'en' })))
    const titles = deck.map((s) => runs(s)[0])
    expect(titles.filter((t) => t?.startsWith('Self-serve journey <v2> ('))).toEqual([
      'Self-serve journey <v2> (1/2)',
      'Self-serve journey <v2> (2/2)',
    ])
    const all = deck.map(text).join('\n')
    for (let i = 0; i < 60; i++) expect(all).toContain(`Card number ${i} with a few words`)
    // Paragraph properties only ever open a paragraph (a file PowerPoint opens without offering repair).
    for (const s of deck)
      expect(s).not.toMatch(/<\/a:r><a:pPr|<a:txBody><a:bodyPr\/><a:lstStyle\/><\/a:txBody>/)
    // Awareness now holds 62 cards: its table runs on to further slides.
    expect(titles.filter((t) => t?.startsWith('Awareness'))).toEqual([
      'Awareness',
      'Awareness (2/4)',
      'Awareness (3/4)',
      'Awareness (4/4)',
    ])
    expect(deck.length).toBe(1 + 2 + 5 + 3)
  })
})

const office = hasTool('soffice') && hasTool('pdftoppm') && hasTool('pdftotext')
if (!office)
  console.warn(
    'boards-export-pptx: soffice or poppler missing, the LibreOffice check is skipped ' +
      '(apt-get install -y libreoffice-impress-nogui poppler-utils)',
  )

/** Pixels of a binary PPM (P6) close to a colour. */
function countColour(ppm: Buffer, [r, g, b]: [number, number, number]): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'))!
  let n = 0
  for (let i = header[0].length; i + 2 < ppm.length; i += 3)
    if (Math.abs(ppm[i]! - r) + Math.abs(ppm[i + 1]! - g) + Math.abs(ppm[i + 2]! - b) < 40) n++
  return n
}

describe.skipIf(!office)('board PPTX in LibreOffice', () => {
  it('opens, shows every slide with the card texts as text, and draws the board', { timeout: 180_000 }, () =>
    withTempDir((dir) => {
      const deck = join(dir, 'deck.pptx')
      writeFileSync(deck, bytes)
      const run = (cmd: string, args: string[]) => {
        const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 150_000 })
        expect(r.status, `${cmd}: ${r.stderr}`).toBe(0)
        return r.stdout
      }
      // A profile of its own, so a LibreOffice the user has open (or another test) does not get in the way.
      run('soffice', [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        deck,
      ])
      const pdf = join(dir, 'deck.pdf')
      expect(existsSync(pdf)).toBe(true)
      expect(run('pdfinfo', [pdf])).toMatch(/Pages:\s+7\n/)
      const words = run('pdftotext', [pdf, '-'])
      for (const t of [NASTY, 'Webinar', 'Guided trial with sample data', 'PRC-01', 'Клиент сравнивает цены'])
        expect(words).toContain(t)
      run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', pdf, join(dir, 'page')])
      for (const n of [1, 2, 3]) expect(statSync(join(dir, `page-${n}.png`)).size).toBeGreaterThan(3_000)
      // The board slide really draws the as-is curve (blue) and the override (orange).
      run('pdftoppm', ['-r', '50', '-f', '2', '-l', '2', pdf, join(dir, 'board')])
      const ppm = readFileSync(join(dir, 'board-2.ppm'))
      expect(countColour(ppm, [0x25, 0x63, 0xeb])).toBeGreaterThan(50)
      expect(countColour(ppm, [0xd9, 0x77, 0x06])).toBeGreaterThan(5)
    }),
  )
})
