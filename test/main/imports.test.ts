import type Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, dbState, fail, ROOT, setupApp, sqliteOf, type TestApp } from './helpers'

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'csv', name), 'utf8')

function tag(
  db: Database.Database,
  id: string,
  o: { parent?: string; name: string; code?: string; kind?: string },
) {
  db.prepare('insert into tags (id, parent_id, name, code, kind) values (?, ?, ?, ?, ?)').run(
    id,
    o.parent ?? null,
    o.name,
    o.code ?? null,
    o.kind ?? 'churn_reason',
  )
}

let t: TestApp
let db: Database.Database
beforeEach(async () => {
  t = await setupApp()
  db = sqliteOf(t.app)
  tag(db, 'prc', { name: 'Price', code: 'PRC' })
  tag(db, 'prc1', { parent: 'prc', name: 'Too expensive', code: 'PRC-01' })
  tag(db, 'sup', { name: 'Support', code: 'SUP' })
  tag(db, 'sup1', { parent: 'sup', name: 'Poor support', code: 'SUP-01' })
  db.prepare("insert into tag_aliases (id, tag_id, alias) values ('al1', 'sup1', 'Old support name')").run()
  tag(db, 'gone', { name: 'Deleted reason', code: 'DEL-01' })
  db.prepare("update tags set deleted_at = '2026-01-01' where id = 'gone'").run()
})
afterEach(() => t.cleanup())

const companies = () => call(t.app, 'companies:list')

