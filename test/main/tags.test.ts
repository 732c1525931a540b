import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHURN_REASONS, JTBD_FORCES, STARTER_CODEBOOKS } from '../../src/shared/taxonomy'
import { call, fail, JTBD_EN, seedBasics, setupApp, sqliteOf, type TestApp } from './helpers'

let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

const names = async () => (await call(t.app, 'tags:list')).map((x) => x.name)

/** Highlights are another engineer's service: rows go in with raw SQL, as the schema defines them. */
async function highlightsOn(tagIdsPerHighlight: string[][]): Promise<string[]> {
  const { interview, note } = await seedBasics(t.app)
  const sqlite = sqliteOf(t.app)
  return tagIdsPerHighlight.map((tagIds, i) => {
    const id = `hl-${i}`
    sqlite
      .prepare(
        'insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, ?, 0, 5, ?)',
      )
      .run(id, interview.id, note.id, `quote ${i}`)
    for (const tagId of tagIds)
      sqlite.prepare('insert into highlight_tags (highlight_id, tag_id) values (?, ?)').run(id, tagId)
    return id
  })
}

function tagsOf(highlightId: string): string[] {
  return (
    sqliteOf(t.app)
      .prepare('select tag_id as id from highlight_tags where highlight_id = ? order by tag_id')
      .all(highlightId) as { id: string }[]
  ).map((r) => r.id)
}

describe('codebook tree', () => {
  it('creates nested tags with defaults, positions and parent colour', async () => {
    const root = await call(t.app, 'tags:create', { name: 'Pricing', color: '#AA3300' })
    const a = await call(t.app, 'tags:create', { name: 'Too expensive', parentId: root.id, code: 'PX-01' })
    const b = await call(t.app, 'tags:create', { name: 'Unclear plans', parentId: root.id })
    expect(root).toMatchObject({
      parentId: null,
      kind: 'theme',
      color: '#aa3300',
      position: 0,
      aliases: [],
      highlightCount: 0,
      treeHighlightCount: 0,
    })
    expect(a).toMatchObject({ parentId: root.id, code: 'PX-01', color: '#aa3300', position: 0 })
    expect(b.position).toBe(1)
    expect(await names()).toEqual(['Pricing', 'Too expensive', 'Unclear plans'])
    expect(await call(t.app, 'tags:list', { kind: 'churn_reason' })).toEqual([])
    expect((await fail(t.app, 'tags:create', { name: 'Orphan', parentId: 'nope' })).code).toBe('NOT_FOUND')
  })

  it('refuses a duplicate code among live tags with a clear CONFLICT, and frees it once the holder is deleted', async () => {
    const a = await call(t.app, 'tags:create', { name: 'Price', code: 'PRC-01' })
    const err = await fail(t.app, 'tags:create', { name: 'Other', code: 'PRC-01' })
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe('The code PRC-01 is already used by the tag “Price”. Codes must be unique.')
    const b = await call(t.app, 'tags:create', { name: 'Other' })
    expect((await fail(t.app, 'tags:update', { id: b.id, code: 'PRC-01' })).code).toBe('CONFLICT')
    await call(t.app, 'tags:delete', { id: a.id })
    expect((await call(t.app, 'tags:update', { id: b.id, code: 'PRC-01' })).code).toBe('PRC-01')
    // Restoring the old holder would now clash: refused, nothing changes.
    const restore = await fail(t.app, 'tags:restore', { id: a.id })
    expect(restore.code).toBe('CONFLICT')
    expect(restore.message).toContain('PRC-01')
    expect(await names()).toEqual(['Other'])
  })

  it('rename keeps the old name as an alias; recolour and edit fields', async () => {
    const tag = await call(t.app, 'tags:create', { name: 'Too pricey', code: 'P-1' })
    const renamed = await call(t.app, 'tags:update', {
      id: tag.id,
      name: 'Price too high',
      color: '#00FF00',
      ownerTeam: 'Pricing',
      prevention: 'Review prices',
      description: 'd',
    })
    expect(renamed).toMatchObject({
      name: 'Price too high',
      color: '#00ff00',
      ownerTeam: 'Pricing',
      prevention: 'Review prices',
      description: 'd',
      aliases: ['Too pricey'],
    })
    const again = await call(t.app, 'tags:update', { id: tag.id, name: 'Price', code: 'P-2' })
    expect(again.aliases).toEqual(['Too pricey', 'Price too high', 'P-1'])
    // An update that does not rename adds no alias.
    expect((await call(t.app, 'tags:update', { id: tag.id, description: 'x' })).aliases).toEqual(
      again.aliases,
    )
    expect((await fail(t.app, 'tags:update', { id: 'missing', name: 'x' })).code).toBe('NOT_FOUND')
  })

  it('moves a tag between parents with sibling positions and refuses cycles', async () => {
    const a = await call(t.app, 'tags:create', { name: 'A' })
    const b = await call(t.app, 'tags:create', { name: 'B' })
    const a1 = await call(t.app, 'tags:create', { name: 'A1', parentId: a.id })
    const a2 = await call(t.app, 'tags:create', { name: 'A2', parentId: a.id })
    const a3 = await call(t.app, 'tags:create', { name: 'A3', parentId: a.id })
    const a11 = await call(t.app, 'tags:create', { name: 'A11', parentId: a1.id })

    // Reorder within the same parent.
    await call(t.app, 'tags:move', { id: a3.id, parentId: a.id, position: 0 })
    expect(
      (await call(t.app, 'tags:list')).filter((x) => x.parentId === a.id).map((x) => [x.name, x.position]),
    ).toEqual([
      ['A3', 0],
      ['A1', 1],
      ['A2', 2],
    ])
    // Move under another parent; the old siblings close the gap.
    const moved = await call(t.app, 'tags:move', { id: a1.id, parentId: b.id })
    expect(moved).toMatchObject({ parentId: b.id, position: 0 })
    expect(
      (await call(t.app, 'tags:list')).filter((x) => x.parentId === a.id).map((x) => [x.name, x.position]),
    ).toEqual([
      ['A3', 0],
      ['A2', 1],
    ])
    // To the top level.
    expect((await call(t.app, 'tags:move', { id: a2.id, parentId: null, position: 0 })).position).toBe(0)

    for (const parentId of [b.id, a1.id, a11.id]) {
      const err = await fail(t.app, 'tags:move', { id: b.id, parentId })
      expect(err.code).toBe('VALIDATION')
      expect(err.message).toContain('cannot be moved under itself or under one of its own sub-tags')
    }
    expect((await fail(t.app, 'tags:move', { id: a.id, parentId: 'missing' })).code).toBe('NOT_FOUND')
  })
})

