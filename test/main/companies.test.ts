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

describe('domain rules', () => {
  let seed: Seed
  beforeEach(async () => {
    seed = await seedBasics(t.app)
  })

  it('an active company cannot have a churn date, on create', async () => {
    const msg = await expectRefused(t.app, 'companies:create', {
      name: 'Zombie',
      status: 'active',
      churnedOn: '2025-01-01',
    })
    expect(msg).toMatch(/active company/i)
    await expectRefused(t.app, 'companies:create', { name: 'Zombie', churnType: 'voluntary' })
  })

  it('an active company cannot have a churn date, on update via the merged record', async () => {
    const gone = await call(t.app, 'companies:create', {
      name: 'Gone',
      status: 'churned',
      churnedOn: '2025-06-01',
      churnType: 'voluntary',
      customerSince: '2024-01-01',
    })
    // Only status changes, but the stored churnedOn would make the record contradict itself.
    await expectRefused(t.app, 'companies:update', { id: gone.id, status: 'active' })
    // And a churn date on an active company, sent alone.
    await expectRefused(t.app, 'companies:update', { id: seed.company.id, churnedOn: '2025-01-01' })
    expect((await call(t.app, 'companies:get', { id: gone.id })).status).toBe('churned')
    // Clearing the churn fields together with the status is fine.
    const back = await call(t.app, 'companies:update', {
      id: gone.id,
      status: 'active',
      churnedOn: null,
      churnType: null,
    })
    expect(back).toMatchObject({ status: 'active', churnedOn: null, churnType: null })
  })

  it('churnedOn before customerSince is refused on create and update', async () => {
    const msg = await expectRefused(t.app, 'companies:create', {
      name: 'Time traveller',
      status: 'churned',
      customerSince: '2024-05-01',
      churnedOn: '2024-04-30',
    })
    expect(msg).toMatch(/before customer since/i)
    await expectRefused(t.app, 'companies:update', {
      id: seed.company.id,
      status: 'churned',
      churnedOn: '2022-12-31',
    })
  })

  it('a date that does not exist (2024-02-30) is refused', async () => {
    expect(
      await expectRefused(t.app, 'companies:create', { name: 'Leap', customerSince: '2024-02-30' }),
    ).toBe('customerSince: Not a real calendar date')
    await expectRefused(t.app, 'companies:create', { name: 'Leap', customerSince: '2023-02-29' })
    await expectRefused(t.app, 'companies:update', { id: seed.company.id, customerSince: '2024-04-31' })
  })

  it('negative MRR is refused', async () => {
    expect(await expectRefused(t.app, 'companies:create', { name: 'Debt', mrrMinor: -1 })).toBe(
      'mrrMinor: MRR cannot be negative',
    )
    await expectRefused(t.app, 'companies:update', { id: seed.company.id, mrrMinor: -5000 })
  })

  it('a duplicate company name (any case) → CONFLICT', async () => {
    await expectRefused(t.app, 'companies:create', { name: 'ACME' }, 'CONFLICT')
    const other = await call(t.app, 'companies:create', { name: 'Other' })
    await expectRefused(t.app, 'companies:update', { id: other.id, name: 'acme' }, 'CONFLICT')
  })
})