describe('companies CSV', () => {
  it('imports the documented layout, then upserts by name (case-insensitive)', async () => {
    const r = await call(t.app, 'imports:companies', { csv: fixture('companies.csv') })
    expect(r).toMatchObject({
      committed: true,
      totalRows: 4,
      imported: 4,
      rejected: [],
      createdCompanies: ['Acme', 'Beta, Inc.', 'Gamma', 'Delta'],
      updatedCompanies: [],
    })
    const acme = (await companies()).find((c) => c.name === 'Acme')!
    expect(acme).toMatchObject({
      segment: 'A',
      plan: 'Enterprise',
      mrrMinor: 120_000,
      customerSince: '2025-01-01',
      status: 'churned',
      churnedOn: '2025-04-01',
      churnType: 'voluntary',
    })
    expect((await companies()).find((c) => c.name === 'Delta')).toMatchObject({
      mrrMinor: 1050,
      currency: 'EUR',
      churnType: null,
    })
    const again = await call(t.app, 'imports:companies', { csv: 'name,mrr,segment\nACME,1300,\ngamma,,B\n' })
    expect(again).toMatchObject({
      committed: true,
      imported: 2,
      createdCompanies: [],
      updatedCompanies: ['Acme', 'Gamma'],
    })
    const after = await companies()
    expect(after).toHaveLength(4)
    expect(after.find((c) => c.name === 'Acme')).toMatchObject({
      mrrMinor: 130_000,
      segment: 'A',
      status: 'churned',
    })
    expect(after.find((c) => c.name === 'Gamma')).toMatchObject({ segment: 'B', mrrMinor: 5000 })
  })

  it('one bad row rejects the whole file, with every reason; skipInvalid imports the rest', async () => {
    const csv =
      'name,segment,mrr,customer_since,status,churned_on\nGood,A,10,2025-01-01,,\nBad seg,E,10,,,\nBad date,A,10,2025-02-30,,\nBad mrr,A,ten,,,\nZombie,A,1,,active,2025-01-01\nBackwards,A,1,2025-05-01,churned,2025-04-01\n,A,1,,,\n'
    const before = dbState(db)
    const r = await call(t.app, 'imports:companies', { csv })
    expect(r.committed).toBe(false)
    expect(r.imported).toBe(0)
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5, 6, 7, 8])
    expect(r.rejected.map((x) => x.message)).toEqual([
      expect.stringMatching(/Unknown segment "E"/),
      expect.stringMatching(/Customer since "2025-02-30" is not a date/),
      expect.stringMatching(/MRR "ten"/),
      expect.stringMatching(/active company cannot have a churn date/),
      expect.stringMatching(/not be before customer since/),
      expect.stringMatching(/name is empty/),
    ])
    expect(dbState(db).digest).toBe(before.digest)
    const partial = await call(t.app, 'imports:companies', { csv, skipInvalid: true })
    expect(partial).toMatchObject({ committed: true, imported: 1, createdCompanies: ['Good'] })
    expect((await companies()).map((c) => c.name)).toEqual(['Good'])
  })

  it('lists every problem of a row, not only the first', async () => {
    const r = await call(t.app, 'imports:companies', {
      csv: 'name,segment,mrr,currency,customer_since,status,churn_type\nMany,E,ten,dollars,2025-13-01,gone,angry\n,Z,1,,,,\n',
    })
    expect(r.committed).toBe(false)
    expect(r.rejected.map((x) => [x.line, x.problems])).toEqual([
      [
        2,
        [
          'Unknown segment "E": use A, B, C, D or leave it empty',
          'MRR "ten" is not an amount such as 49.99',
          'Currency "dollars" is not a 3-letter code such as USD',
          'Customer since "2025-13-01" is not a date in the form YYYY-MM-DD',
          'Status "gone" must be active or churned',
          'Churn type "angry" must be voluntary, involuntary or empty',
        ],
      ],
      [3, ['The company name is empty', 'Unknown segment "Z": use A, B, C, D or leave it empty']],
    ])
    // One sentence per row for the command line, naming each problem.
    expect(r.rejected[1]?.message).toBe(
      'The company name is empty; Unknown segment "Z": use A, B, C, D or leave it empty',
    )
    const survey = await call(t.app, 'imports:churnSurvey', {
      csv: 'date,company,reason,mrr\n01/04/2025,,,lots\n',
    })
    expect(survey.rejected).toEqual([
      {
        line: 2,
        message: expect.any(String),
        problems: [
          'Date "01/04/2025" is not a date in the form YYYY-MM-DD',
          'The company is empty',
          'The reason is empty',
          'MRR "lots" is not an amount such as 49.99',
        ],
      },
    ])
  })

  it('formula-looking cells are stored as text and flagged', async () => {
    const r = await call(t.app, 'imports:companies', {
      csv: 'name,plan\n"=cmd|\' /C calc\'!A0",@SUM(1)\nPlain,-5\n',
    })
    expect(r.committed).toBe(true)
    expect(r.formulaCells).toEqual([
      { line: 2, column: 'name', value: "=cmd|' /C calc'!A0" },
      { line: 2, column: 'plan', value: '@SUM(1)' },
    ])
    expect((await companies()).map((c) => [c.name, c.plan])).toEqual([
      ["=cmd|' /C calc'!A0", '@SUM(1)'],
      ['Plain', '-5'],
    ])
  })

  it('another layout: preview suggests a mapping, commit takes it; a bad mapping is refused', async () => {
    const csv = fixture('companies-crm.csv')
    const p = await call(t.app, 'imports:preview', { kind: 'companies', csv })
    expect(p).toMatchObject({
      headers: ['Account Name', 'Tier', 'Monthly Revenue', 'Signup Date', 'Churn Date'],
      totalRows: 2,
      standardLayout: false,
    })
    expect(p.suggestedMapping).toMatchObject({
      name: 'Account Name',
      segment: 'Tier',
      mrr: 'Monthly Revenue',
      customer_since: 'Signup Date',
      churned_on: 'Churn Date',
    })
    expect(p.sample[1]).toEqual(['Omega', 'B', '300', '2024-02-01', ''])
    const r = await call(t.app, 'imports:companies', { csv, mapping: p.suggestedMapping })
    expect(r).toMatchObject({ committed: true, imported: 2 })
    expect((await companies()).find((c) => c.name === 'Acme')).toMatchObject({
      status: 'churned',
      churnedOn: '2025-04-01',
      mrrMinor: 120_000,
    })
    expect((await fail(t.app, 'imports:companies', { csv, mapping: { name: 'Nope' } })).message).toMatch(
      /"Nope" chosen for name is not in the file/,
    )
    expect((await fail(t.app, 'imports:companies', { csv: 'a,b\n"1,2\n' })).message).toMatch(
      /Not a readable CSV/,
    )
  })
})

