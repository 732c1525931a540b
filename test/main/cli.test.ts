import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { rowForJson } from '../../src/shared/rollups/churn'
import { call, makeApp, makeTempDir, removeTempDir, ROOT, TestClock } from './helpers'

const BIN = join(ROOT, 'bin', 'fieldnote.mjs')
const FIXTURES = join(ROOT, 'test', 'fixtures', 'csv')

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

let dir: string
beforeAll(() => {
  // The first run may bundle the CLI (a few seconds); later runs reuse the bundle.
  expect(cli(ROOT, '--help').code).toBe(0)
}, 120_000)
beforeEach(() => {
  dir = makeTempDir('fieldnote-cli-test-')
  copyFileSync(join(FIXTURES, 'companies.csv'), join(dir, 'companies.csv'))
  copyFileSync(join(FIXTURES, 'churn-survey.csv'), join(dir, 'survey.csv'))
})
afterEach(() => removeTempDir(dir))

/** A library made by the app's own LibraryManager, with a small taxonomy inserted by SQL. */
async function libraryWithTaxonomy(): Promise<string> {
  const path = join(dir, 'lib.fieldnote')
  const app = makeApp(join(dir, 'data'), new TestClock())
  await app.libraries.create(path)
  app.libraries.close()
  const db = new Database(path)
  const ins = db.prepare(
    "insert into tags (id, parent_id, name, code, kind, position) values (?, ?, ?, ?, 'churn_reason', ?)",
  )
  ins.run('prc', null, 'Price', 'PRC', 0)
  ins.run('prc1', 'prc', 'Too expensive', 'PRC-01', 0)
  ins.run('sup', null, 'Support', 'SUP', 1)
  ins.run('sup1', 'sup', 'Poor support', 'SUP-01', 0)
  db.prepare("insert into tag_aliases (id, tag_id, alias) values ('a1', 'sup1', 'Old support name')").run()
  db.close()
  return path
}

