import type Database from 'better-sqlite3'
import type { AppContext } from '../../src/main/ipc/app-context'
import { call, JTBD_EN } from './helpers'

/* What the churn, forces, stories and matrix tests stand on: tags and tagged quotes by SQL, people through the channels. */

/** Tags by raw SQL, so these tests do not depend on the codebook service. */
export function tag(
  db: Database.Database,
  id: string,
  o: {
    parent?: string
    name?: string
    code?: string
    kind?: string
    key?: string
    position?: number
    prevention?: string
  } = {},
) {
  db.prepare(
    'insert into tags (id, parent_id, name, code, kind, semantic_key, position, prevention) values (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    id,
    o.parent ?? null,
    o.name ?? id,
    o.code ?? null,
    o.kind ?? 'churn_reason',
    o.key ?? null,
    o.position ?? 0,
    o.prevention ?? '',
  )
}

let n = 0
/** A highlight on a note of the interview, tagged with the given tags. */
export function highlight(
  db: Database.Database,
  interviewId: string,
  quote: string,
  tagIds: string[],
  elapsedMs: number | null = null,
) {
  const noteId = `note-${++n}`
  db.prepare(
    "insert into interview_notes (id, interview_id, question_id, doc, plain_text, first_elapsed_ms) values (?, ?, ?, '{}', ?, ?)",
  ).run(noteId, interviewId, `q-${n}`, quote, elapsedMs)
  const id = `hl-${n}`
  db.prepare(
    'insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, ?, 0, ?, ?)',
  ).run(id, interviewId, noteId, quote.length, quote)
  for (const t of tagIds)
    db.prepare('insert into highlight_tags (highlight_id, tag_id) values (?, ?)').run(id, t)
  return id
}

export async function company(
  app: AppContext,
  name: string,
  o: {
    segment?: 'A' | 'B' | 'C' | 'D'
    mrrMinor?: number
    customerSince?: string
    churnedOn?: string
    churnType?: 'voluntary' | 'involuntary'
  } = {},
) {
  return call(app, 'companies:create', {
    name,
    segment: o.segment ?? null,
    mrrMinor: o.mrrMinor ?? 0,
    customerSince: o.customerSince ?? null,
    status: o.churnedOn ? 'churned' : 'active',
    churnedOn: o.churnedOn ?? null,
    churnType: o.churnType ?? null,
  })
}
export async function interview(app: AppContext, studyId: string, companyId: string, person: string) {
  const p = await call(app, 'participants:create', { name: person, companyId })
  return call(app, 'interviews:create', {
    studyId,
    participantId: p.id,
    scriptId: JTBD_EN,
    title: `Exit: ${person}`,
  })
}

/** Two churn-reason categories with reasons (Price: PRC-01, PRC-02; Support: SUP-01) and a theme. */
export function seedReasonTags(db: Database.Database): void {
  tag(db, 'prc', { name: 'Price', code: 'PRC', prevention: 'Competitive pricing review' })
  tag(db, 'prc1', { parent: 'prc', name: 'Too expensive', code: 'PRC-01' })
  tag(db, 'prc2', { parent: 'prc', name: 'Budget cut', code: 'PRC-02', position: 1 })
  tag(db, 'sup', { name: 'Support', code: 'SUP', position: 1 })
  tag(db, 'sup1', { parent: 'sup', name: 'Poor support', code: 'SUP-01' })
  tag(db, 'theme', { name: 'Onboarding', kind: 'theme' })
}

/** A JTBD switch study: forces and phases, two companies in segments A and B, an interview each, quotes. */
export async function seedSwitchStudy(app: AppContext, db: Database.Database) {
  tag(db, 'push', { kind: 'jtbd_force', key: 'push', name: 'Push' })
  tag(db, 'push-slow', { kind: 'jtbd_force', parent: 'push', name: 'Too slow' })
  tag(db, 'pull', { kind: 'jtbd_force', key: 'pull', name: 'Pull', position: 1 })
  tag(db, 'habit', { kind: 'jtbd_force', key: 'habit', name: 'Habit', position: 3 })
  tag(db, 'ph-first', { kind: 'jtbd_phase', key: 'first_thought', name: 'First thought', position: 0 })
  tag(db, 'ph-buy', { kind: 'jtbd_phase', key: 'deciding', name: 'Deciding', position: 1 })
  const study = await call(app, 'studies:create', {
    name: 'Switch',
    method: 'jtbd_switch',
    targetInterviews: 5,
  })
  const a = await company(app, 'Acme', { segment: 'A' })
  const b = await company(app, 'Beta', { segment: 'B' })
  const i1 = await interview(app, study.id, a.id, 'Ann')
  const i2 = await interview(app, study.id, b.id, 'Bob')
  highlight(db, i1.id, 'Excel was slow', ['push-slow', 'ph-first'], 60_000)
  highlight(db, i1.id, 'So slow', ['push'], 5_000)
  highlight(db, i1.id, 'We bought it', ['pull', 'ph-buy'], 1_000)
  highlight(db, i2.id, 'The old way worked', ['habit', 'theme'])
  return { study, i1, i2 }
}
