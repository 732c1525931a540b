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

describe('companies', () => {
  it('create, get, list, search, update and delete', async () => {
    const acme = await call(t.app, 'companies:create', {
      name: 'Acme',
      segment: 'A',
      plan: 'Enterprise',
      mrrMinor: 1_250_000,
      currency: 'EUR',
      customerSince: '2023-01-15',
      notes: 'Key account',
    })
    expect(acme).toEqual({
      id: 'id-0001',
      name: 'Acme',
      segment: 'A',
      plan: 'Enterprise',
      mrrMinor: 1_250_000,
      currency: 'EUR',
      customerSince: '2023-01-15',
      status: 'active',
      churnedOn: null,
      churnType: null,
      notes: 'Key account',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    })
    await call(t.app, 'companies:create', { name: 'beta Ltd', plan: 'Starter' })
    await call(t.app, 'companies:create', { name: 'Zeta', plan: 'Enterprise' })

    expect((await call(t.app, 'companies:list', {})).map((c) => c.name)).toEqual(['Acme', 'beta Ltd', 'Zeta'])
    expect((await call(t.app, 'companies:list', { search: 'enterprise' })).map((c) => c.name)).toEqual([
      'Acme',
      'Zeta',
    ])
    expect((await call(t.app, 'companies:list', { search: 'BETA' })).map((c) => c.name)).toEqual(['beta Ltd'])

    t.clock.advance(MINUTE)
    // Churn: status, date and type together; everything not sent stays as it was.
    const churned = await call(t.app, 'companies:update', {
      id: acme.id,
      status: 'churned',
      churnedOn: '2023-03-01',
      churnType: 'voluntary',
    })
    expect(churned).toEqual({
      ...acme,
      status: 'churned',
      churnedOn: '2023-03-01',
      churnType: 'voluntary',
      updatedAt: '2026-03-02T09:01:00.000Z',
    })

    const detail = await call(t.app, 'companies:get', { id: acme.id })
    expect(detail).toMatchObject({ ...churned, participantCount: 0, interviewCount: 0, earlyChurn: true })
    expect(detail.metrics.interviews).toBe(0)
    const later = await call(t.app, 'companies:update', { id: acme.id, churnedOn: '2024-06-01' })
    expect(later.mrrMinor).toBe(1_250_000)
    expect((await call(t.app, 'companies:get', { id: acme.id })).earlyChurn).toBe(false)
    expect(
      (
        await call(t.app, 'companies:get', {
          id: (await call(t.app, 'companies:list', { search: 'Zeta' }))[0]!.id,
        })
      ).earlyChurn,
    ).toBeNull()

    // Renaming to its own name in another case is not a clash with itself.
    expect((await call(t.app, 'companies:update', { id: acme.id, name: 'ACME' })).name).toBe('ACME')

    await call(t.app, 'companies:delete', { id: acme.id })
    expect((await fail(t.app, 'companies:get', { id: acme.id })).code).toBe('NOT_FOUND')
    expect((await call(t.app, 'companies:list', {})).map((c) => c.name)).toEqual(['beta Ltd', 'Zeta'])
  })

  it('segmentShares sums the MRR of active companies by segment', async () => {
    await call(t.app, 'companies:create', { name: 'A1', segment: 'A', mrrMinor: 500_000 })
    await call(t.app, 'companies:create', { name: 'A2', segment: 'A', mrrMinor: 100_000 })
    await call(t.app, 'companies:create', { name: 'B1', segment: 'B', mrrMinor: 100_000, currency: 'EUR' })
    await call(t.app, 'companies:create', { name: 'C1', segment: 'C', mrrMinor: 150_000 })
    await call(t.app, 'companies:create', { name: 'D1', segment: 'D', mrrMinor: 50_000 })
    await call(t.app, 'companies:create', { name: 'U1', mrrMinor: 100_000 })
    // Churned revenue is not part of the current base.
    await call(t.app, 'companies:create', {
      name: 'Gone',
      segment: 'A',
      mrrMinor: 9_999_999,
      status: 'churned',
      churnedOn: '2025-01-01',
    })

    expect(await call(t.app, 'companies:segmentShares')).toEqual({
      totalMrrMinor: 1_000_000,
      currencies: ['EUR', 'USD'],
      segments: [
        { segment: 'A', companies: 2, mrrMinor: 600_000, sharePct: 60 },
        { segment: 'B', companies: 1, mrrMinor: 100_000, sharePct: 10 },
        { segment: 'C', companies: 1, mrrMinor: 150_000, sharePct: 15 },
        { segment: 'D', companies: 1, mrrMinor: 50_000, sharePct: 5 },
        { segment: 'unsegmented', companies: 1, mrrMinor: 100_000, sharePct: 10 },
      ],
      abSharePct: 70,
      expectedAbSharePct: 80,
    })
  })

  it('segmentShares of an empty library is all zeros', async () => {
    const shares = await call(t.app, 'companies:segmentShares')
    expect(shares.totalMrrMinor).toBe(0)
    expect(shares.abSharePct).toBe(0)
    expect(shares.segments.map((s) => s.sharePct)).toEqual([0, 0, 0, 0, 0])
  })

  it('deleteImpact counts participants and their interviews; delete keeps both, unlinked', async () => {
    const study = await call(t.app, 'studies:create', { name: 'S', method: 'exit', targetInterviews: 3 })
    const acme = await call(t.app, 'companies:create', { name: 'Acme', segment: 'B' })
    const other = await call(t.app, 'companies:create', { name: 'Other' })
    const p1 = await call(t.app, 'participants:create', { name: 'P1', companyId: acme.id })
    const p2 = await call(t.app, 'participants:create', { name: 'P2', companyId: acme.id })
    const p3 = await call(t.app, 'participants:create', { name: 'P3', companyId: other.id })
    const i1 = await call(t.app, 'interviews:create', {
      studyId: study.id,
      participantId: p1.id,
      scriptId: JTBD_EN,
    })
    await call(t.app, 'interviews:create', { studyId: study.id, participantId: p3.id, scriptId: JTBD_EN })
    expect((await call(t.app, 'companies:list', {})).find((c) => c.id === acme.id)).toMatchObject({
      participantCount: 2,
      interviewCount: 1,
    })

    expect(await call(t.app, 'companies:deleteImpact', { id: acme.id })).toEqual({
      name: 'Acme',
      participants: 2,
      interviews: 1,
      notes: 0,
    })
    await call(t.app, 'companies:delete', { id: acme.id })

    expect(rowCounts(sqliteOf(t.app))).toMatchObject({ companies: 1, participants: 3, interviews: 2 })
    expect(await call(t.app, 'participants:get', { id: p1.id })).toMatchObject({
      companyId: null,
      companyName: null,
      companySegment: null,
      interviewCount: 1,
    })
    expect((await call(t.app, 'participants:get', { id: p2.id })).companyId).toBeNull()
    expect((await call(t.app, 'participants:get', { id: p3.id })).companyId).toBe(other.id)
    expect(await call(t.app, 'interviews:get', { id: i1.id })).toMatchObject({
      participantId: p1.id,
      companyId: null,
      companySegment: null,
    })
  })
})

