import type { RealBackend } from './real-backend'

const layout = {
  clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
  clientWidth: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
}

/** jsdom does no layout: give boxes a viewport-sized client area, as a window would, so the virtual list mounts rows. */
export function fakeLayout(): void {
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 640 })
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 900 })
}

export function restoreLayout(): void {
  for (const [key, d] of Object.entries(layout)) if (d) Object.defineProperty(Element.prototype, key, d)
}

/** A study with one exit interview whose note has two tagged quotes (one under a parent tag). */
export async function seedEvidence(backend: RealBackend) {
  const study = await backend.call('studies:create', { name: 'Exit Q1', method: 'exit', targetInterviews: 5 })
  const company = await backend.call('companies:create', { name: 'Acme', segment: 'B' })
  const ann = await backend.call('participants:create', { name: 'Ann Lee', companyId: company.id })
  const iv = await backend.call('interviews:create', {
    studyId: study.id,
    participantId: ann.id,
    scriptId: 'builtin:jtbd-switch:en',
  })
  const q = iv.currentQuestionId!
  const note = await backend.call('notes:save', {
    interviewId: iv.id,
    questionId: q,
    doc: { type: 'doc', content: [] },
    plainText: 'The renewal <b>price</b> was far too expensive.',
    elapsedMs: 0,
  })
  const db = backend.app.libraries.context().sqlite
  db.prepare(`update interviews set conducted_at = '2026-02-03T10:00:00.000Z' where id = ?`).run(iv.id)
  db.prepare(
    `insert into tags (id, parent_id, name, color) values ('t1', null, 'Pricing', '#aa0000'), ('t2', 't1', 'Too expensive', '#bb0000'), ('t3', null, 'Support', '#0000aa')`,
  ).run()
  db.prepare(
    `insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values ('h1', ?, ?, 4, 20, 'far too expensive'), ('h2', ?, ?, 0, 11, 'The renewal')`,
  ).run(iv.id, note.id, iv.id, note.id)
  db.prepare(`insert into highlight_tags (highlight_id, tag_id) values ('h1', 't2'), ('h2', 't3')`).run()
  return { study, iv, q }
}
