import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findChromium, printHtmlWithChromium } from '../../src/main/bridge/chromium-pdf'
import { REPORT_FORMATS } from '../../src/shared/ipc/contracts/reports'
import { call, setupApp, type TestApp } from './helpers'
import { quote, seedReportLibrary } from './report-seed'

/**
 * Every format from one library: anonymized, none of the people's names, e-mails or phones survives anywhere
 * in the file (the unzipped XML of DOCX, PPTX and XLSX, the PDF's text); and the spreadsheet's numbers are
 * the roll-up service's.
 */
let t: TestApp
const canPrint = findChromium() !== null && hasPdfToText()

function hasPdfToText(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const SECRETS = [
  'Ann',
  'Lee',
  'Boris',
  'Petrov',
  'Acme',
  'Beta Soft',
  'ann@acme.test',
  'boris@beta.test',
  'carol@acme.test',
  '555 0101',
  '555-0199',
  '123-45-67',
]

beforeEach(async () => {
  t = await setupApp()
  if (canPrint) t.app.shell.printToPdf = printHtmlWithChromium
})
afterEach(() => t.cleanup())

/** A library where the names also sit in a tag, a note's quote and an insight's statement. */
async function seed() {
  const s = await seedReportLibrary(t.app)
  const named = await call(t.app, 'tags:create', { name: 'Said by Ann Lee', kind: 'theme' })
  const q = await quote(
    t.app,
    s.boris.interview.id,
    'Ask Boris Petrov or carol@acme.test, phone (415) 555-0199, about Acme.',
    [named.id, s.support.id],
  )
  // A note typed in the interview, highlighted and tagged: names and a phone as people type them.
  const said = 'Ann Lee from Acme Cloud: call me on +1 415 555 0101 before Friday'
  await call(t.app, 'notes:save', {
    interviewId: s.ann.interview.id,
    questionId: s.ann.interview.currentQuestionId ?? '',
    doc: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: said, marks: [{ type: 'highlight', attrs: { ids: ['h-typed'] } }] },
          ],
        },
      ],
    },
    plainText: said,
  })
  const [typed] = (
    await call(t.app, 'highlights:listForInterview', { interviewId: s.ann.interview.id })
  ).filter((h) => h.quote === said)
  await call(t.app, 'highlights:setTags', { id: typed!.id, tagIds: [s.price.id] })
  await call(t.app, 'insights:create', {
    studyId: s.study.id,
    statement: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Ann Lee and Boris left over price' }] },
      ],
    },
    from: { kind: 'highlights', highlightIds: [q] },
  })
  return s
}

/** Everything a reader (or a search) could find in the file, as text. */
function textOf(format: string, bytes: Uint8Array): string {
  if (format === 'pdf') {
    const dir = mkdtempSync(join(tmpdir(), 'fieldnote-pdf-'))
    try {
      writeFileSync(join(dir, 'r.pdf'), bytes)
      return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    return Object.entries(unzipSync(bytes))
      .filter(([name]) => !/\.(png|jpe?g)$/.test(name))
      .map(([name, data]) => `${name}\n${strFromU8(data)}`)
      .join('\n')
  return strFromU8(bytes)
}

describe('every report format', () => {
  it.each(REPORT_FORMATS.filter((f) => f !== 'pdf' || canPrint).map((f) => [f]))(
    'anonymized %s holds no name, e-mail or phone, and still the quotes',
    async (format) => {
      const s = await seed()
      const file = await call(t.app, 'reports:render', { studyId: s.study.id, format, anonymize: true })
      const text = textOf(format, Buffer.from(file.base64, 'base64'))
      // Whole words: a font called "Leelawadee" in the theme XML is not Lee.
      for (const secret of SECRETS)
        expect(text, `${format}: ${secret}`).not.toMatch(
          new RegExp(
            `(?<![\\p{L}\\p{N}])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
            'u',
          ),
        )
      expect(file.fileName).toBe(
        'Research report Exit Q1 (anonymized).' + (format === 'csv' ? 'zip' : format),
      )
      if (format === 'pdf') {
        // Page numbers from the report's CSS margin boxes, and the outline from its headings.
        expect(text).toMatch(/(^|\n)1 ?\/ ?\d+(\n|$)/)
        // A date is not a phone number.
        expect(text).toMatch(/Made on \d{4}-\d{2}-\d{2}/)
        expect(Buffer.from(file.base64, 'base64').toString('latin1')).toContain('/Outlines')
        // Every page renders as a picture (poppler), as a reader's viewer would draw it.
        const dir = mkdtempSync(join(tmpdir(), 'fieldnote-pages-'))
        try {
          writeFileSync(join(dir, 'r.pdf'), Buffer.from(file.base64, 'base64'))
          const pages = Number(
            /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' }))?.[1],
          )
          execFileSync('pdftoppm', ['-r', '20', '-png', join(dir, 'r.pdf'), join(dir, 'page')])
          expect(pages).toBeGreaterThan(1)
          expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(pages)
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }
      if (format !== 'csv' && format !== 'xlsx') {
        // The words stay; only who said them goes (PDF text may break lines anywhere).
        expect(text.replace(/\s+/g, ' ')).toContain('P1 and P2 left over price')
        expect(text).toMatch(/P1|C1/)
      }
    },
    120_000,
  )

  it('the XLSX reads back with the roll-up service’s numbers, typed', async () => {
    const s = await seed()
    const file = await call(t.app, 'reports:render', { studyId: s.study.id, format: 'xlsx' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('Churn reasons')!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'PRC-01')!
    const rollup = await call(t.app, 'churn:rollup', { studyId: s.study.id })
    const price = rollup.rows.find((r) => r.code === 'PRC-01')!
    const col = (name: RegExp) => header.findIndex((h) => name.test(String(h))) + 1
    expect(row.getCell(col(/^Companies/)).value).toBe(price.primaryCompanies)
    expect(row.getCell(col(/^Lost MRR/)).value).toBe(price.primaryLostMrr / 100)
    expect(typeof row.getCell(col(/^Lost MRR/)).value).toBe('number')

    // The first sheet: every quote of the study, with its tag paths and who said it.
    const quotes = book.worksheets[0]!
    expect(quotes.name).toBe('Quotes')
    const heads = (quotes.getRow(1).values as unknown[]).slice(1).map(String)
    expect(heads.slice(0, 8)).toEqual([
      'Quote',
      'Tags',
      'Participant',
      'Role',
      'Company',
      'Segment',
      'Plan',
      'MRR (USD)',
    ])
    expect(quotes.rowCount - 1).toBe(5)
    const cost = quotes
      .getRows(2, 4)!
      .find((r) => r.getCell(1).value === 'Acme Cloud could not justify the cost.')!
    expect(cost.getCell(2).value).toBe('Price and commercial terms › Price too high / poor price-value')
    expect([cost.getCell(3).value, cost.getCell(5).value, cost.getCell(6).value]).toEqual([
      'Ann Lee',
      'Acme Cloud',
      'A',
    ])
    expect(cost.getCell(8).value).toBe(1000)
    expect(cost.getCell(13).value).toBeInstanceOf(Date)
  })
})