describe('merge', () => {
  it('reassigns highlights without duplicates, keeps aliases, adopts children and soft-deletes the source', async () => {
    const target = await call(t.app, 'tags:create', { name: 'Price too high', code: 'PRC-01' })
    const source = await call(t.app, 'tags:create', { name: 'Too expensive', code: 'PX-9' })
    const child = await call(t.app, 'tags:create', { name: 'Per-seat price', parentId: source.id })
    const other = await call(t.app, 'tags:create', { name: 'Other' })
    // hl-0 has both tags (the overlap that must not hit the primary key), hl-1 only the source, hl-2 only the target.
    const [both, onlySource, onlyTarget] = await highlightsOn([
      [source.id, target.id, other.id],
      [source.id],
      [target.id],
    ])
    await call(t.app, 'tags:update', { id: source.id, name: 'Expensive' }) // an alias of the source travels too

    const merged = await call(t.app, 'tags:merge', { sourceId: source.id, targetId: target.id })
    expect(merged.highlightCount).toBe(3)
    expect(merged.aliases).toEqual(expect.arrayContaining(['Too expensive', 'Expensive', 'PX-9']))
    expect(tagsOf(both ?? '')).toEqual([other.id, target.id].sort())
    expect(tagsOf(onlySource ?? '')).toEqual([target.id])
    expect(tagsOf(onlyTarget ?? '')).toEqual([target.id])

    const list = await call(t.app, 'tags:list')
    expect(list.map((x) => x.id)).not.toContain(source.id)
    expect(list.find((x) => x.id === child.id)?.parentId).toBe(target.id)
    const row = sqliteOf(t.app)
      .prepare('select deleted_at as d, merged_into_id as m from tags where id = ?')
      .get(source.id) as { d: string; m: string }
    expect(row.m).toBe(target.id)
    expect(row.d).not.toBeNull()
    expect((await fail(t.app, 'tags:restore', { id: source.id })).code).toBe('CONFLICT')
  })

  it('undoes a merge exactly: links, primary reasons, survey mappings, aliases, children and places', async () => {
    const db = sqliteOf(t.app)
    const target = await call(t.app, 'tags:create', {
      name: 'Price too high',
      code: 'PRC-01',
      kind: 'churn_reason',
    })
    await call(t.app, 'tags:create', { name: 'First', kind: 'churn_reason' })
    const source = await call(t.app, 'tags:create', {
      name: 'Too expensive',
      code: 'PX-9',
      kind: 'churn_reason',
    })
    await call(t.app, 'tags:create', { name: 'Last', kind: 'churn_reason' })
    await call(t.app, 'tags:create', { name: 'Per-seat price', parentId: source.id, kind: 'churn_reason' })
    await call(t.app, 'tags:create', { name: 'Annual price', parentId: target.id, kind: 'churn_reason' })
    await highlightsOn([[source.id, target.id], [source.id], [target.id]])
    await call(t.app, 'tags:update', { id: source.id, name: 'Expensive' }) // an alias of its own
    const study = await call(t.app, 'studies:create', { name: 'Exits', method: 'exit', targetInterviews: 2 })
    const iv = await call(t.app, 'interviews:create', { studyId: study.id, scriptId: JTBD_EN })
    await call(t.app, 'churn:setPrimary', { interviewId: iv.id, tagId: source.id })
    await call(t.app, 'imports:churnSurvey', {
      csv: 'date,company,reason,comment,mrr\n2025-01-02,Acme,PX-9,,',
    })
    // Every row as a set (undo re-inserts links, so row order may differ), less the touched-at stamps.
    const state = () =>
      [
        'tags',
        'highlight_tags',
        'tag_aliases',
        'interviews',
        'churn_survey_responses',
        'interview_tag_counts',
      ].map((table) =>
        (db.prepare(`select * from ${table} order by rowid`).all() as Record<string, unknown>[])
          .map(({ updated_at: _u, ...row }) => JSON.stringify(row))
          .sort(),
      )
    const before = state()
    const list = async () =>
      (await call(t.app, 'tags:list')).map((x) => `${x.parentId ?? '-'}/${x.position}/${x.name}`)
    const listBefore = await list()

    const merged = await call(t.app, 'tags:merge', { sourceId: source.id, targetId: target.id })
    expect(state()).not.toEqual(before)
    const back = await call(t.app, 'tags:undoMerge', { mergeId: merged.mergeId })
    expect(back).toMatchObject({ id: source.id, name: 'Expensive', code: 'PX-9', highlightCount: 2 })
    expect(await list()).toEqual(listBefore)
    expect(state()).toEqual(before)
    expect((await fail(t.app, 'tags:undoMerge', { mergeId: merged.mergeId })).code).toBe('CONFLICT')
  })

  it('will not undo a merge whose target is gone, or whose code was taken since', async () => {
    const target = await call(t.app, 'tags:create', { name: 'Target' })
    const source = await call(t.app, 'tags:create', { name: 'Source', code: 'S-1' })
    const merged = await call(t.app, 'tags:merge', { sourceId: source.id, targetId: target.id })
    const squatter = await call(t.app, 'tags:create', { name: 'Squatter', code: 'S-1' })
    expect((await fail(t.app, 'tags:undoMerge', { mergeId: merged.mergeId })).message).toBe(
      'The code S-1 is used by “Squatter” now; change that first.',
    )
    await call(t.app, 'tags:delete', { id: squatter.id })
    await call(t.app, 'tags:delete', { id: target.id })
    expect((await fail(t.app, 'tags:undoMerge', { mergeId: merged.mergeId })).message).toContain(
      'has been deleted or merged since',
    )
    expect((await fail(t.app, 'tags:undoMerge', { mergeId: 'missing' })).code).toBe('NOT_FOUND')
  })

  it('refuses merging into itself or into its own sub-tag', async () => {
    const a = await call(t.app, 'tags:create', { name: 'A' })
    const a1 = await call(t.app, 'tags:create', { name: 'A1', parentId: a.id })
    expect((await fail(t.app, 'tags:merge', { sourceId: a.id, targetId: a.id })).code).toBe('VALIDATION')
    expect((await fail(t.app, 'tags:merge', { sourceId: a.id, targetId: a1.id })).message).toContain(
      'its own sub-tag',
    )
    expect((await fail(t.app, 'tags:merge', { sourceId: a.id, targetId: 'missing' })).code).toBe('NOT_FOUND')
    expect(await names()).toEqual(['A', 'A1'])
  })

  it('tags of different kinds cannot be merged', async () => {
    sqliteOf(t.app)
      .prepare(
        "insert into tags (id, name, kind, color) values ('tag-price', 'Price too high', 'churn_reason', '#cc3333')",
      )
      .run()
    sqliteOf(t.app)
      .prepare("insert into tags (id, name, kind, color) values ('tag-theme', 'Pricing', 'theme', '#3366cc')")
      .run()
    const e = await fail(t.app, 'tags:merge', { sourceId: 'tag-price', targetId: 'tag-theme' })
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toContain('different kinds')
  })
})

