import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, fail, JTBD_EN, rowCounts, setupApp, sqliteOf, type TestApp } from './helpers'

let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

const MINUTE = 60_000

describe('studies', () => {
  it('create, get, list, search, update and delete', async () => {
    const created = await call(t.app, 'studies:create', {
      name: '  Churn 2026  ',
      method: 'exit',
      targetInterviews: 12,
    })
    expect(created).toEqual({
      id: 'id-0001',
      name: 'Churn 2026',
      goal: '',
      method: 'exit',
      status: 'planning',
      targetInterviews: 12,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    })
    t.clock.advance(MINUTE)
    await call(t.app, 'studies:create', {
      name: 'Onboarding journey',
      goal: 'Why 100% of trial_users stall',
      method: 'journey',
      targetInterviews: 8,
    })

    // Newest first.
    expect((await call(t.app, 'studies:list', {})).map((s) => s.name)).toEqual([
      'Onboarding journey',
      'Churn 2026',
    ])
    expect((await call(t.app, 'studies:list')).length).toBe(2)
    expect((await call(t.app, 'studies:list', { search: 'CHURN' })).map((s) => s.name)).toEqual([
      'Churn 2026',
    ])
    // Search text in the goal; LIKE wildcards are taken literally.
    expect((await call(t.app, 'studies:list', { search: '100%' })).map((s) => s.name)).toEqual([
      'Onboarding journey',
    ])
    expect((await call(t.app, 'studies:list', { search: 'trial_u' })).map((s) => s.name)).toEqual([
      'Onboarding journey',
    ])
    expect(await call(t.app, 'studies:list', { search: '%' })).toHaveLength(1)
    expect(await call(t.app, 'studies:list', { search: '_' })).toHaveLength(1)
    expect(await call(t.app, 'studies:list', { search: 'nothing like this' })).toEqual([])

    t.clock.advance(MINUTE)
    const updated = await call(t.app, 'studies:update', { id: created.id, status: 'active' })
    // Fields not sent keep their stored values (no defaults written over them).
    expect(updated).toEqual({ ...created, status: 'active', updatedAt: '2026-03-02T09:02:00.000Z' })
    expect((await call(t.app, 'studies:list', {}))[0]?.name).toBe('Churn 2026')

    const detail = await call(t.app, 'studies:get', { id: created.id })
    expect(detail).toMatchObject({ ...updated, interviewCount: 0, doneCount: 0 })
    expect(detail.metrics).toEqual({ interviews: 0, nps: null, csat: null, ces: null, csi: null })

    expect(await call(t.app, 'studies:delete', { id: created.id })).toEqual({ ok: true })
    expect((await fail(t.app, 'studies:get', { id: created.id })).code).toBe('NOT_FOUND')
    expect((await fail(t.app, 'studies:update', { id: created.id, name: 'x' })).code).toBe('NOT_FOUND')
    expect((await call(t.app, 'studies:list', {})).map((s) => s.name)).toEqual(['Onboarding journey'])
  })

  it('study detail: coverage by ABCD segment and progress counts', async () => {
    const study = await call(t.app, 'studies:create', {
      name: 'Coverage',
      method: 'jtbd_switch',
      targetInterviews: 10,
    })
    const a1 = await call(t.app, 'companies:create', { name: 'A1', segment: 'A' })
    const a2 = await call(t.app, 'companies:create', { name: 'A2', segment: 'A' })
    const b = await call(t.app, 'companies:create', { name: 'B1', segment: 'B' })
    const plain = await call(t.app, 'companies:create', { name: 'No segment' })
    const pa1 = await call(t.app, 'participants:create', { name: 'Pa1', companyId: a1.id })
    const pa2 = await call(t.app, 'participants:create', { name: 'Pa2', companyId: a2.id })
    const pb = await call(t.app, 'participants:create', { name: 'Pb', companyId: b.id })
    const pPlain = await call(t.app, 'participants:create', { name: 'Pplain', companyId: plain.id })
    const pNone = await call(t.app, 'participants:create', { name: 'Pnone' })

    const mk = (participantId: string | null) =>
      call(t.app, 'interviews:create', { studyId: study.id, participantId, scriptId: JTBD_EN })
    const i1 = await mk(pa1.id)
    await mk(pa1.id)
    const i3 = await mk(pa2.id)
    await mk(pb.id)
    const i5 = await mk(pPlain.id)
    await mk(pNone.id)
    await mk(null)
    for (const i of [i1, i3, i5]) await call(t.app, 'interviews:timer', { id: i.id, action: 'finish' })

    // Another study's interviews do not count.
    const other = await call(t.app, 'studies:create', { name: 'Other', method: 'exit', targetInterviews: 1 })
    await call(t.app, 'interviews:create', { studyId: other.id, participantId: pb.id, scriptId: JTBD_EN })

    const detail = await call(t.app, 'studies:get', { id: study.id })
    expect(detail.interviewCount).toBe(7)
    expect(detail.doneCount).toBe(3)
    expect(detail.coverage).toEqual([
      { segment: 'A', interviews: 3, done: 2, companies: 2 },
      { segment: 'B', interviews: 1, done: 0, companies: 1 },
      { segment: 'C', interviews: 0, done: 0, companies: 0 },
      { segment: 'D', interviews: 0, done: 0, companies: 0 },
      { segment: 'unsegmented', interviews: 3, done: 1, companies: 1 },
    ])
    const listed = (await call(t.app, 'studies:list', {})).find((s) => s.id === study.id)
    expect(listed).toMatchObject({ interviewCount: 7, doneCount: 3 })
  })

  it('deleteImpact counts interviews and notes, and delete cascades to both', async () => {
    const study = await call(t.app, 'studies:create', {
      name: 'Doomed',
      method: 'jtbd_switch',
      targetInterviews: 2,
    })
    const keep = await call(t.app, 'studies:create', {
      name: 'Kept',
      method: 'jtbd_switch',
      targetInterviews: 2,
    })
    const p = await call(t.app, 'participants:create', { name: 'Pat' })
    const i1 = await call(t.app, 'interviews:create', {
      studyId: study.id,
      participantId: p.id,
      scriptId: JTBD_EN,
    })
    const i2 = await call(t.app, 'interviews:create', { studyId: study.id, scriptId: JTBD_EN })
    const iKeep = await call(t.app, 'interviews:create', { studyId: keep.id, scriptId: JTBD_EN })
    const note = (interviewId: string, questionId: string) =>
      call(t.app, 'notes:save', {
        interviewId,
        questionId,
        doc: { type: 'doc' },
        plainText: 'n',
        elapsedMs: 1,
      })
    await note(i1.id, 'jtbd.warmup.q1')
    await note(i1.id, 'jtbd.warmup.q2')
    await note(i2.id, 'jtbd.warmup.q1')
    await note(iKeep.id, 'jtbd.warmup.q1')

    expect(await call(t.app, 'studies:deleteImpact', { id: study.id })).toEqual({
      name: 'Doomed',
      interviews: 2,
      notes: 3,
      participants: 0,
    })
    await call(t.app, 'studies:delete', { id: study.id })

    expect(rowCounts(sqliteOf(t.app))).toEqual({
      studies: 1,
      companies: 0,
      participants: 1,
      scripts: 0,
      interviews: 1,
      interview_notes: 1,
    })
    expect((await call(t.app, 'interviews:list', {})).map((i) => i.id)).toEqual([iKeep.id])
    // The participant stays; only their interviews in that study went.
    expect(await call(t.app, 'participants:get', { id: p.id })).toMatchObject({
      name: 'Pat',
      interviewCount: 0,
    })
  })
})
