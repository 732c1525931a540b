import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cli } from './cli-run'
import { makeApp, makeTempDir, removeTempDir, ROOT, TestClock } from './helpers'
import { qdeSchemaErrors } from './refi-tools'
import { seedReportLibrary } from './report-seed'

/** `fieldnote export|import qdpx|qdc`, run as a user runs them: the real bin, real libraries. */

let dir: string
let lib: string

beforeAll(() => {
  expect(cli(ROOT, '--help').code).toBe(0)
}, 180_000)

beforeEach(async () => {
  dir = makeTempDir('fieldnote-cli-refi-')
  lib = join(dir, 'lib.fieldnote')
  const app = makeApp(join(dir, 'data'), new TestClock())
  await app.libraries.create(lib)
  await seedReportLibrary(app)
  app.libraries.close()
})
afterEach(() => removeTempDir(dir))

describe('fieldnote export qdpx|qdc / import qdpx|qdc', () => {
  it('exports a study as a valid project and imports it into a new library with a JSON report', () => {
    const out = cli(dir, 'export', 'qdpx', '--library', lib, '--study', 'Exit Q1', '--out', 'exit.qdpx')
    expect(out).toMatchObject({ code: 0, stderr: '' })
    expect(out.stdout).toMatch(/^Wrote .*exit\.qdpx \(REFI-QDA project of study "Exit Q1", \d+ bytes\)\.\n$/)
    const files = unzipSync(readFileSync(join(dir, 'exit.qdpx')))
    expect(qdeSchemaErrors(strFromU8(files['project.qde']!))).toBe('')

    const r = cli(dir, 'import', 'qdpx', 'exit.qdpx', '--library', 'copy.fieldnote', '--json')
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(r.stdout)).toMatchObject({
      study: { name: 'Exit Q1' },
      origin: 'Fieldnote',
      sources: 3,
      codings: 3,
      cases: 2,
      companies: 2,
    })
    const human = cli(dir, 'import', 'qdpx', 'exit.qdpx', '--library', 'copy.fieldnote')
    expect(human.stdout).toMatch(/^Imported exit\.qdpx as the study "Exit Q1 \(2\)": 3 sources, 3 codings/)
  }, 240_000)

  it('exports and imports the codebook', () => {
    expect(cli(dir, 'export', 'qdc', '--library', lib, '--out', 'book.qdc')).toMatchObject({
      code: 0,
      stderr: '',
    })
    const r = cli(dir, 'import', 'qdc', 'book.qdc', '--library', 'fresh.fieldnote', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ updated: 0, codeGroups: [] })
    expect(JSON.parse(r.stdout).created).toBeGreaterThan(10)
  }, 240_000)

  it('a refused file exits 1 with the reason, and a library it would have created is not left behind', () => {
    writeFileSync(join(dir, 'notes.qdpx'), 'name,code\nPrice,PRC-01\n')
    const r = cli(dir, 'import', 'qdpx', 'notes.qdpx', '--library', 'new/made.fieldnote')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^fieldnote: This file is not a REFI-QDA project: a \.qdpx is a zip archive, and this is not one\. Nothing was imported\.\n$/,
    )
    expect(existsSync(join(dir, 'new'))).toBe(false)
    const bad = cli(dir, 'import', 'qdc', 'notes.qdpx', '--library', lib)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/not XML/)
    expect(cli(dir, 'import', 'qdpx', '--library', lib).code).toBe(2)
    expect(cli(dir, 'export', 'qdpx', '--library', lib).code).toBe(2)
    expect(readdirSync(dir).sort()).toEqual(['data', 'lib.fieldnote', 'notes.qdpx'])
  }, 240_000)
})