describe('delete, impact and undo', () => {
  it('counts the subtree and distinct highlights, soft-deletes the subtree and restores exactly that delete', async () => {
    const a = await call(t.app, 'tags:create', { name: 'A' })
    const a1 = await call(t.app, 'tags:create', { name: 'A1', parentId: a.id })
    const a2 = await call(t.app, 'tags:create', { name: 'A2', parentId: a.id })
    const a21 = await call(t.app, 'tags:create', { name: 'A21', parentId: a2.id })
    await call(t.app, 'tags:create', { name: 'B' })
    await highlightsOn([[a.id, a1.id], [a21.id], [a1.id]])

    // A1 deleted first, on its own: undoing A's delete later must not bring it back.
    expect(await call(t.app, 'tags:deleteImpact', { id: a1.id })).toEqual({
      name: 'A1',
      tags: 1,
      highlights: 2,
    })
    await call(t.app, 'tags:delete', { id: a1.id })
    expect(await call(t.app, 'tags:deleteImpact', { id: a.id })).toEqual({
      name: 'A',
      tags: 3,
      highlights: 2,
    })
    await call(t.app, 'tags:delete', { id: a.id })
    expect(await names()).toEqual(['B'])
    // Highlights keep their links while the tags are deleted, so undo loses nothing.
    expect(
      (sqliteOf(t.app).prepare('select count(*) as n from highlight_tags').get() as { n: number }).n,
    ).toBe(4)

    const restored = await call(t.app, 'tags:restore', { id: a.id })
    expect(restored).toMatchObject({ name: 'A', position: 0, highlightCount: 1 })
    expect(await names()).toEqual(['A', 'B', 'A2', 'A21'])
    expect((await fail(t.app, 'tags:restore', { id: a.id })).code).toBe('CONFLICT')
    expect((await call(t.app, 'tags:restore', { id: a1.id })).parentId).toBe(a.id)
    expect(await names()).toEqual(['A', 'B', 'A1', 'A2', 'A21'])
    expect((await fail(t.app, 'tags:delete', { id: 'missing' })).code).toBe('NOT_FOUND')
  })

  it('asks to restore the parent first when a child was deleted separately and the parent is gone', async () => {
    const a = await call(t.app, 'tags:create', { name: 'A' })
    const a1 = await call(t.app, 'tags:create', { name: 'A1', parentId: a.id })
    await call(t.app, 'tags:delete', { id: a1.id })
    await call(t.app, 'tags:delete', { id: a.id })
    expect((await fail(t.app, 'tags:restore', { id: a1.id })).message).toContain(
      'Restore its parent “A” first',
    )
  })
})

