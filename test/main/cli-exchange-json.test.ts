import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeApp, makeTempDir, removeTempDir, ROOT, TestClock } from './helpers'
import { cli } from './cli-run'
import { seedReportLibrary } from './report-seed'

/** `fieldnote export json` and `fieldnote import json`, run as a user runs them: the real bin, real libraries. */

const withoutExportedAt = (json: string) => json.replace(/^ {2}"exportedAt": .*$/m, '')

let dir: string
let lib: string

beforeAll(() => {
  expect(cli(ROOT, '--help').code).toBe(0)
}, 180_000)

beforeEach(async () => {
  dir = makeTempDir('fieldnote-cli-json-')
  lib = join(dir, 'lib.fieldnote')
  const app = makeApp(join(dir, 'data'), new TestClock())
  await app.libraries.create(lib)
  await seedReportLibrary(app)
  app.libraries.close()
})
afterEach(() => removeTempDir(dir))

describe('fieldnote export json / import json', () => {
  it('exports the library, imports it as a new one with a JSON report, and exports the same file again', () => {
    const out = cli(dir, 'export', 'json', '--library', lib, '--out', 'backup.json')
    const bytes = readFileSync(join(dir, 'backup.json'))
    expect(out).toMatchObject({ code: 0, stderr: '' })
    expect(out.stdout).toBe(
      `Wrote ${join(dir, 'backup.json')} (library JSON of the whole library, ${bytes.length} bytes).\n`,
    )

    const imported = cli(dir, 'import', 'json', 'backup.json', '--library', 'restored/Copy', '--json')
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    const report = JSON.parse(imported.stdout) as Record<string, unknown>
    expect(report).toMatchObject({
      library: { path: join(dir, 'restored', 'Copy.fieldnote'), name: 'Copy' },
      counts: {
        studies: 1,
        interviews: 2,
        sources: 3,
        transcripts: 3,
        codings: 3,
        highlights: 3,
        cases: 2,
        companies: 2,
      },
      skipped: [],
    })
    expect((report['counts'] as { codes: number }).codes).toBeGreaterThan(10)

    const again = cli(dir, 'export', 'json', '--library', 'restored/Copy.fieldnote', '--out', 'again.json')
    expect(again.code).toBe(0)
    expect(withoutExportedAt(readFileSync(join(dir, 'again.json'), 'utf8'))).toBe(
      withoutExportedAt(bytes.toString()),
    )

    const plain = cli(dir, 'import', 'json', 'backup.json', '--library', 'second.fieldnote')
    expect(plain).toMatchObject({ code: 0, stderr: '' })
    expect(plain.stdout).toMatch(
      new RegExp(
        `^Imported backup\\.json into the new library ${join(dir, 'second.fieldnote').replace(/[.\\/]/g, '\\$&')}: 1 studies, 2 interviews, 3 sources \\(0 notes, 3 transcripts\\), \\d+ codes, 3 codings on 3 highlights, 2 cases \\(participants\\), 2 companies, 0 survey responses, 0 boards, 0 insights\\n$`,
      ),
    )
  }, 180_000)

  it('exports one study by name', () => {
    const r = cli(dir, 'export', 'json', '--library', lib, '--study', 'exit q1', '--out', 's.json')
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toMatch(/\(library JSON of study "exit q1", \d+ bytes\)\.\n$/)
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'))).toMatchObject({
      study: { name: 'Exit Q1' },
    })
  }, 180_000)

  it('refuses a bad command line, a missing library, study or file', () => {
    expect(cli(dir, 'export', 'json', '--library', lib).stderr).toBe(
      'fieldnote: --out PATH is required for "export json". Run fieldnote --help for usage.\n',
    )
    expect(cli(dir, 'import', 'json', '--library', 'x.fieldnote')).toMatchObject({
      code: 2,
      stderr:
        'fieldnote: Which file? fieldnote import json FILE --library LIB. Run fieldnote --help for usage.\n',
    })
    expect(cli(dir, 'import', 'json', 'a.json', '--library', 'x', '--out', 'y').code).toBe(2)
    expect(cli(dir, 'export', 'json', '--library', 'missing.fieldnote', '--out', 'm.json')).toMatchObject({
      code: 1,
      stderr: `fieldnote: Library not found: ${join(dir, 'missing.fieldnote')}\n`,
    })
    expect(cli(dir, 'export', 'json', '--library', lib, '--study', 'Nope', '--out', 'n.json')).toMatchObject({
      code: 1,
      stderr: 'fieldnote: No study named "Nope" in this library\n',
    })
    expect(cli(dir, 'import', 'json', 'absent.json', '--library', 'new.fieldnote')).toMatchObject({
      code: 1,
      stderr: 'fieldnote: File not found: absent.json\n',
    })
  }, 180_000)

  it('refuses a bad file naming the value, or a library that exists, and leaves no library behind', () => {
    expect(cli(dir, 'export', 'json', '--library', lib, '--out', 'good.json').code).toBe(0)
    const good = readFileSync(join(dir, 'good.json'), 'utf8')
    const doc = JSON.parse(good) as { tables: Record<string, Record<string, unknown>[]> }
    doc.tables['interviews']![1]!['scheduled_at'] = 'soon'
    doc.tables['highlight_tags']![0]!['tag_id'] = 'ghost'
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc))
    expect(cli(dir, 'import', 'json', 'bad.json', '--library', 'deep/new.fieldnote')).toMatchObject({
      code: 1,
      stderr:
        'fieldnote: tables.interviews[1].scheduled_at: expected a date and time (ISO 8601). Nothing was imported.\n',
    })
    doc.tables['interviews']![1]!['scheduled_at'] = null
    doc.tables['highlights']![0]!['memo'] = 7
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc))
    expect(cli(dir, 'import', 'json', 'bad.json', '--library', 'deep/new.fieldnote').stderr).toBe(
      'fieldnote: tables.highlights[0].memo: expected text. Nothing was imported.\n',
    )
    doc.tables['highlights']![0]!['memo'] = ''
    doc.tables['highlight_tags']![1]!['tag_id'] = 'ghost too'
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc))
    expect(cli(dir, 'import', 'json', 'bad.json', '--library', 'deep/new.fieldnote').stderr).toBe(
      'fieldnote: tables.highlight_tags[0].tag_id: "ghost" names no row of tags (1 more: tables.highlight_tags[1].tag_id: "ghost too" names no row of tags). Nothing was imported.\n',
    )
    writeFileSync(join(dir, 'latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]))
    expect(cli(dir, 'import', 'json', 'latin1.json', '--library', 'deep/new.fieldnote').stderr).toBe(
      'fieldnote: latin1.json is not a library JSON file: it is not UTF-8 text. Nothing was imported.\n',
    )
    // Never over a file, not even a library.
    expect(cli(dir, 'import', 'json', 'good.json', '--library', lib)).toMatchObject({
      code: 1,
      stderr: `fieldnote: "${lib}" already exists. Open it, or choose another name; Fieldnote never overwrites a file. Nothing was imported.\n`,
    })
    expect(existsSync(join(dir, 'deep'))).toBe(false)
    expect(readdirSync(dir).filter((f) => f.endsWith('.part') || f.startsWith('new'))).toEqual([])
  }, 180_000)
})
