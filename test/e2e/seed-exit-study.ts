import { bridgeCall, type RunningApp } from './harness'

/** A churned customer of an exit study who said one thing, tagged with a churn-reason code. */
export interface ExitCustomer {
  company: string
  segment: 'A' | 'B' | 'C' | 'D'
  person: string
  said: string
  reason: string
}

/**
 * An exit study seeded through the running app's bridge, as the app itself would write it: the starter
 * churn reasons, and per customer a churned company, its participant, an interview and a transcript whose
 * first sentence is highlighted and tagged. The UI has to be reloaded afterwards (written behind its back).
 */
export async function seedExitStudy(
  app: RunningApp,
  customers: readonly ExitCustomer[],
  targetInterviews: number,
): Promise<{ studyId: string }> {
  const api = <T>(channel: string, input?: unknown) => bridgeCall<T>(app, channel, input)
  await api('tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
  const reasons = await api<{ id: string; code: string | null }[]>('tags:list', { kind: 'churn_reason' })
  const study = await api<{ id: string }>('studies:create', {
    name: 'Exit Q1',
    method: 'exit',
    targetInterviews,
  })
  for (const c of customers) {
    const company = await api<{ id: string }>('companies:create', {
      name: c.company,
      segment: c.segment,
      status: 'churned',
      churnedOn: '2026-01-10',
    })
    const person = await api<{ id: string }>('participants:create', { name: c.person, companyId: company.id })
    const interview = await api<{ id: string }>('interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: 'builtin:jtbd-switch:en',
      title: `${c.person} exit`,
    })
    const { imported } = await api<{ imported: { id: string }[] }>('transcripts:import', {
      interviewId: interview.id,
      files: [{ name: 'exit.txt', text: `${c.said}. That is why we left.` }],
    })
    await api('highlights:create', {
      source: { type: 'transcript', transcriptId: imported[0]?.id ?? '' },
      start: 0,
      end: c.said.length,
      tagIds: [reasons.find((r) => r.code === c.reason)?.id ?? ''],
    })
  }
  return { studyId: study.id }
}
