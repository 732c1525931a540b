import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fingerprint, makeApp, makeTempDir, removeTempDir, ROOT, TestClock } from './helpers'

const BIN = join(ROOT, 'bin', 'fieldnote.mjs')
const FIXTURES = join(ROOT, 'test', 'fixtures', 'csv')

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** What Excel's "Unicode Text" and many Windows tools write: UTF-16 little-endian after an FF FE mark. */
function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
}

function companiesIn(path: string): { name: string; segment: string | null }[] {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare('select name, segment from companies order by name').all() as {
      name: string
      segment: string | null
    }[]
  } finally {
    db.close()
  }
}

let dir: string
beforeAll(() => {
  expect(cli(ROOT, '--help').code).toBe(0)
}, 120_000)
beforeEach(() => {
  dir = makeTempDir('fieldnote-cli-files-')
})
afterEach(() => removeTempDir(dir))

describe('npx fieldnote reads a CSV as the app does', () => {
  it('imports a UTF-16LE CSV with a byte-order mark, names and all, like its UTF-8 twin', () => {
    const csv = readFileSync(join(FIXTURES, 'companies.csv'), 'utf8').replace('Gamma', 'Ёлка «Гамма»')
    writeFileSync(join(dir, 'utf16.csv'), utf16le(csv))
    writeFileSync(join(dir, 'utf8.csv'), csv)
    const a = cli(dir, 'import', 'companies', 'utf16.csv', '--library', 'a.fieldnote')
    expect(a).toMatchObject({ code: 0, stderr: '' })
    expect(a.stdout).toMatch(/Imported 4 of 4 rows from utf16\.csv/)
    expect(cli(dir, 'import', 'companies', 'utf8.csv', '--library', 'b.fieldnote').code).toBe(0)
    const names = companiesIn(join(dir, 'a.fieldnote'))
    expect(names.map((c) => c.name)).toContain('Ёлка «Гамма»')
    expect(names).toEqual(companiesIn(join(dir, 'b.fieldnote')))
  }, 120_000)

  it('reads a Windows-1252 CSV (Excel on Windows) as the app does, names and all', () => {
    writeFileSync(join(dir, 'cp1252.csv'), Buffer.from('name,segment\nCaf\xe9 M\xfcller,A\n', 'latin1'))
    const r = cli(dir, 'import', 'companies', 'cp1252.csv', '--library', 'a.fieldnote')
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(companiesIn(join(dir, 'a.fieldnote')).map((c) => c.name)).toEqual(['Café Müller'])
  }, 120_000)

  it('refuses a binary file and one no encoding reads in one line each, creating no library', () => {
    writeFileSync(join(dir, 'binary.csv'), Buffer.from([0x6e, 0x61, 0x00, 0x6d, 0x65, 0x0a]))
    writeFileSync(join(dir, 'garbled.csv'), Buffer.from('name,segment\nCaf\x81\x8d,A\n', 'latin1'))
    const cases: [string, RegExp][] = [
      ['binary.csv', /^fieldnote: Not a readable CSV file: binary\.csv: it contains NUL bytes/],
      [
        'garbled.csv',
        /^fieldnote: Not a readable CSV file: garbled\.csv: its encoding could not be recognised/,
      ],
    ]
    for (const [file, message] of cases) {
      const r = cli(dir, 'import', 'companies', file, '--library', 'new.fieldnote')
      expect(r.code, file).toBe(1)
      expect(r.stderr, file).toMatch(message)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
    expect(readdirSync(dir).sort()).toEqual(['binary.csv', 'garbled.csv'])
  }, 120_000)
})

describe('a refused CLI import creates nothing', () => {
  beforeEach(() => {
    writeFileSync(join(dir, 'bad-rows.csv'), 'date,company,reason\n2025-13-01,Acme,PRC-01\n')
    writeFileSync(join(dir, 'bad-companies.csv'), 'name,segment\nAcme,Z\n')
    writeFileSync(join(dir, 'bad-header.csv'), 'when,who,why\n2025-01-01,Acme,PRC-01\n')
    copyFileSync(join(FIXTURES, 'churn-survey.csv'), join(dir, 'survey.csv'))
  })

  it('leaves no new library (nor -wal, -shm or a new folder) when rows, or the header, are refused', () => {
    const runs: string[][] = [
      ['import', 'churn-survey', 'bad-rows.csv', '--library', 'new.fieldnote', '--study', 'Q1'],
      ['import', 'companies', 'bad-companies.csv', '--library', 'new.fieldnote'],
      ['import', 'churn-survey', 'bad-header.csv', '--library', 'new.fieldnote'],
      ['import', 'churn-survey', 'bad-rows.csv', '--library', join('sub', 'deeper', 'new.fieldnote')],
      ['import', 'churn-survey', 'bad-rows.csv', '--library', 'new.fieldnote', '--dry-run'],
    ]
    for (const args of runs) {
      const r = cli(dir, ...args)
      expect(r.code, args.join(' ')).toBe(args.includes('--dry-run') ? 0 : 1)
      expect(readdirSync(dir).sort(), args.join(' ')).toEqual([
        'bad-companies.csv',
        'bad-header.csv',
        'bad-rows.csv',
        'survey.csv',
      ])
    }
    // The refusal still says why, and the same file with --skip-invalid creates the library.
    const refused = cli(dir, 'import', 'churn-survey', 'bad-rows.csv', '--library', 'new.fieldnote')
    expect(refused.stderr).toMatch(/Nothing imported: 1 of 1 rows rejected \(line 2: Date "2025-13-01"/)
    expect(refused.stdout).toBe('')
    const ok = cli(dir, 'import', 'churn-survey', 'survey.csv', '--library', 'new.fieldnote')
    expect(ok.code).toBe(0)
    expect(existsSync(join(dir, 'new.fieldnote'))).toBe(true)
  }, 120_000)

  it('leaves a library that was there byte for byte as it was: no taxonomy, no study added', async () => {
    const path = join(dir, 'kept.fieldnote')
    const app = makeApp(join(dir, 'data'), new TestClock())
    await app.libraries.create(path)
    app.libraries.close()
    const before = fingerprint(path)
    for (const args of [
      ['import', 'churn-survey', 'bad-rows.csv', '--library', 'kept.fieldnote', '--study', 'New study'],
      ['import', 'companies', 'bad-companies.csv', '--library', 'kept.fieldnote'],
    ]) {
      const r = cli(dir, ...args)
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.stdout, args.join(' ')).toBe('')
      expect(existsSync(path)).toBe(true)
      expect(fingerprint(path), args.join(' ')).toEqual(before)
    }
  }, 120_000)
})
