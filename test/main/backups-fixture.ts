import type Database from 'better-sqlite3'
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contracts'

type Call = <C extends Channel>(channel: C, input?: ChannelInput<C>) => Promise<ChannelOutput<C>>

const p = (...content: object[]) => ({ type: 'paragraph', content })
const txt = (text: string, ids?: string[]) =>
  ids ? { type: 'text', text, marks: [{ type: 'highlight', attrs: { ids } }] } : { type: 'text', text }

/**
 * A library with something in every part a restore must bring back: two studies, interviews with notes, a
 * highlight in a note and one in a transcript, tags on them, a company and its people.
 */
export async function seedForBackup(call: Call, advance: () => void = () => undefined) {
  const company = await call('companies:create', { name: 'Acme', segment: 'A', mrrMinor: 50_000 })
  const ann = await call('participants:create', { name: 'Ann Lee', companyId: company.id })
  const studies = []
  for (const name of ['Churn study', 'Onboarding study'])
    studies.push(await call('studies:create', { name, method: 'exit', targetInterviews: 5 }))
  advance()
  const interviews = []
  for (const study of studies)
    interviews.push(
      await call('interviews:create', {
        studyId: study.id,
        participantId: ann.id,
        scriptId: 'builtin:jtbd-switch:en',
      }),
    )
  const first = interviews[0]!
  await call('notes:save', {
    interviewId: first.id,
    questionId: first.currentQuestionId ?? '',
    doc: {
      type: 'doc',
      content: [p(txt('It was '), txt('far too expensive', ['h-note-1']), txt(' for us.'))],
    },
    plainText: 'It was far too expensive for us.',
  })
  const theme = await call('tags:create', { name: 'Pricing', kind: 'theme' })
  const [noteHighlight] = await call('highlights:listForInterview', { interviewId: first.id })
  await call('highlights:setTags', { id: noteHighlight?.id ?? '', tagIds: [theme.id] })
  const { imported } = await call('transcripts:import', {
    interviewId: first.id,
    files: [{ name: 'call.txt', text: 'Dana: We left when the spreadsheet broke. Support was slow.' }],
  })
  advance()
  await call('highlights:create', {
    source: { type: 'transcript', transcriptId: imported[0]?.id ?? '' },
    start: 0,
    end: 20,
    tagIds: [theme.id],
  })
  return { studies, interviews, theme }
}

/** Every row of every table (FTS index tables included, through their shadow tables), as sorted JSON lines. */
export function allRows(db: Database.Database): Record<string, string[]> {
  const tables = db
    .prepare(
      "select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL TABLE%' and name not like 'sqlite_%' order by name",
    )
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (db.prepare(`select * from "${t}"`).all() as unknown[])
        .map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
        .sort(),
    ]),
  )
}
