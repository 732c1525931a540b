import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import PptxGenJS from 'pptxgenjs'
import { plainText } from '../../../../shared/reports/cells'
import { REPORT_LABELS } from '../../../../shared/reports/labels'
import type { ReportBlock, ReportDocument, ReportSection } from '../../../../shared/reports/model'
import { addChartSlide, addFigureSlide, addTable, addTableSlide } from './pptx-data'
import {
  addInsightSlide,
  addTextBox,
  addTextSlide,
  addTitleSlide,
  textItems,
  type TextItem,
} from './pptx-slides'
import { CONTENT, contentSlide, deckLang, fixParagraphs, heightOf, lineCount, type Deck } from './pptx-theme'

/**
 * The report as the deck a team presents (pptxgenjs, 16:9): a title slide, then the sections in the report's
 * order — the summary's text, one slide per key insight, the churn Pareto and forces as native charts, the
 * reasons and metrics as native tables, each journey board as a picture, and one slide for each other
 * section with its first table or list. All text is text, so the deck is edited, not redrawn. A deck is read
 * from across a room: every slide is cut to what fits it ("…and N more"), and the caps keep even a library
 * of thousands of quotes under 40 slides; the HTML, DOCX and XLSX reports hold everything.
 */
export async function reportPptx(doc: ReportDocument): Promise<Uint8Array> {
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = doc.title
  pptx.subject = doc.subtitle
  pptx.company = 'Fieldnote'
  pptx.author = 'Fieldnote'
  pptx.theme = { headFontFace: 'Arial', bodyFontFace: 'Arial' }
  const deck: Deck = { pptx, doc, labels: REPORT_LABELS[doc.language], lang: deckLang(doc) }
  addTitleSlide(deck)
  for (const section of doc.sections) addSection(deck, section)
  const out = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array
  return repaired(out)
}

const MAX_INSIGHTS = 20
const MAX_FIGURES = 3
const MAX_CHARTS = 2

type Kind = ReportBlock['kind']
const blocksOf = <K extends Kind>(blocks: readonly ReportBlock[], kind: K) =>
  blocks.filter((b): b is Extract<ReportBlock, { kind: K }> => b.kind === kind)

function addSection(deck: Deck, s: ReportSection): void {
  const charts = blocksOf(s.blocks, 'chart')
  const table = blocksOf(s.blocks, 'table')[0]
  switch (s.id) {
    case 'summary':
      return addTextSlide(deck, s.title, textItems(s.blocks))
    case 'insights': {
      const insights = blocksOf(s.blocks, 'insight')
      if (!insights.length) return addGenericSlide(deck, s)
      for (const b of insights.slice(0, MAX_INSIGHTS)) addInsightSlide(deck, b)
      const rest = insights.slice(MAX_INSIGHTS)
      if (rest.length)
        addTextSlide(
          deck,
          s.title,
          rest.map((b) => ({ runs: b.statement, bullet: true })),
        )
      return
    }
    case 'churn':
      if (!charts.length && !table) return addGenericSlide(deck, s)
      for (const c of charts.slice(0, MAX_CHARTS)) addChartSlide(deck, s.title, c.chart)
      if (table) addTableSlide(deck, s.title, table)
      return
    case 'forces': {
      const chart = charts[0]
      if (chart) addChartSlide(deck, s.title, chart.chart, table)
      else if (table) addTableSlide(deck, s.title, table)
      const stories = (s.children ?? []).filter((c) => c.blocks.some((b) => b.kind === 'bullets'))
      for (const c of stories) addTextSlide(deck, c.title, textItems(c.blocks))
      if (!chart && !table && !stories.length) addGenericSlide(deck, s)
      return
    }
    case 'journey': {
      const figures = blocksOf(s.blocks, 'figure')
      if (!figures.length) return addGenericSlide(deck, s)
      for (const f of figures.slice(0, MAX_FIGURES)) addFigureSlide(deck, s.title, f)
      return
    }
    case 'metrics':
      return table ? addTableSlide(deck, s.title, table) : addGenericSlide(deck, s)
    default:
      return addGenericSlide(deck, s)
  }
}

/**
 * A section on one slide: the paragraphs that lead it, then its first table, or its first list, or the list
 * of its sub-sections (the appendix's tags with their counts, never its quotes).
 */
function addGenericSlide(deck: Deck, s: ReportSection): void {
  const firstMain = s.blocks.findIndex((b) => b.kind === 'table' || b.kind === 'bullets')
  const lead = textItems(
    blocksOf(firstMain < 0 ? s.blocks : s.blocks.slice(0, firstMain), 'paragraph').slice(0, 4),
  )
  const main = firstMain < 0 ? undefined : s.blocks[firstMain]
  const slide = contentSlide(deck, s.title)
  const box = { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: CONTENT.bottom - CONTENT.y }
  if (main?.kind === 'table') {
    const need = lead.reduce((a, it) => a + heightOf(lineCount(plainText(it.runs), box.w, 16), 16) + 0.1, 0)
    const leadH = Math.min(need, 1.6)
    if (lead.length) addTextBox(deck, slide, lead, { ...box, h: leadH }, [16, 14])
    const gap = lead.length ? 0.25 : 0
    addTable(deck, slide, main, { ...box, y: box.y + leadH + gap, h: box.h - leadH - gap })
    return
  }
  const items: TextItem[] = main?.kind === 'bullets' ? textItems([main]) : subSections(s)
  addTextBox(deck, slide, [...lead, ...items], box)
}

const subSections = (s: ReportSection): TextItem[] =>
  (s.children ?? []).map((c) => ({ runs: [{ text: c.title }], bullet: true }))

/** The written deck with each slide's paragraphs repaired (see fixParagraphs); pictures stay stored. */
function repaired(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes)
  const out: Zippable = {}
  for (const [path, data] of Object.entries(files)) {
    if (/^ppt\/slides\/slide\d+\.xml$/.test(path)) out[path] = strToU8(fixParagraphs(strFromU8(data)))
    else if (path.startsWith('ppt/media/')) out[path] = [data, { level: 0 }]
    else out[path] = data
  }
  return zipSync(out, { level: 6 })
}