describe('churn-survey CSV', () => {
  it('BOM, CRLF, quoted newlines; codes, names and aliases; unknown companies created; unmapped queue', async () => {
    await call(t.app, 'imports:companies', { csv: fixture('companies.csv') })
    const r = await call(t.app, 'imports:churnSurvey', { csv: fixture('churn-survey.csv') })
    expect(r).toMatchObject({
      committed: true,
      totalRows: 5,
      imported: 5,
      unmapped: 1,
      rejected: [],
      createdCompanies: ['Epsilon', 'Zeta'],
      updatedCompanies: [],
    })
    expect(r.formulaCells).toEqual([{ line: 4, column: 'comment', value: '=HYPERLINK("http://x")' }])
    const rows = db
      .prepare(
        'select c.name, r.reason_tag_id as tagId, r.comment, r.mrr_minor as mrr from churn_survey_responses r join companies c on c.id = r.company_id order by r.responded_on',
      )
      .all()
    expect(rows).toEqual([
      {
        name: 'Acme',
        tagId: 'prc1',
        comment: 'Too expensive, honestly.\r\nWe found a cheaper tool.',
        mrr: null,
      },
      { name: 'Beta, Inc.', tagId: 'sup1', comment: '=HYPERLINK("http://x")', mrr: 25_000 },
      { name: 'Delta', tagId: 'sup1', comment: 'Support never answered', mrr: null },
      { name: 'Epsilon', tagId: null, comment: '', mrr: 7_500 },
      { name: 'Zeta', tagId: 'prc1', comment: '', mrr: null },
    ])
    expect((await companies()).find((c) => c.name === 'Epsilon')).toMatchObject({
      status: 'churned',
      churnedOn: '2025-05-12',
      mrrMinor: 7_500,
    })
    // the comment is searchable evidence
    expect(db.prepare("select count(*) as n from survey_fts where survey_fts match 'cheaper'").get()).toEqual(
      { n: 1 },
    )

    const rollup = await call(t.app, 'churn:rollup', {})
    expect(rollup.totals).toMatchObject({ churnedCompanies: 5, codedCompanies: 4, uncodedCompanies: 1 })
    expect(rollup.rows.find((x) => x.code === 'SUP-01')).toMatchObject({
      primaryCompanies: 2,
      primaryLostMrr: 25_000 + 1050,
    })
    expect(rollup.currencies).toEqual(['EUR', 'USD'])

    expect(await call(t.app, 'churn:unmapped')).toEqual([
      {
        reasonRaw: 'We moved to spreadsheets',
        rows: 1,
        companies: ['Epsilon'],
        firstOn: '2025-05-12',
        lastOn: '2025-05-12',
      },
    ])
    expect(
      (await fail(t.app, 'churn:mapReason', { reasonRaw: 'We moved to spreadsheets', tagId: 'gone' })).code,
    ).toBe('NOT_FOUND')
    expect(
      (await call(t.app, 'churn:mapReason', { reasonRaw: 'We moved to spreadsheets', tagId: 'prc1' }))
        .updated,
    ).toBe(1)
    expect(await call(t.app, 'churn:unmapped')).toEqual([])
    expect(
      (await call(t.app, 'churn:rollup', {})).rows.find((x) => x.code === 'PRC-01')?.primaryCompanies,
    ).toBe(3)

    // Rows whose reason was deleted since are back in the queue (and can be mapped elsewhere).
    await call(t.app, 'tags:delete', { id: 'sup1' })
    const queue = await call(t.app, 'churn:unmapped')
    expect(queue.map((q) => q.reasonRaw).sort()).toEqual(['Old support name', 'Poor support'])
    expect((await call(t.app, 'churn:mapReason', { reasonRaw: 'Poor support', tagId: 'prc1' })).updated).toBe(
      1,
    )
    expect((await call(t.app, 'churn:unmapped')).map((q) => q.reasonRaw)).toEqual(['Old support name'])
  })

  it('marks an active company churned on the row date; a date before customer-since rejects the row', async () => {
    await call(t.app, 'imports:companies', {
      csv: 'name,customer_since\nLive,2025-01-01\nYoung,2025-06-01\n',
    })
    const r = await call(t.app, 'imports:churnSurvey', {
      csv: 'date,company,reason\n2025-03-01,live,SUP-01\n2025-03-01,Young,SUP-01\n',
    })
    expect(r.committed).toBe(false)
    const young = "Churn date 2025-03-01 is before Young's customer-since date 2025-06-01"
    expect(r.rejected).toEqual([{ line: 3, message: young, problems: [young] }])
    const ok = await call(t.app, 'imports:churnSurvey', {
      csv: 'date,company,reason\n2025-03-01,live,SUP-01\n2025-03-01,Young,SUP-01\n',
      skipInvalid: true,
    })
    expect(ok).toMatchObject({ committed: true, imported: 1, updatedCompanies: ['Live'] })
    expect((await companies()).find((c) => c.name === 'Live')).toMatchObject({
      status: 'churned',
      churnedOn: '2025-03-01',
    })
  })

  it('bad dates and bad MRR reject rows; nothing is written; dryRun only reports', async () => {
    const before = dbState(db)
    const r = await call(t.app, 'imports:churnSurvey', { csv: fixture('churn-survey-bad.csv') })
    expect(r).toMatchObject({ committed: false, imported: 0 })
    expect(r.rejected.map(({ line, problems }) => ({ line, problems }))).toEqual([
      { line: 3, problems: ['Date "01/04/2025" is not a date in the form YYYY-MM-DD'] },
      { line: 4, problems: ['MRR "lots" is not an amount such as 49.99'] },
    ])
    const dry = await call(t.app, 'imports:churnSurvey', { csv: fixture('churn-survey.csv'), dryRun: true })
    expect(dry).toMatchObject({ committed: false, imported: 5 })
    expect(dbState(db).digest).toBe(before.digest)
  })

  it('a survey into a study feeds that study’s roll-up', async () => {
    const study = await call(t.app, 'studies:create', { name: 'Exit', method: 'exit', targetInterviews: 5 })
    await call(t.app, 'imports:churnSurvey', {
      csv: 'date,company,reason\n2025-03-01,One,PRC-01\n',
      studyId: study.id,
    })
    await call(t.app, 'imports:churnSurvey', { csv: 'date,company,reason\n2025-03-01,Two,SUP-01\n' })
    expect((await call(t.app, 'churn:rollup', { studyId: study.id })).totals.churnedCompanies).toBe(1)
    expect((await call(t.app, 'churn:rollup', {})).totals.churnedCompanies).toBe(2)
    expect(
      (
        await fail(t.app, 'imports:churnSurvey', {
          csv: 'date,company,reason\n2025-03-01,One,PRC-01\n',
          studyId: 'nope',
        })
      ).code,
    ).toBe('NOT_FOUND')
  })

  it('the same export imported twice adds nothing the second time; new rows in an overlapping export do', async () => {
    const csv =
      'date,company,reason,comment,mrr\n2025-04-01,Acme,PRC-01,"Too expensive, honestly",100\n2025-04-02,Beta,SUP-01,,50\n'
    const first = await call(t.app, 'imports:churnSurvey', { csv })
    expect(first).toMatchObject({ imported: 2, alreadyImported: 0, committed: true })
    const before = dbState(db)
    const again = await call(t.app, 'imports:churnSurvey', { csv })
    expect(again).toMatchObject({ imported: 0, alreadyImported: 2, committed: true })
    expect(dbState(db).counts).toEqual(before.counts)
    expect(db.prepare('select count(*) as n from churn_survey_responses').get()).toEqual({ n: 2 })

    // An overlapping, later export: one old row (the company written differently), one new; and a row
    // repeated inside the file counts once.
    const overlap = await call(t.app, 'imports:churnSurvey', {
      csv: 'date,company,reason,comment\n2025-04-01,ACME,PRC-01,"Too expensive, honestly"\n2025-05-01,Gamma,PRC-01,Left\n2025-05-01,Gamma,PRC-01,Left\n',
    })
    expect(overlap).toMatchObject({ imported: 1, alreadyImported: 2 })
    const quotes = await call(t.app, 'churn:quotes', { tagId: 'prc1' })
    expect(quotes.map((q) => q.quote).sort()).toEqual(['Left', 'Too expensive, honestly'])

    // A company won back since: the old row, imported again (into a study, even), changes nothing.
    const acme = (await companies()).find((c) => c.name === 'Acme')!
    await call(t.app, 'companies:update', {
      id: acme.id,
      status: 'active',
      churnedOn: null,
      churnType: null,
      customerSince: '2025-06-01',
    })
    const study = await call(t.app, 'studies:create', { name: 'Exit', method: 'exit', targetInterviews: 5 })
    const replay = await call(t.app, 'imports:churnSurvey', { csv, studyId: study.id })
    expect(replay).toMatchObject({ committed: true, imported: 0, alreadyImported: 2, updatedCompanies: [] })
    expect((await companies()).find((c) => c.name === 'Acme')).toMatchObject({ status: 'active' })
  })

  it('matches company names case-insensitively in any script, not only ASCII', async () => {
    await call(t.app, 'companies:create', { name: 'ООО Ромашка', segment: 'B', mrrMinor: 10_000 })
    await call(t.app, 'companies:create', { name: 'Café Łódź', segment: 'C', mrrMinor: 5_000 })
    const r = await call(t.app, 'imports:churnSurvey', {
      csv: 'date,company,reason\n2025-04-01,ооо  ромашка,PRC-01\n2025-04-02,CAFÉ ŁÓDŹ,SUP-01\n',
    })
    expect(r).toMatchObject({
      imported: 2,
      createdCompanies: [],
      updatedCompanies: ['ООО Ромашка', 'Café Łódź'],
    })
    const up = await call(t.app, 'imports:companies', {
      csv: 'name,segment,plan,mrr,currency,customer_since,status,churned_on,churn_type\nооо ромашка,A,Pro,200,EUR,2024-01-01,churned,2025-04-01,voluntary\n',
    })
    expect(up).toMatchObject({ createdCompanies: [], updatedCompanies: ['ООО Ромашка'] })
    expect((await companies()).map((c) => c.name).sort()).toEqual(['Café Łódź', 'ООО Ромашка'])
    expect(
      (await fail(t.app, 'companies:create', { name: 'ооо ромашка', segment: 'A', mrrMinor: 0 })).code,
    ).toBe('CONFLICT')
  })

  it('keeps near-duplicate names from older libraries editable', async () => {
    // Older versions compared names with SQLite's NOCASE (ASCII only), so both of these could be created.
    const at = '2025-01-01T00:00:00.000Z'
    for (const [id, name] of [
      ['c1', 'Ромашка'],
      ['c2', 'РОМАШКА'],
    ])
      db.prepare('insert into companies (id, name, created_at, updated_at) values (?, ?, ?, ?)').run(
        id,
        name,
        at,
        at,
      )
    expect(await call(t.app, 'companies:update', { id: 'c2', name: 'РОМАШКА', plan: 'Pro' })).toMatchObject({
      plan: 'Pro',
    })
    // Renaming to another company's name is still refused.
    await call(t.app, 'companies:create', { name: 'Лютик', segment: 'A', mrrMinor: 0 })
    expect((await fail(t.app, 'companies:update', { id: 'c2', name: 'ЛЮТИК' })).code).toBe('CONFLICT')
  })
})
