import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, fail, setupApp, type TestApp } from './helpers'

/** A company's cancellation-survey answers, and their comments tagged as evidence through the channels. */
let t: TestApp
beforeEach(async () => {
  t = await setupApp()
  await call(t.app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
})
afterEach(() => t.cleanup())

const CSV = [
  'date,company,reason,comment,mrr',
  '2025-03-03,Acme,PRC-01,"Too expensive 💸 for what we use, honestly",1200',
  '2025-05-01,Acme,we went bankrupt,,',
  '2025-04-02,Birch,SUP-01,Nobody answered,300',
].join('\n')

async function seed() {
  await call(t.app, 'imports:churnSurvey', { csv: CSV })
  const companies = await call(t.app, 'companies:list', {})
  return Object.fromEntries(companies.map((c) => [c.name, c])) as Record<string, (typeof companies)[number]>
}

describe('churn:surveyResponses', () => {
  it("lists one company's answers newest first, with the mapped reason or none", async () => {
    const c = await seed()
    const acme = await call(t.app, 'churn:surveyResponses', { companyId: c['Acme']!.id })
    expect(
      acme.map((r) => [r.respondedOn, r.reasonRaw, r.reason?.code ?? null, r.comment, r.mrrMinor]),
    ).toEqual([
      ['2025-05-01', 'we went bankrupt', null, '', null],
      ['2025-03-03', 'PRC-01', 'PRC-01', 'Too expensive 💸 for what we use, honestly', 120_000],
    ])
    expect(acme.every((r) => r.highlights.length === 0)).toBe(true)
    expect((await fail(t.app, 'churn:surveyResponses', { companyId: 'missing' })).code).toBe('NOT_FOUND')
  })

  it('a tagged passage of a comment is listed with its answer and counts as evidence', async () => {
    const c = await seed()
    const [, answer] = await call(t.app, 'churn:surveyResponses', { companyId: c['Acme']!.id })
    const tags = await call(t.app, 'tags:list', { kind: 'churn_reason' })
    const prc = tags.find((x) => x.code === 'PRC-01')!
    // Offsets are code points: "for what we use" starts after the emoji at code point 16.
    const start = [...answer!.comment].join('').indexOf('for what') - 1
    const h = await call(t.app, 'highlights:create', {
      source: { type: 'survey', responseId: answer!.id },
      start,
      end: start + 'for what we use'.length,
      tagIds: [prc.id],
    })
    expect(h).toMatchObject({ quote: 'for what we use', source: 'survey', surveyResponseId: answer!.id })
    const [, again] = await call(t.app, 'churn:surveyResponses', { companyId: c['Acme']!.id })
    expect(again!.highlights.map((x) => [x.id, x.tagIds])).toEqual([[h.id, [prc.id]]])
    // Birch's answers do not see Acme's highlight.
    const birch = await call(t.app, 'churn:surveyResponses', { companyId: c['Birch']!.id })
    expect(birch[0]!.highlights).toEqual([])
    const evidence = await call(t.app, 'evidence:list', { tagId: prc.id })
    expect(evidence.rows.map((r) => [r.quote, r.source, r.companyName])).toEqual([
      ['for what we use', 'survey', 'Acme'],
    ])
    const quotes = await call(t.app, 'churn:quotes', { tagId: prc.id })
    expect(quotes.map((q) => q.quote)).toEqual(['for what we use'])
  })

  it('refuses a passage outside the comment, naming the comment length', async () => {
    const c = await seed()
    const [, answer] = await call(t.app, 'churn:surveyResponses', { companyId: c['Acme']!.id })
    const err = await fail(t.app, 'highlights:create', {
      source: { type: 'survey', responseId: answer!.id },
      start: 30,
      end: 80,
    })
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(/runs past the end of the survey comment, which has 41 characters/)
  })
})
