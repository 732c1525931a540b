import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
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

  it('accepts only the options of the command given, each once and with its value', async () => {
    const lib = await libraryWithTaxonomy()
    const bytes = readFileSync(lib)
    const cases: [string[], RegExp][] = [
      [
        ['rollup', 'churn', '--library', lib, '--jsn'],
        /unknown option --jsn for "rollup churn" \(did you mean --json\?\)/,
      ],
      [
        ['rollup', 'churn', '--library', lib, '-json'],
        /unknown option -json for "rollup churn" \(did you mean --json\?\)/,
      ],
      [
        ['rollup', 'churn', '--libary', lib],
        /unknown option --libary for "rollup churn" \(did you mean --library\?\)/,
      ],
      [
        ['rollup', 'churn', '--library', lib, '--studdy', 'Q1'],
        /unknown option --studdy for "rollup churn" \(did you mean --study\?\)/,
      ],
      [
        ['import', 'companies', 'companies.csv', '--library', lib, '--dryrun'],
        /unknown option --dryrun for "import companies" \(did you mean --dry-run\?\)/,
      ],
      [
        ['import', 'companies', 'companies.csv', '--library', lib, '--study', 'Q1'],
        /unknown option --study for "import companies" \(only import churn-survey, import transcript, rollup churn, report, insights list, export json and export qdpx take --study\)/,
      ],
      [
        ['rollup', 'churn', '--library', lib, '--skip-invalid'],
        /unknown option --skip-invalid for "rollup churn" \(only import companies and import churn-survey take --skip-invalid\)/,
      ],
      [
        ['import', 'churn-survey', 'survey.csv', '--library', lib, '--study'],
        /option --study for "import churn-survey" needs a value/,
      ],
      [
        ['import', 'churn-survey', 'survey.csv', '--library', lib, '--study='],
        /option --study for "import churn-survey" needs a value/,
      ],
      [
        ['import', 'churn-survey', 'survey.csv', '--study', '--library', lib],
        /option --study for "import churn-survey" needs a value/,
      ],
      [['rollup', 'churn', '--library'], /option --library for "rollup churn" needs a value/],
      [
        ['rollup', 'churn', '--library', lib, '--json=yes'],
        /option --json for "rollup churn" takes no value/,
      ],
      [
        ['rollup', 'churn', '--library', lib, '--study', 'A', '--study', 'B'],
        /option --study is given twice for "rollup churn"/,
      ],
      [
        ['rollup', 'churn', '--library', lib, '--json', '--json'],
        /option --json is given twice for "rollup churn"/,
      ],
      [
        ['import', 'companies', 'companies.csv', 'survey.csv', '--library', lib],
        /unexpected argument "survey\.csv" for "import companies" \(it takes one FILE\)/,
      ],
      [
        ['rollup', 'churn', 'now', '--library', lib],
        /unexpected argument "now" for "rollup churn" \(it takes no FILE\)/,
      ],
    ]
    for (const [args, message] of cases) {
      const r = cli(dir, ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(r.stdout, args.join(' ')).toBe('')
    }
    // A name that is not close to any option gets no guess.
    const far = cli(dir, 'rollup', 'churn', '--library', lib, '--verbose')
    expect(far.code).toBe(2)
    expect(far.stderr).toMatch(/unknown option --verbose for "rollup churn"/)
    expect(far.stderr).not.toMatch(/did you mean/)
    expect(readFileSync(lib).equals(bytes)).toBe(true)
  }, 240_000)

  it('refuses a CSV whose header is not the standard one, and leaves the library as it was', async () => {
    const lib = await libraryWithTaxonomy()
    const bytes = readFileSync(lib)
    writeFileSync(join(dir, 'accounts.csv'), 'Account Name,Tier,Plan,MRR\nAcme,A,Team,100\n')
    writeFileSync(join(dir, 'extra.csv'), 'name,segment,owner\nAcme,A,Kim\n')
    writeFileSync(join(dir, 'twice.csv'), 'name,Name\nAcme,Acme Corp\n')
    writeFileSync(join(dir, 'unnamed.csv'), 'name,,segment\nAcme,x,A\n')
    writeFileSync(join(dir, 'cancels.csv'), 'Cancelled At,Customer,Cancel Reason\n2025-04-01,Acme,PRC-01\n')
    const cases: [string[], RegExp][] = [
      [
        ['import', 'companies', 'accounts.csv', '--library', lib],
        /accounts\.csv does not have the standard companies header: unknown column\(s\) "Account Name" \(name\?\), "Tier" \(segment\?\); missing column\(s\) name\. Expected name,segment,plan,mrr,currency,customer_since,status,churned_on,churn_type .*Churn reasons › Import companies CSV/,
      ],
      [
        ['import', 'companies', 'extra.csv', '--library', lib, '--skip-invalid'],
        /unknown column\(s\) "owner"\. Expected/,
      ],
      [
        ['import', 'companies', 'twice.csv', '--library', lib],
        /column name appears twice \("name", "Name"\)/,
      ],
      [['import', 'companies', 'unnamed.csv', '--library', lib], /a column without a name \(column 2\)/],
      [
        ['import', 'churn-survey', 'cancels.csv', '--library', lib, '--dry-run'],
        /cancels\.csv does not have the standard churn-survey header: unknown column\(s\) "Cancelled At" \(date\?\), "Customer" \(company\?\), "Cancel Reason" \(reason\?\); missing column\(s\) date, company, reason\. Expected date,company,reason,comment,mrr .*Churn reasons › Import churn survey CSV/,
      ],
    ]
    for (const [args, message] of cases) {
      const r = cli(dir, ...args)
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(r.stdout, args.join(' ')).toBe('')
    }
    expect(readFileSync(lib).equals(bytes)).toBe(true)
    // Nothing is prepared either: no new library, no starter taxonomy, no study.
    const r = cli(dir, 'import', 'churn-survey', 'cancels.csv', '--library', 'new.fieldnote', '--study', 'Q1')
    expect(r.code).toBe(1)
    expect(existsSync(join(dir, 'new.fieldnote'))).toBe(false)
  }, 120_000)

  it('accepts the standard header in any column order and case, and reads each column as its field', async () => {
    const lib = await libraryWithTaxonomy()
    writeFileSync(
      join(dir, 'reordered.csv'),
      'STATUS,Name,MRR,Segment,Customer Since,Churned-On\nchurned,Acme,100,b,2024-01-01,2025-04-01\n',
    )
    writeFileSync(join(dir, 'reordered-survey.csv'), 'Reason,Company,DATE\nPRC-01,Acme,2025-04-01\n')
    const a = cli(dir, 'import', 'companies', 'reordered.csv', '--library', lib)
    expect(a).toMatchObject({ code: 0, stderr: '' })
    expect(a.stdout).toMatch(/Imported 1 of 1 rows/)
    const b = cli(dir, 'import', 'churn-survey', 'reordered-survey.csv', '--library', lib)
    expect(b).toMatchObject({ code: 0, stderr: '' })
    expect(b.stdout).toMatch(/Imported 1 of 1 rows/)
    const db = new Database(lib, { readonly: true })
    expect(
      db.prepare('select name, segment, mrr_minor, status, customer_since, churned_on from companies').all(),
    ).toEqual([
      {
        name: 'Acme',
        segment: 'B',
        mrr_minor: 10_000,
        status: 'churned',
        customer_since: '2024-01-01',
        churned_on: '2025-04-01',
      },
    ])
    expect(db.prepare('select reason_raw, reason_tag_id from churn_survey_responses').all()).toEqual([
      { reason_raw: 'PRC-01', reason_tag_id: 'prc1' },
    ])
    db.close()
  }, 120_000)
})