describe('npx fieldnote', () => {
  it('imports companies and a churn survey, then prints the same roll-up as the service', async () => {
    const lib = await libraryWithTaxonomy()
    const a = cli(dir, 'import', 'companies', 'companies.csv', '--library', 'lib.fieldnote')
    expect(a).toMatchObject({ code: 0, stderr: '' })
    expect(a.stdout).toMatch(/Imported 4 of 4 rows/)
    const b = cli(dir, 'import', 'churn-survey', 'survey.csv', '--library', lib, '--study', 'Exit Q2')
    expect(b).toMatchObject({ code: 0, stderr: '' })
    expect(b.stdout).toMatch(
      /created companies: Epsilon, Zeta; 1 row\(s\) with an unmapped reason; 1 formula-looking cell/,
    )
    const r = cli(dir, 'rollup', 'churn', '--library', lib, '--study', 'exit q2', '--json')
    expect(r.code).toBe(0)
    expect(r.stderr.trim()).toBe(
      'Warning: lost MRR adds up amounts in EUR, USD as they are, without conversion.',
    )
    const printed = JSON.parse(r.stdout) as Record<string, unknown>[]
    expect(
      printed.every(
        (o) =>
          Object.keys(o).join() ===
          'code,name,parent,primary_companies,primary_lost_mrr,mentioned_companies,share_of_churned,share_of_lost_mrr',
      ),
    ).toBe(true)

    // Hand-computed: coded = Acme 120000 (PRC-01), Beta 25000 (survey MRR, SUP-01 by name),
    // Delta 1050 (SUP-01 by alias), Zeta 0 (PRC-01); Epsilon's reason is unmapped.
    expect(printed).toEqual([
      {
        code: 'PRC',
        name: 'Price',
        parent: null,
        primary_companies: 2,
        primary_lost_mrr: 120_000,
        mentioned_companies: 2,
        share_of_churned: 0.5,
        share_of_lost_mrr: 120_000 / 146_050,
      },
      {
        code: 'PRC-01',
        name: 'Too expensive',
        parent: 'PRC',
        primary_companies: 2,
        primary_lost_mrr: 120_000,
        mentioned_companies: 2,
        share_of_churned: 0.5,
        share_of_lost_mrr: 120_000 / 146_050,
      },
      {
        code: 'SUP',
        name: 'Support',
        parent: null,
        primary_companies: 2,
        primary_lost_mrr: 26_050,
        mentioned_companies: 2,
        share_of_churned: 0.5,
        share_of_lost_mrr: 26_050 / 146_050,
      },
      {
        code: 'SUP-01',
        name: 'Poor support',
        parent: 'SUP',
        primary_companies: 2,
        primary_lost_mrr: 26_050,
        mentioned_companies: 2,
        share_of_churned: 0.5,
        share_of_lost_mrr: 26_050 / 146_050,
      },
    ])

    // The same numbers from the service, through dispatch, on the same file.
    const app = makeApp(join(dir, 'data2'), new TestClock())
    await app.libraries.open(lib)
    const study = (await call(app, 'studies:list')).find((s) => s.name === 'Exit Q2')!
    expect(study).toBeDefined()
    const service = await call(app, 'churn:rollup', { studyId: study.id })
    app.libraries.close()
    expect(printed).toEqual(service.rows.map(rowForJson))

    const text = cli(dir, 'rollup', 'churn', '--library', lib)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/PRC-01\t {2}Too expensive\t2\t50\.0%\t1200\.00/)
  }, 120_000)

  it('a missing library is created by an import; the starter taxonomy is added for a survey', () => {
    const c = cli(dir, 'import', 'churn-survey', 'survey.csv', '--library', 'new.fieldnote')
    expect(c.stderr).toBe('')
    expect(c.code).toBe(0)
    expect(existsSync(join(dir, 'new.fieldnote'))).toBe(true)
    const r = cli(dir, 'rollup', 'churn', '--library', 'new.fieldnote', '--json')
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.stdout) as { code: string; primary_companies: number }[]
    expect(rows.find((x) => x.code === 'PRC-01')?.primary_companies).toBe(2)
  }, 120_000)

  it('a dry run reports what would happen and leaves no library, taxonomy or study behind', async () => {
    const r = cli(
      dir,
      'import',
      'churn-survey',
      'survey.csv',
      '--library',
      'new.fieldnote',
      '--study',
      'Q1',
      '--dry-run',
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Dry run, nothing written.')
    expect(existsSync(join(dir, 'new.fieldnote'))).toBe(false)

    const lib = await libraryWithTaxonomy()
    const before = new Database(lib, { readonly: true })
    const counts = () =>
      before
        .prepare(
          'select (select count(*) from tags) as tags, (select count(*) from studies) as studies, (select count(*) from companies) as companies',
        )
        .get()
    const was = counts()
    expect(
      cli(
        dir,
        'import',
        'churn-survey',
        'survey.csv',
        '--library',
        'lib.fieldnote',
        '--study',
        'Q1',
        '--dry-run',
      ).code,
    ).toBe(0)
    expect(counts()).toEqual(was)
    before.close()
  })

  it('fails with one line and a non-zero code', async () => {
    const lib = await libraryWithTaxonomy()
    writeFileSync(join(dir, 'bad.csv'), 'date,company,reason\n2025-13-01,Acme,PRC-01\n')
    writeFileSync(join(dir, 'broken.csv'), 'date,company,reason\n"2025-01-01,Acme,PRC-01\n')
    writeFileSync(join(dir, 'not-a-library.fieldnote'), 'hello')
    const cases: [string[], number, RegExp][] = [
      [['frobnicate'], 2, /Unknown command: frobnicate/],
      [[], 2, /No command given/],
      [['rollup', 'churn'], 2, /--library LIB is required/],
      [['import', 'companies', '--library', lib], 2, /Which file/],
      [['import', 'companies', 'missing.csv', '--library', lib], 1, /File not found: missing\.csv/],
      [
        ['import', 'churn-survey', 'bad.csv', '--library', lib],
        1,
        /Nothing imported: 1 of 1 rows rejected \(line 2: Date "2025-13-01"/,
      ],
      [['import', 'churn-survey', 'broken.csv', '--library', lib], 1, /Not a readable CSV file/],
      [['rollup', 'churn', '--library', 'not-a-library.fieldnote', '--json'], 1, /not a Fieldnote library/],
      [['rollup', 'churn', '--library', 'nowhere.fieldnote', '--json'], 1, /Library not found/],
      [['rollup', 'churn', '--library', lib, '--study', 'Nope'], 1, /No study named "Nope"/],
    ]
    for (const [args, code, message] of cases) {
      const r = cli(dir, ...args)
      expect(r.code, args.join(' ')).toBe(code)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(r.stdout).toBe('')
    }
    expect(existsSync(join(dir, 'nowhere.fieldnote'))).toBe(false)
  }, 120_000)
})
