import { statSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { reportPptx } from '../../src/main/services/reports/formats/pptx'
import { plainText } from '../../src/shared/reports/cells'
import { drawChart } from '../../src/shared/reports/charts'
import { REPORT_LABELS } from '../../src/shared/reports/labels'
import type { ReportBlock, ReportDocument } from '../../src/shared/reports/model'
import {
  expectWellFormed,
  pptxParts,
  runs as allRuns,
  slidesOf,
  withTempDir,
} from '../shared/boards-export-tools'
import { HOSTILE, reportFixture } from '../shared/report-fixture'
import { office, officePdf, run } from './reports-office'

type Insight = Extract<ReportBlock, { kind: 'insight' }>

const fixture = reportFixture()
const bytes = await reportPptx(fixture)
const parts = pptxParts(bytes)
const slides = slidesOf(parts)
/** A slide's text runs without its slide number field. */
const runs = (slide: string) => allRuns(slide.replace(/<a:fld\b[\s\S]*?<\/a:fld>/g, ''))
const text = (slide: string) => runs(slide).join('')
const insight = fixture.sections.find((s) => s.id === 'insights')!.blocks[0] as Insight

/** The fixture with the sections it lacks, as the report service builds them. */
function fullDoc(): ReportDocument {
  const doc = reportFixture()
  doc.sections.push(
    {
      id: 'forces',
      title: 'Forces of progress and job stories',
      blocks: [
        {
          kind: 'chart',
          chart: drawChart({
            title: 'Forces of progress',
            unit: 'participants',
            bars: ['Push', 'Pull', 'Anxiety', 'Habit'].map((label, i) => ({ label, value: 7 - i })),
          }),
        },
        {
          kind: 'table',
          caption: 'Forces',
          sheetName: 'Forces',
          columns: [
            { header: 'Force', type: 'text' },
            { header: 'Participants', type: 'integer' },
          ],
          rows: [
            ['Push', 7],
            ['Pull', 6],
          ],
        },
      ],
      children: [
        { title: 'Push', blocks: [{ kind: 'quote', text: 'A force quote', attribution: 'Ann' }] },
        {
          title: 'Job stories',
          blocks: [{ kind: 'bullets', items: [[{ text: 'When renewal comes → compare → pay less' }]] }],
        },
      ],
    },
    {
      id: 'method',
      title: 'Method and coverage',
      blocks: [
        { kind: 'paragraph', runs: [{ text: '12 interviews with 9 participants from 7 companies.' }] },
        {
          kind: 'table',
          caption: 'Interviews by ABCD segment',
          sheetName: 'Coverage',
          columns: [
            { header: 'Segment', type: 'text' },
            { header: 'Interviews', type: 'integer' },
          ],
          rows: Array.from({ length: 25 }, (_, i) => [`Segment ${i}`, i]),
        },
      ],
    },
    {
      id: 'metrics',
      title: 'NPS, CSAT, CES and CSI',
      blocks: [
        {
          kind: 'table',
          caption: 'NPS, CSAT, CES and CSI',
          sheetName: 'Metrics',
          columns: [
            { header: 'Metric', type: 'text' },
            { header: 'Value', type: 'decimal' },
          ],
          rows: [['NPS', 12.5]],
        },
      ],
    },
  )
  return doc
}

describe('report PPTX', () => {
  it('is a 16:9 deck: title, summary, an insight, the Pareto, the reasons, the board, the people', () => {
    expect(parts.has('[Content_Types].xml')).toBe(true)
    expect(parts.get('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"/>')
    expect(slides).toHaveLength(7)
    for (const [i, s] of slides.entries()) expectWellFormed(s, `slide ${i + 1}`)
    expect(runs(slides[0]!)).toEqual([fixture.title, fixture.subtitle])
    expect(text(slides[1]!)).toContain('Summary')
    expect(text(slides[2]!)).toContain(plainText(insight.statement))
    expect(runs(slides[3]!)[0]).toBe('Churn reasons')
    expect(text(slides[5]!)).toContain('Customer journey')
    expect(text(slides[6]!)).toContain('Participants and companies')
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>Churn study Q3 &lt;2026&gt; &amp; onboarding')
  })

  it('numbers every slide but the title slide', () => {
    expect(slides[0]).not.toContain('type="slidenum"')
    for (const s of slides.slice(1)) expect(s).toContain('type="slidenum"')
  })

  it('gives an insight its statement as the title, its confidence and reasons, and its quotes', () => {
    const s = slides[2]!
    const all = runs(s)
    expect(all.slice(0, 2)).toEqual(['Teams on the Basic plan leave when the renewal price jumps ', '>20%'])
    expect(all).toContain('Confidence: High (78%) · Status: validated')
    expect(all).toContain('Why')
    for (const r of insight.confidence.reasons) expect(all).toContain(r)
    expect(all).toContain("— Ann O'Neil, Acme & Co · Exit interview")
    expect(all).toContain('Against: ')
    // The quote against comes last, marked in red.
    expect(all.indexOf('Against: ')).toBeGreaterThan(all.indexOf(HOSTILE.cyrillic))
    expect(s).toContain('<a:srgbClr val="DC2626"/>')
  })

  it('draws the Pareto as a native combo chart: bars of the values, the cumulative share on a second axis', () => {
    const charts = [...parts.keys()].filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p))
    expect(charts).toHaveLength(1)
    const chart = parts.get(charts[0]!)!
    expectWellFormed(chart, 'chart')
    expect(chart).toContain('<c:barChart>')
    expect(chart).toContain('<c:lineChart>')
    const values = [...chart.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])
    for (const v of ['9', '5', '3', '2', '1', '0.45', '0.7', '0.85', '0.95']) expect(values).toContain(v)
    expect(values).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(values).toContain('INT-04 Нет интеграции с 1С')
    expect(chart).toContain('Churn reasons by companies &lt;top 10&gt;')
    expect(chart).toContain('Cumulative share')
    expect(slides[3]).toContain('<p:graphicFrame>')
  })

  it('writes the reasons as a native table, the numbers in the report language', () => {
    const s = slides[4]!
    expect(s).toContain('<a:tbl>')
    const cells = runs(s)
    for (const t of [
      'Lost MRR',
      '$12,345.67',
      '45%',
      HOSTILE.hyperlink,
      'Onboarding, "slow"',
      HOSTILE.cyrillic,
    ])
      expect(cells).toContain(t)
  })

  it('shows the journey board as a PNG picture with its text alternative', () => {
    const media = Object.entries(unzipSync(bytes)).filter(
      ([p]) => p.startsWith('ppt/media/') && !p.endsWith('/'),
    )
    expect(media).toHaveLength(1)
    const [path, png] = media[0]!
    expect(path).toMatch(/\.png$/)
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(png.length).toBeGreaterThan(20_000)
    expect(slides[5]).toContain('<p:pic>')
    expect(slides[5]).toContain(
      'descr="Journey board Self-serve journey &lt;v2&gt;: 5 stages, emotion dips at renewal"',
    )
    for (const s of [...slides.slice(0, 5), slides[6]!]) expect(s).not.toContain('<p:pic>')
  })

  it('escapes every hostile string as text and keeps Cyrillic', () => {
    const xml = [...parts.entries()].filter(([p]) => p.endsWith('.xml') || p.endsWith('.rels'))
    for (const [p, x] of xml)
      expect(x, p).not.toMatch(/<script|<img|<a href|javascript:alert\(1\)"|evil\.example\/pixel"/i)
    const all = slides.map(text).join('\n')
    for (const h of Object.values(HOSTILE)) expect(all).toContain(h)
    expect(slides[1]).toContain('&lt;img src=&quot;https://evil.example/pixel.png&quot;&gt;')
    // Paragraph properties only open a paragraph, even where a paragraph has runs of several marks.
    for (const s of slides) expect(s).not.toMatch(/<\/a:r><a:pPr/)
    expect(slides[1]).toMatch(/<a:rPr[^>]* b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>main<\/a:t>/)
  })

  it('writes a Russian report in Russian, with the language on its text', async () => {
    const deck = slidesOf(
      pptxParts(await reportPptx({ ...reportFixture(), language: 'ru', anonymized: true })),
    )
    const ru = REPORT_LABELS.ru
    expect(runs(deck[0]!)).toContain(ru.anonymized)
    expect(runs(deck[2]!)).toContain('Уверенность: High (78%) · Статус: validated')
    expect(runs(deck[2]!)).toContain(ru.formats.reasons)
    expect(runs(deck[2]!)).toContain(`${ru.insights.against}: `)
    expect(deck[2]).toContain('lang="ru-RU"')
    expect(deck[2]).not.toContain('lang="en-US" altLang')
  })

  it('puts the forces chart beside its table, the job stories as bullets, and cuts a long table', async () => {
    const deck = slidesOf(pptxParts(await reportPptx(fullDoc())))
    expect(deck).toHaveLength(7 + 4)
    const [forces, stories, method, metrics] = deck.slice(7)
    expect(forces).toContain('<p:graphicFrame>')
    expect(forces).toContain('<a:tbl>')
    expect(runs(forces!)).toContain('Participants')
    expect(runs(stories!)).toEqual(['Job stories', 'When renewal comes → compare → pay less'])
    expect(stories).toContain('<a:buChar')
    expect(text(deck.join(''))).not.toContain('A force quote')
    expect(runs(method!)).toContain('12 interviews with 9 participants from 7 companies.')
    expect(runs(method!)).toContain('Segment 9')
    expect(runs(method!)).not.toContain('Segment 10')
    expect(runs(method!)).toContain('…and 15 more')
    expect(runs(metrics!)).toContain('12.5')
  })

  it('stays within 40 slides for 5,000 appendix quotes and 30 insights', async () => {
    const doc = fullDoc()
    const many: Insight[] = Array.from({ length: 30 }, (_, i) => ({
      ...insight,
      statement: [{ text: `Insight number ${i}` }],
      quotes: Array.from({ length: 6 }, (__, j) => ({
        text: `Quote ${j} for insight ${i}`,
        attribution: 'Ann',
        stance: j === 5 ? ('against' as const) : ('for' as const),
      })),
    }))
    doc.sections.find((s) => s.id === 'insights')!.blocks = many
    doc.sections.push({
      id: 'appendix',
      title: 'Appendix: quotes by tag',
      blocks: [{ kind: 'paragraph', runs: [{ text: '5000 quotes' }] }],
      children: Array.from({ length: 50 }, (_, t) => ({
        title: `Tag ${t} (100)`,
        blocks: Array.from({ length: 100 }, (__, q) => ({
          kind: 'quote' as const,
          text: `Appendix quote ${t}-${q}`,
          attribution: 'Bob',
        })),
      })),
    })
    const started = performance.now()
    const deck = slidesOf(pptxParts(await reportPptx(doc)))
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(deck.length).toBeLessThanOrEqual(40)
    const all = deck.map(text).join('\n')
    expect(all).not.toContain('Appendix quote')
    const appendix = runs(deck[deck.length - 1]!)
    expect(appendix.slice(0, 3)).toEqual(['Appendix: quotes by tag', '5000 quotes', 'Tag 0 (100)'])
    expect(appendix[appendix.length - 1]).toMatch(/^…and \d+ more$/)
    // Twenty insights get a slide each; the other ten are listed on one more slide.
    const own = deck.filter((s) => /^Insight number \d+$/.test(runs(s)[0] ?? ''))
    expect(own).toHaveLength(20)
    const rest = deck.find((s) => runs(s)[0] === 'Key insights')!
    for (let i = 20; i < 30; i++) expect(runs(rest)).toContain(`Insight number ${i}`)
    // At most three quotes, the one against among them.
    const first = runs(own[0]!)
    expect(first.filter((t) => t.startsWith('Quote '))).toEqual([
      'Quote 0 for insight 0',
      'Quote 1 for insight 0',
      'Quote 5 for insight 0',
    ])
  })
})

if (!office)
  console.warn(
    'reports-pptx: soffice or poppler missing, the LibreOffice check is skipped ' +
      '(apt-get install -y libreoffice-impress-nogui poppler-utils)',
  )

describe.skipIf(!office)('report PPTX in LibreOffice', () => {
  it(
    'opens, shows every slide with the insight and the chart as text, and renders',
    { timeout: 180_000 },
    () =>
      withTempDir((dir) => {
        const pdf = officePdf(dir, 'deck.pptx', bytes)
        expect(run('pdfinfo', [pdf])).toMatch(/Pages:\s+7\n/)
        const words = run('pdftotext', [pdf, '-']).replace(/\s+/g, ' ')
        for (const t of [
          'Teams on the Basic plan leave when the renewal price jumps >20%',
          'Churn reasons by companies <top 10>',
          'Cumulative share',
          HOSTILE.cyrillic,
          '$12,345.67',
        ])
          expect(words).toContain(t)
        run('pdftoppm', ['-png', '-r', '50', pdf, join(dir, 'page')])
        for (const n of [1, 2, 3, 4, 5, 6, 7])
          expect(statSync(join(dir, `page-${n}.png`)).size).toBeGreaterThan(3_000)
      }),
  )
})
