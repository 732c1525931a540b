import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderReport } from '../../src/main/services/reports'
import { ReportOptionsSchema, type ReportOptionsInput } from '../../src/shared/reports/options'
import { call, fail, rollBackTo, setupApp, sqliteOf, type TestApp } from './helpers'
import { seedReportLibrary } from './report-seed'

let t: TestApp
const seed = () => seedReportLibrary(t.app)

const options = (o: ReportOptionsInput) => ReportOptionsSchema.parse(o)

beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

describe('report preview', () => {
  it('has the chosen sections in the chosen order, with the roll-up’s numbers and every quote by tag', async () => {
    const s = await seed()
    const preview = await call(t.app, 'reports:preview', {
      studyId: s.study.id,
      sections: ['churn', 'method', 'appendix'],
      summary: 'First paragraph.\n\nSecond paragraph.',
    })
    expect(preview.sections.map((x) => x.id)).toEqual(['churn', 'method', 'appendix'])
    expect(preview.title).toBe('Research report: Exit Q1')
    const rollup = await call(t.app, 'churn:rollup', { studyId: s.study.id })
    const top = rollup.pareto.companies[0]!
    expect(top.tagId).toBe(s.price.id)
    expect(preview.html).toContain('2 interviews with 2 participants from 2 companies.')
    expect(preview.html).toContain('Interviewers')
    expect(preview.html).toContain('Dana')
    expect(preview.html).toContain('Boris waited two weeks for support at Beta Soft.')
    // A summary the user did not choose is not there; the churn section's headings come before the method's.
    expect(preview.html).not.toContain('First paragraph.')
    expect(preview.html.indexOf('Churn reasons')).toBeLessThan(preview.html.indexOf('Method and coverage'))
    expect(preview.html).not.toMatch(/<script/i)
    expect(preview.replacements).toEqual([])
  })

  it('filters the interview sections by segment and the appendix by tag', async () => {
    const s = await seed()
    const onlyB = await call(t.app, 'reports:preview', {
      studyId: s.study.id,
      sections: ['method', 'people', 'appendix'],
      filters: { segment: 'B' },
    })
    expect(onlyB.html).toContain('1 interview with 1 participant from 1 company.')
    expect(onlyB.html).toContain('Boris Petrov')
    expect(onlyB.html).not.toContain('Ann Lee')
    const priceOnly = await call(t.app, 'reports:preview', {
      studyId: s.study.id,
      sections: ['appendix'],
      filters: { tagId: s.price.id },
    })
    expect(priceOnly.html).toContain('Acme Cloud could not justify the cost.')
    expect(priceOnly.html).not.toContain('Boris waited')
  })

  it('filters churn by the companies’ segment and churn date, numbers and quotes alike', async () => {
    const s = await seed()
    const churn = (filters: object) =>
      call(t.app, 'reports:preview', { studyId: s.study.id, sections: ['churn'], filters })
    const all = await churn({})
    expect(all.html).toContain('Acme Cloud could not justify the cost.')
    expect(all.html).toContain('Boris waited two weeks')
    // The reasons no company gave stay in the codebook, not in the report.
    expect(all.html).not.toContain('ONB-01')
    const onlyB = await churn({ segment: 'B' })
    expect(onlyB.html).toContain('Boris waited two weeks')
    expect(onlyB.html).not.toContain('Acme Cloud could not justify the cost.')
    // Both churned on 2025-06-01: a period that ends before it has no churn to report.
    const before = await churn({ to: '2025-05-31' })
    expect(before.html).toContain('No churned company has a coded reason yet.')
    expect(before.html).not.toContain('Boris waited')
  })

  it('refuses a study or tag that is not there, and a section twice', async () => {
    expect((await fail(t.app, 'reports:preview', { studyId: 'nope' })).code).toBe('NOT_FOUND')
    expect((await fail(t.app, 'reports:preview', { filters: { tagId: 'nope' } })).code).toBe('NOT_FOUND')
    expect((await fail(t.app, 'reports:preview', { sections: ['churn', 'churn'] })).code).toBe('VALIDATION')
  })
})