describe('starter codebooks', () => {
  it('seeds churn reasons in English with codes, owners and prevention, and skips them the second time', async () => {
    const first = await call(t.app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
    expect(first).toEqual({ created: CHURN_REASONS.length, skipped: 0 })
    const list = await call(t.app, 'tags:list', { kind: 'churn_reason' })
    expect(list).toHaveLength(CHURN_REASONS.length)
    const prc = list.find((x) => x.code === 'PRC')
    const prc01 = list.find((x) => x.code === 'PRC-01')
    expect(prc).toMatchObject({ parentId: null, name: 'Price and commercial terms' })
    expect(prc01).toMatchObject({
      parentId: prc?.id,
      name: 'Price too high / poor price-value',
      ownerTeam: 'Pricing',
      prevention: 'Competitive pricing, reviewed regularly.',
    })
    expect(list.filter((x) => x.parentId === prc?.id).map((x) => x.code)).toEqual([
      'PRC-01',
      'PRC-02',
      'PRC-03',
      'PRC-04',
      'PRC-05',
    ])

    // A user's own renamed tag keeps its name: seeding again (in Russian) skips by code.
    await call(t.app, 'tags:update', { id: prc01?.id ?? '', name: 'Too expensive' })
    await call(t.app, 'tags:delete', { id: list.find((x) => x.code === 'PRC-05')?.id ?? '' })
    expect(await call(t.app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'ru' })).toEqual({
      created: 1,
      skipped: CHURN_REASONS.length - 1,
    })
    const after = await call(t.app, 'tags:list', { kind: 'churn_reason' })
    expect(after.find((x) => x.code === 'PRC-01')?.name).toBe('Too expensive')
    expect(after.find((x) => x.code === 'PRC-05')).toMatchObject({
      name: 'Потеря старого тарифа или привилегий',
      parentId: prc?.id,
    })
  })

  it('seeds every starter in Russian, matching forces by their meaning', async () => {
    await call(t.app, 'tags:create', { name: 'My push', kind: 'jtbd_force', semanticKey: 'push' })
    const forces = await call(t.app, 'tags:seedStarter', { codebook: 'jtbd_forces', language: 'ru' })
    expect(forces).toEqual({ created: JTBD_FORCES.length - 1, skipped: 1 })
    const list = await call(t.app, 'tags:list', { kind: 'jtbd_force' })
    expect(list.map((x) => x.name).sort()).toEqual(
      [
        'My push',
        'Притяжение нового решения',
        'Привычка к текущему',
        'Силы JTBD',
        'Тревога перед новым решением',
      ].sort(),
    )
    for (const key of ['jtbd_phases', 'journey_stages', 'emotions', 'satisfaction_drivers'] as const) {
      const r = await call(t.app, 'tags:seedStarter', { codebook: key, language: 'ru' })
      expect(r).toEqual({ created: STARTER_CODEBOOKS[key].length, skipped: 0 })
    }
    const emotions = await call(t.app, 'tags:list', { kind: 'emotion' })
    expect(emotions.map((e) => e.emotionScore)).toEqual([null, -2, -1, 0, 1, 2])
    const drivers = await call(t.app, 'tags:list', { kind: 'satisfaction_driver' })
    expect(drivers.find((d) => d.semanticKey === 'support_quality')?.name).toBe('Качество поддержки')
  })

  it('reports highlight counts per tag itself', async () => {
    await call(t.app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
    const list = await call(t.app, 'tags:list')
    const id = (code: string) => list.find((x) => x.code === code)?.id ?? ''
    await highlightsOn([[id('PRC-01')], [id('PRC-01'), id('PRC-02')]])
    const again = await call(t.app, 'tags:list')
    expect(again.find((x) => x.code === 'PRC-01')?.highlightCount).toBe(2)
    expect(again.find((x) => x.code === 'PRC-02')?.highlightCount).toBe(1)
    expect(again.find((x) => x.code === 'PRC')?.highlightCount).toBe(0)
  })

  it('counts a category’s highlights with its sub-tags, each highlight once', async () => {
    await call(t.app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
    const list = await call(t.app, 'tags:list')
    const id = (code: string) => list.find((x) => x.code === code)?.id ?? ''
    await highlightsOn([[id('PRC-01')], [id('PRC-01'), id('PRC-02')], [id('PRC')], [id('SUP-01')]])
    const again = await call(t.app, 'tags:list')
    const of = (code: string) => again.find((x) => x.code === code)
    // PRC: its own highlight, and the two of its reasons (one carries both reasons): 3, not 4.
    expect(of('PRC')).toMatchObject({ highlightCount: 1, treeHighlightCount: 3 })
    expect(of('PRC-01')).toMatchObject({ highlightCount: 2, treeHighlightCount: 2 })
    expect(of('SUP')).toMatchObject({ highlightCount: 0, treeHighlightCount: 1 })
    expect(of('VAL')).toMatchObject({ highlightCount: 0, treeHighlightCount: 0 })
    // A deleted reason no longer counts towards its category.
    await call(t.app, 'tags:delete', { id: id('SUP-01') })
    expect((await call(t.app, 'tags:list')).find((x) => x.code === 'SUP')?.treeHighlightCount).toBe(0)
  })
})
