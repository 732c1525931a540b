import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Tag } from '../../src/shared/domain/tag'
import { CHURN_REASONS } from '../../src/shared/taxonomy'
import { call, dbState, fail, setupApp, sqliteOf, type TestApp } from './helpers'

let t: TestApp
let u: TestApp
beforeEach(async () => {
  t = await setupApp()
  u = await setupApp()
})
afterEach(() => {
  t.cleanup()
  u.cleanup()
})

/** The tree as paths of names, with what a codebook carries: independent of ids and insertion order. */
function shape(tags: Tag[]) {
  const byId = new Map(tags.map((x) => [x.id, x]))
  const path = (x: Tag): string => (x.parentId ? `${path(byId.get(x.parentId) as Tag)} / ${x.name}` : x.name)
  return tags
    .map((x) => ({
      path: path(x),
      position: x.position,
      color: x.color,
      description: x.description,
      kind: x.kind,
      code: x.code,
      ownerTeam: x.ownerTeam,
      prevention: x.prevention,
      semanticKey: x.semanticKey,
      emotionScore: x.emotionScore,
    }))
    .sort((a, b) => a.path.localeCompare(b.path))
}

const tricky = 'R&D <beta> "quoted" \'single\''

describe('REFI-QDA codebook (.qdc)', () => {
  it('exports nested codes with namespace, GUIDs, colours, descriptions and escaped names', async () => {
    const root = await call(t.app, 'tags:create', {
      name: tricky,
      color: '#aa00cc',
      description: 'Line one & <two>\nline two',
    })
    await call(t.app, 'tags:create', { name: 'Child', parentId: root.id })
    const { xml, fileName } = await call(t.app, 'tags:exportQdc')
    expect(fileName).toBe('Fieldnote codebook 2026-03-02.qdc')
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"')
    expect(xml).toContain('origin="Fieldnote"')
    expect(xml).toContain('name="R&amp;D &lt;beta&gt; &quot;quoted&quot; &apos;single&apos;"')
    expect(xml).toContain('color="#AA00CC"')
    expect(xml).toContain('<Description>Line one &amp; &lt;two&gt;\nline two</Description>')
    const guids = [...xml.matchAll(/guid="([^"]+)"/g)].map((m) => m[1])
    expect(guids).toHaveLength(2)
    for (const g of guids)
      expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // Stable: the same ids give the same GUIDs on every export.
    expect((await call(t.app, 'tags:exportQdc')).xml).toBe(xml)
    // The child is nested inside its parent's <Code>.
    expect(xml).toMatch(
      /<Code [^>]*name="R&amp;D[^>]*>\s*<Description>[\s\S]*<\/Description>\s*<Code [^>]*name="Child"[^>]*\/>\s*<\/Code>/,
    )
  })

  it('round trip: export, import into an empty library, the same tree; importing again changes nothing', async () => {
    await call(t.app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
    await call(t.app, 'tags:seedStarter', { codebook: 'emotions', language: 'ru' })
    const root = await call(t.app, 'tags:create', { name: tricky, description: 'multi\nline & <b>' })
    await call(t.app, 'tags:create', {
      name: 'Deep',
      parentId: root.id,
      ownerTeam: 'Team "A"',
      prevention: 'Line 1\nLine 2',
    })
    const { xml } = await call(t.app, 'tags:exportQdc')

    const result = await call(u.app, 'tags:importQdc', { xml })
    const source = await call(t.app, 'tags:list')
    expect(result).toEqual({ created: source.length, updated: 0, skipped: 0 })
    const copy = await call(u.app, 'tags:list')
    expect(shape(copy)).toEqual(shape(source))
    expect(copy.length).toBe(CHURN_REASONS.length + 6 + 2)

    // Same file again, into the library that made it: every code matches its tag by GUID.
    const before = dbState(sqliteOf(t.app))
    expect(await call(t.app, 'tags:importQdc', { xml })).toEqual({
      created: 0,
      updated: 0,
      skipped: source.length,
    })
    expect(dbState(sqliteOf(t.app)).digest).toBe(before.digest)
    // And into the copy: its tags were created with the file's GUIDs, so they match too.
    expect(await call(u.app, 'tags:importQdc', { xml })).toEqual({
      created: 0,
      updated: 0,
      skipped: source.length,
    })
  })

  it('imports a codebook from another tool: nested codes, colours, descriptions; matches by GUID, then name under the same parent', async () => {
    const existing = await call(t.app, 'tags:create', { name: 'Onboarding', color: '#111111' })
    const keep = await call(t.app, 'tags:create', { name: 'Setup pain', parentId: existing.id })
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other QDA tool">
  <Codes>
    <Code guid="0F9E1C2A-1111-4A2B-9C3D-000000000001" name="onboarding" isCodable="true" color="#22AA44">
      <Description>First weeks</Description>
      <Code guid="0F9E1C2A-1111-4A2B-9C3D-000000000002" name="Setup pain" isCodable="true"/>
      <Code guid="0F9E1C2A-1111-4A2B-9C3D-000000000003" name="Training &amp; docs" isCodable="true" color="#336699FF"/>
    </Code>
    <Code guid="0f9e1c2a-1111-4a2b-9c3d-000000000004" name="Pricing" isCodable="false"/>
  </Codes>
</CodeBook>`
    expect(await call(t.app, 'tags:importQdc', { xml })).toEqual({ created: 2, updated: 1, skipped: 1 })
    const list = await call(t.app, 'tags:list')
    const onboarding = list.find((x) => x.id === existing.id)
    expect(onboarding).toMatchObject({
      name: 'onboarding',
      color: '#22aa44',
      description: 'First weeks',
      aliases: ['Onboarding'],
    })
    expect(list.find((x) => x.id === keep.id)?.parentId).toBe(existing.id)
    expect(list.find((x) => x.name === 'Training & docs')).toMatchObject({
      parentId: existing.id,
      color: '#336699',
      id: '0f9e1c2a-1111-4a2b-9c3d-000000000003',
    })
    expect(list.find((x) => x.name === 'Pricing')).toMatchObject({
      parentId: null,
      id: '0f9e1c2a-1111-4a2b-9c3d-000000000004',
    })
    // Renamed in the other tool: the GUID still finds it.
    const renamed = xml.replace('name="Training &amp; docs"', 'name="Docs"')
    expect(await call(t.app, 'tags:importQdc', { xml: renamed })).toEqual({
      created: 0,
      updated: 1,
      skipped: 3,
    })
    expect(
      (await call(t.app, 'tags:list')).find((x) => x.id === '0f9e1c2a-1111-4a2b-9c3d-000000000003')?.name,
    ).toBe('Docs')
  })

  it('refuses what is not a codebook with a clear VALIDATION message and imports nothing', async () => {
    await call(t.app, 'tags:create', { name: 'Existing' })
    const before = dbState(sqliteOf(t.app))
    const cases: [string, RegExp][] = [
      ['name,code\nPrice,PRC-01', /not XML/],
      ['{"codes": []}', /not XML/],
      ['<CodeBook><Codes><Code name="a"></Codes></CodeBook>', /not well-formed XML \(line 1/],
      ['<?xml version="1.0"?><html><body>hi</body></html>', /root element is <html>, expected <CodeBook>/],
      ['<CodeBook><Codes><Code guid="x"/></Codes></CodeBook>', /Code 1 has no name/],
      ['<CodeBook><Codes><Code name="A"><Code name=" "/></Code></Codes></CodeBook>', /Code 1\.1 has no name/],
    ]
    for (const [xml, message] of cases) {
      const err = await fail(t.app, 'tags:importQdc', { xml })
      expect(err.code, xml).toBe('VALIDATION')
      expect(err.message).toMatch(message)
    }
    // All or nothing: a bad code late in the file undoes the good ones before it.
    const late =
      '<CodeBook><Codes><Code name="Good 1"/><Code name="Good 2"/><Code guid="0f9e1c2a-1111-4a2b-9c3d-00000000000a" name="X"/><Code guid="0f9e1c2a-1111-4a2b-9c3d-00000000000a" name="Y"/></Codes></CodeBook>'
    expect((await fail(t.app, 'tags:importQdc', { xml: late })).message).toContain('twice')
    await call(t.app, 'tags:create', { name: 'Holder', code: 'PRC-01' })
    const before2 = dbState(sqliteOf(t.app))
    const clash =
      '<CodeBook xmlns:fn="urn:fieldnote:codebook:1"><Codes><Code name="New one"/><Code name="Other" fn:code="PRC-01"/></Codes></CodeBook>'
    // fn:code matches the holder by code (update, not a clash); a different name under the same code is an update too.
    expect(await call(t.app, 'tags:importQdc', { xml: clash })).toEqual({
      created: 1,
      updated: 1,
      skipped: 0,
    })
    expect(dbState(sqliteOf(t.app)).counts).toEqual(before2.counts)
    expect(before.counts).toEqual(before2.counts)
  })
})
