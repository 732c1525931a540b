import type { AppContext } from '../../src/main/ipc/app-context'
import { call, JTBD_EN } from './helpers'

/** A quote said in an interview: a transcript with the text, highlighted whole and tagged. */
export async function quote(
  app: AppContext,
  interviewId: string,
  text: string,
  tagIds: string[],
): Promise<string> {
  const { imported } = await call(app, 'transcripts:import', {
    interviewId,
    files: [{ name: 'q.txt', text }],
  })
  const h = await call(app, 'highlights:create', {
    source: { type: 'transcript', transcriptId: imported[0]?.id ?? '' },
    start: 0,
    end: [...text].length,
    tagIds,
  })
  return h.id
}

/**
 * A small exit study for the report tests: two churned companies in segments A and B, a participant each with
 * an e-mail and a phone, and quotes that name them (for the anonymization checks), tagged with two reasons.
 */
export async function seedReportLibrary(app: AppContext) {
  await call(app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
  const reasons = await call(app, 'tags:list', { kind: 'churn_reason' })
  const price = reasons.find((r) => r.code === 'PRC-01')!
  const support = reasons.find((r) => r.code?.startsWith('SUP'))!
  const study = await call(app, 'studies:create', { name: 'Exit Q1', method: 'exit', targetInterviews: 8 })
  const people = []
  for (const [name, co, segment, mrr, email, phone] of [
    ['Ann Lee', 'Acme Cloud', 'A', 100_000, 'ann@acme.test', '+1 415 555 0101'],
    ['Boris Petrov', 'Beta Soft', 'B', 20_000, 'boris@beta.test', '+7 495 123-45-67'],
  ] as const) {
    const company = await call(app, 'companies:create', {
      name: co,
      segment,
      mrrMinor: mrr,
      customerSince: '2025-01-01',
    })
    await call(app, 'companies:update', { id: company.id, status: 'churned', churnedOn: '2025-06-01' })
    const person = await call(app, 'participants:create', {
      name,
      companyId: company.id,
      email,
      phone,
      role: 'Ops',
    })
    const interview = await call(app, 'interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: JTBD_EN,
      interviewer: 'Dana',
    })
    people.push({ company, person, interview })
  }
  const [ann, boris] = people as [(typeof people)[0], (typeof people)[0]]
  await quote(
    app,
    ann.interview.id,
    'The price doubled, said Ann Lee; write to ann@acme.test or call +1 415 555 0101.',
    [price.id],
  )
  await quote(app, ann.interview.id, 'Acme Cloud could not justify the cost.', [price.id])
  await quote(app, boris.interview.id, 'Boris waited two weeks for support at Beta Soft.', [support.id])
  return { study, price, support, ann, boris }
}
