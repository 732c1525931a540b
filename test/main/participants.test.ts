import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  call,
  expectRefused,
  fail,
  JTBD_EN,
  rowCounts,
  seedBasics,
  setupApp,
  sqliteOf,
  type Seed,
  type TestApp,
} from './helpers'

let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

const MINUTE = 60_000

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

describe('domain rules', () => {
  let seed: Seed
  beforeEach(async () => {
    seed = await seedBasics(t.app)
  })

  it('an invalid e-mail is refused', async () => {
    expect(await expectRefused(t.app, 'participants:create', { name: 'Bob', email: 'bob@' })).toBe(
      'email: Not a valid e-mail address',
    )
    await expectRefused(t.app, 'participants:update', { id: seed.participant.id, email: 'ann at acme' })
    expect((await call(t.app, 'participants:get', { id: seed.participant.id })).email).toBe('ann@acme.test')
  })
})