describe('participants', () => {
  it('create, get, list, filter, search, update and delete', async () => {
    const acme = await call(t.app, 'companies:create', { name: 'Acme', segment: 'C' })
    const ann = await call(t.app, 'participants:create', {
      name: 'Ann Lee',
      role: 'CTO',
      companyId: acme.id,
      email: ' ann@acme.test ',
      phone: '+1 (555) 010-2000',
      consentToRecord: true,
    })
    expect(ann).toEqual({
      id: 'id-0002',
      name: 'Ann Lee',
      role: 'CTO',
      companyId: acme.id,
      companyName: 'Acme',
      companySegment: 'C',
      email: 'ann@acme.test',
      phone: '+1 (555) 010-2000',
      consentToRecord: true,
      interviewCount: 0,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    })
    const bob = await call(t.app, 'participants:create', { name: 'bob', role: 'Ops' })
    expect(bob).toMatchObject({ companyId: null, companyName: null, email: '', consentToRecord: false })

    expect((await call(t.app, 'participants:list')).map((p) => p.name)).toEqual(['Ann Lee', 'bob'])
    expect((await call(t.app, 'participants:list', { companyId: acme.id })).map((p) => p.name)).toEqual([
      'Ann Lee',
    ])
    expect((await call(t.app, 'participants:list', { search: 'acme' })).map((p) => p.name)).toEqual([
      'Ann Lee',
    ]) // by company name
    expect((await call(t.app, 'participants:list', { search: 'ops' })).map((p) => p.name)).toEqual(['bob']) // by role
    expect((await call(t.app, 'participants:list', { search: 'ann@' })).map((p) => p.name)).toEqual([
      'Ann Lee',
    ])

    t.clock.advance(MINUTE)
    const moved = await call(t.app, 'participants:update', { id: bob.id, companyId: acme.id })
    expect(moved).toMatchObject({
      name: 'bob',
      role: 'Ops',
      companyName: 'Acme',
      updatedAt: '2026-03-02T09:01:00.000Z',
    })
    // A partial update leaves everything else as stored.
    const renamed = await call(t.app, 'participants:update', { id: ann.id, name: 'Ann Lee-Smith' })
    expect(renamed).toEqual({ ...ann, name: 'Ann Lee-Smith', updatedAt: '2026-03-02T09:01:00.000Z' })
    const unlinked = await call(t.app, 'participants:update', { id: bob.id, companyId: null })
    expect(unlinked.companyId).toBeNull()

    await call(t.app, 'participants:delete', { id: bob.id })
    expect((await fail(t.app, 'participants:get', { id: bob.id })).code).toBe('NOT_FOUND')
    expect((await fail(t.app, 'participants:delete', { id: bob.id })).code).toBe('NOT_FOUND')
  })

  it('deleteImpact counts interviews; delete keeps them, unlinked, with their notes', async () => {
    const study = await call(t.app, 'studies:create', { name: 'S', method: 'exit', targetInterviews: 3 })
    const p = await call(t.app, 'participants:create', { name: 'Pat' })
    const q = await call(t.app, 'participants:create', { name: 'Quinn' })
    const i1 = await call(t.app, 'interviews:create', {
      studyId: study.id,
      participantId: p.id,
      scriptId: JTBD_EN,
    })
    const i2 = await call(t.app, 'interviews:create', {
      studyId: study.id,
      participantId: p.id,
      scriptId: JTBD_EN,
    })
    const i3 = await call(t.app, 'interviews:create', {
      studyId: study.id,
      participantId: q.id,
      scriptId: JTBD_EN,
    })
    await call(t.app, 'notes:save', {
      interviewId: i1.id,
      questionId: 'jtbd.warmup.q1',
      doc: { type: 'doc' },
      plainText: 'kept',
    })

    expect(await call(t.app, 'participants:deleteImpact', { id: p.id })).toEqual({
      name: 'Pat',
      interviews: 2,
      participants: 0,
      notes: 0,
    })
    await call(t.app, 'participants:delete', { id: p.id })

    expect(rowCounts(sqliteOf(t.app))).toMatchObject({ participants: 1, interviews: 3, interview_notes: 1 })
    const after = await call(t.app, 'interviews:list', { studyId: study.id })
    expect(Object.fromEntries(after.map((i) => [i.id, i.participantId]))).toEqual({
      [i1.id]: null,
      [i2.id]: null,
      [i3.id]: q.id,
    })
    expect((await call(t.app, 'notes:list', { interviewId: i1.id }))[0]?.plainText).toBe('kept')
  })
})
