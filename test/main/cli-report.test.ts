import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { findChromium } from '../../src/main/bridge/chromium-pdf'
import { call, makeApp, makeTempDir, removeTempDir, ROOT, TestClock } from './helpers'
import { cli } from './cli-run'
import { seedReportLibrary } from './report-seed'

/** `fieldnote report` and `fieldnote insights list`, run as a user runs them: the real bin, a real library. */

let dir: string
let lib: string

beforeAll(() => {
  expect(cli(ROOT, '--help').code).toBe(0)
}, 180_000)

beforeEach(async () => {
  dir = makeTempDir('fieldnote-cli-report-')
  lib = join(dir, 'lib.fieldnote')
  const app = makeApp(join(dir, 'data'), new TestClock())
  await app.libraries.create(lib)
  const s = await seedReportLibrary(app)
  const [h] = (await call(app, 'evidence:list', { studyId: s.study.id })).rows
  await call(app, 'insights:create', {
    studyId: s.study.id,
    statement: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Price drives exits' }] }],
    },
    from: { kind: 'highlights', highlightIds: [h!.highlightId] },
  })
  app.libraries.close()
})
afterEach(() => removeTempDir(dir))

const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.part'))

describe('fieldnote report', () => {
  it('writes the study’s report in the format asked, anonymized when asked', () => {
    const md = cli(dir, 'report', '--library', lib, '--study', 'exit q1', '--format', 'md', '--out', 'r.md')
    expect(md).toMatchObject({ code: 0, stderr: '' })
    expect(md.stdout).toBe(
      `Wrote ${join(dir, 'r.md')} (MD, ${readFileSync(join(dir, 'r.md')).length} bytes).\n`,
    )
    const text = readFileSync(join(dir, 'r.md'), 'utf8')
    expect(text).toContain('# Research report: Exit Q1')
    expect(text).toContain('Price drives exits')
    expect(text).toContain('Ann Lee')

    const docx = cli(dir, 'report', '--library', lib, '--format', 'docx', '--anonymize', '--out', 'r.docx')
    expect(docx).toMatchObject({ code: 0, stderr: '' })
    expect(docx.stdout).toMatch(/\(DOCX, \d+ bytes, anonymized\)\.\n$/)
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'r.docx')))['word/document.xml']!)
    expect(xml).toContain('Price drives exits')
    expect(xml).not.toMatch(/Ann|Boris|ann@acme\.test/)
    expect(leftovers()).toEqual([])
  }, 180_000)

  it.skipIf(findChromium() === null)(
    'prints a PDF through a local Chromium',
    () => {
      const r = cli(dir, 'report', '--library', lib, '--format', 'pdf', '--out', join(dir, 'r.pdf'))
      expect(r).toMatchObject({ code: 0, stderr: '' })
      expect(readFileSync(join(dir, 'r.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
    },
    180_000,
  )

  it('refuses a bad line with exit 2, and a failed export leaves the old file as it was', () => {
    expect(cli(dir, 'report', '--library', lib, '--format', 'md')).toMatchObject({
      code: 2,
      stderr: 'fieldnote: --out PATH is required for "report". Run fieldnote --help for usage.\n',
    })
    const bad = cli(dir, 'report', '--library', lib, '--format', 'exe', '--out', 'r.exe')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--format must be one of html, pdf, docx, pptx, xlsx, csv, md \(not "exe"\)/)
    writeFileSync(join(dir, 'keep.md'), 'my own notes')
    const missing = cli(
      dir,
      'report',
      '--library',
      lib,
      '--study',
      'Nope',
      '--format',
      'md',
      '--out',
      'keep.md',
    )
    expect(missing).toMatchObject({ code: 1, stderr: 'fieldnote: No study named "Nope" in this library\n' })
    expect(readFileSync(join(dir, 'keep.md'), 'utf8')).toBe('my own notes')
    const noFolder = cli(dir, 'report', '--library', lib, '--format', 'md', '--out', 'nowhere/r.md')
    expect(noFolder).toMatchObject({
      code: 1,
      stderr: `fieldnote: No such folder: ${join(dir, 'nowhere')}\n`,
    })
    expect(existsSync(join(dir, 'nowhere'))).toBe(false)
    const folder = cli(dir, 'report', '--library', lib, '--format', 'md', '--out', 'data')
    expect(folder.code).toBe(1)
    expect(folder.stderr).toMatch(/is a folder; give --out a file name/)
    expect(leftovers()).toEqual([])
  }, 180_000)
})

describe('fieldnote insights list', () => {
  it('prints each insight with its confidence, reasons and evidence counts as JSON', () => {
    const r = cli(dir, 'insights', 'list', '--library', lib, '--study', 'Exit Q1', '--json')
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const [insight, ...rest] = JSON.parse(r.stdout) as {
      statement: string
      confidence: { score: number; label: string; reasons: { kind: string; text: string }[] }
      evidence: { for: number; against: number; companies: number; participants: number }
    }[]
    expect(rest).toEqual([])
    expect(insight!.statement).toBe('Price drives exits')
    expect(insight!.evidence).toEqual({ for: 1, against: 0, companies: 1, participants: 1 })
    expect(insight!.confidence.reasons[0]).toEqual({
      kind: 'companies',
      count: 1,
      points: 15,
      text: '1 company: +15',
    })
    expect(insight!.confidence.score).toBeGreaterThan(0)
    const plain = cli(dir, 'insights', 'list', '--library', lib)
    expect(plain.stdout).toMatch(
      /^ *\d+ (Low|Medium|High)\tPrice drives exits\t\(1 for, 0 against; 1 company: \+15;/,
    )
  }, 180_000)
})