describe('anonymized reports', () => {
  it('replace every listed name, e-mail and phone with P1…, C1…, and list what was replaced', async () => {
    const s = await seed()
    const preview = await call(t.app, 'reports:preview', { studyId: s.study.id, anonymize: true })
    for (const secret of [
      'Ann',
      'Lee',
      'Boris',
      'Petrov',
      'Acme',
      'Beta Soft',
      'ann@acme.test',
      '555 0101',
      '123-45-67',
    ])
      expect(preview.html).not.toContain(secret)
    expect(preview.html).toContain('P1')
    expect(preview.html).toContain('C2')
    const replaced = Object.fromEntries(preview.replacements.map((r) => [r.original, r.replacement]))
    expect(replaced).toMatchObject({
      'Ann Lee': 'P1',
      Boris: 'P2',
      'Acme Cloud': 'C1',
      'Beta Soft': 'C2',
      'ann@acme.test': '[e-mail]',
    })
    // The numbers stay with the person: a later participant takes the next one, and the first keeps P1.
    await call(t.app, 'participants:create', { name: 'Zed Zee' })
    const again = await call(t.app, 'reports:preview', { studyId: s.study.id, anonymize: true })
    expect(again.replacements.find((r) => r.original === 'Ann Lee')?.replacement).toBe('P1')
  })

  it('gives existing participants and companies their numbers in creation order when the library is upgraded', async () => {
    const s = await seed()
    const db = sqliteOf(t.app)
    rollBackTo(db, '0011_report_aliases')
    const app = await t.reopen()
    const rows = app.libraries
      .context()
      .sqlite.prepare('select name, alias_number as n from participants order by created_at, id')
      .all()
    expect(rows).toEqual([
      { name: s.ann.person.name, n: 1 },
      { name: s.boris.person.name, n: 2 },
    ])
  })
})

describe('report files', () => {
  it('writes HTML, Markdown and a zip of CSV tables that read back to the roll-up’s numbers', async () => {
    const s = await seed()
    const ctx = t.app.libraries.context()
    const base = { studyId: s.study.id, sections: ['churn', 'method'] as const }
    const html = await renderReport(
      ctx,
      { ...options({ ...base, sections: [...base.sections] }), format: 'html' },
      {},
    )
    expect(html.fileName).toBe('Research report Exit Q1.html')
    expect(strFromU8(html.bytes)).toContain('<h1')
    const md = await renderReport(
      ctx,
      { ...options({ ...base, sections: [...base.sections] }), format: 'md' },
      {},
    )
    expect(strFromU8(md.bytes)).toContain('# Research report: Exit Q1')
    const csv = await renderReport(
      ctx,
      { ...options({ ...base, sections: [...base.sections] }), format: 'csv' },
      {},
    )
    expect(csv.fileName.endsWith('.zip')).toBe(true)
    const files = unzipSync(csv.bytes)
    const churn = Papa.parse<string[]>(strFromU8(files['Churn reasons.csv']!).replace(/^\uFEFF/, '')).data
    const rollup = await call(t.app, 'churn:rollup', { studyId: s.study.id })
    const priceRow = churn.find((r) => r[0] === 'PRC-01')!
    const price = rollup.rows.find((r) => r.code === 'PRC-01')!
    expect(Number(priceRow[2])).toBe(price.primaryCompanies)
    expect(Number(priceRow[4])).toBe(price.primaryLostMrr / 100)
  })

  it('says what is missing when a PDF is asked where nothing can print it', async () => {
    const s = await seed()
    const refused = await fail(t.app, 'reports:render', { studyId: s.study.id, format: 'pdf' })
    expect(refused.message).toMatch(/PDF export needs/)
  })
})
