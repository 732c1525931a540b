import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { STARTER_CODEBOOKS } from '../../src/shared/ipc/contracts/tags'
import type { Tag } from '../../src/shared/domain/tag'
import { CHURN_REASONS } from '../../src/shared/taxonomy'
import { call, dbState, fail, ROOT, setupApp, sqliteOf, type TestApp } from './helpers'

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

const XSD = join(ROOT, 'test', 'fixtures', 'refi-qda', 'Project-mrt2019.xsd')

/**
 * Validates a .qdc's codes against the REFI-QDA schema with xmllint. The codebook schema's CodeType is the
 * Project schema's, so the file's root <CodeBook> is re-namespaced into a minimal <Project>; any other
 * namespace declarations on the root stay, so foreign attributes are reported as such, not as unbound
 * prefixes. Returns xmllint's complaints; '' when the file validates.
 */
function schemaErrors(qdc: string): string {
  const root = /<CodeBook\b([^>]*)>/.exec(qdc)
  if (!root) return 'no <CodeBook> root element'
  const prefixes = [...(root[1] ?? '').matchAll(/\sxmlns:\w+="[^"]*"/g)].map((m) => m[0]).join('')
  const project = qdc
    .replace(
      root[0],
      `<Project xmlns="urn:QDA-XML:project:1.0"${prefixes} name="Fieldnote export"><CodeBook>`,
    )
    .replace(/<\/CodeBook>\s*$/, '</CodeBook></Project>\n')
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, '-'], { input: project, stdio: 'pipe' })
    return ''
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer }
    if (e.code === 'ENOENT') return 'xmllint is not installed (Debian package libxml2-utils)'
    return e.stderr?.toString() ?? String(err)
  }
}

describe('REFI-QDA codebook (.qdc)', () => {
  it('exports every starter codebook as a file valid against the REFI-QDA schema', async () => {
    for (const codebook of STARTER_CODEBOOKS) {
      await call(t.app, 'tags:seedStarter', { codebook, language: 'en' })
      await call(u.app, 'tags:seedStarter', { codebook, language: 'ru' })
    }
    const root = await call(t.app, 'tags:create', { name: tricky, description: 'multi\nline & <b>' })
    await call(t.app, 'tags:create', {
      name: 'Deep',
      parentId: root.id,
      ownerTeam: 'Team "A"',
      prevention: 'a\nb',
    })
    for (const app of [t.app, u.app]) {
      const { xml } = await call(app, 'tags:exportQdc')
      expect(schemaErrors(xml)).toBe('')
      expect(xml).not.toContain('fn:')
    }
    // The check itself bites: a Fieldnote-only attribute, as earlier versions wrote, is reported.
    const legacy = (await call(t.app, 'tags:exportQdc')).xml
      .replace('<CodeBook ', '<CodeBook xmlns:fn="urn:fieldnote:codebook:1" ')
      .replace(' isCodable="true"', ' isCodable="true" fn:kind="theme"')
    expect(schemaErrors(legacy)).toMatch(/kind' is not allowed/)
  })

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
    expect(xml).toContain(
      '<Description>Line one &amp; &lt;two&gt;\nline two\n\n— Fieldnote —\nKind: theme</Description>',
    )
    expect(xml).not.toContain('fn:')
    const guids = [...xml.matchAll(/guid="([^"]+)"/g)].map((m) => m[1])
    expect(guids).toHaveLength(2)
    for (const g of guids)
      expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // Stable: the same ids give the same GUIDs on every export.
    expect((await call(t.app, 'tags:exportQdc')).xml).toBe(xml)
    // The child is nested inside its parent's <Code>.
    expect(xml).toMatch(
      /<Code [^>]*name="R&amp;D[^>]*>\s*<Description>[^<]*<\/Description>\s*<Code [^>]*name="Child"[^>]*>\s*<Description>[^<]*<\/Description>\s*<\/Code>\s*<\/Code>/,
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
    expect(result).toEqual({ created: source.length, updated: 0, skipped: 0, codeGroups: [] })
    const copy = await call(u.app, 'tags:list')
    expect(shape(copy)).toEqual(shape(source))
    expect(copy.length).toBe(CHURN_REASONS.length + 6 + 2)

    // Same file again, into the library that made it: every code matches its tag by GUID.
    const before = dbState(sqliteOf(t.app))
    expect(await call(t.app, 'tags:importQdc', { xml })).toEqual({
      created: 0,
      updated: 0,
      skipped: source.length,
      codeGroups: [],
    })
    expect(dbState(sqliteOf(t.app)).digest).toBe(before.digest)
    // And into the copy: its tags were created with the file's GUIDs, so they match too.
    expect(await call(u.app, 'tags:importQdc', { xml })).toEqual({
      created: 0,
      updated: 0,
      skipped: source.length,
      codeGroups: [],
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
    expect(await call(t.app, 'tags:importQdc', { xml })).toEqual({
      created: 2,
      updated: 1,
      skipped: 1,
      codeGroups: [],
    })
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
      codeGroups: [],
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
      [
        '<CodeBook><Codes><Code name="a"></Codes></CodeBook>',
        /not well-formed XML \(line 1, column \d+: the <Code> element opened on line 1 is closed by <\/Codes>\)/,
      ],
      [
        'PK\u0003\u0004\u0014\u0000project.qde',
        /This is a REFI-QDA project \(\.qdpx.*Import a REFI-QDA project/,
      ],
      [
        '<Project xmlns="urn:QDA-XML:project:1.0" name="P"><Sources/></Project>',
        /project file has no codebook: it holds no codes/,
      ],
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', /holds no codes/],
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
      codeGroups: [],
    })
    expect(dbState(sqliteOf(t.app)).counts).toEqual(before2.counts)
    expect(before.counts).toEqual(before2.counts)
  })

  it('lists the code groups (<Sets>) of a codebook by name, and takes isCodable="false" categories as tags', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA 2022">
  <Codes>
    <Code guid="0f9e1c2a-2222-4a2b-9c3d-000000000001" name="Reasons" isCodable="false">
      <Code guid="0f9e1c2a-2222-4a2b-9c3d-000000000002" name="Price" isCodable="true" color="#FF0000"/>
    </Code>
  </Codes>
  <Sets>
    <Set guid="0f9e1c2a-2222-4a2b-9c3d-000000000003" name="Money">
      <MemberCode targetGUID="0f9e1c2a-2222-4a2b-9c3d-000000000002"/>
    </Set>
    <Set guid="0f9e1c2a-2222-4a2b-9c3d-000000000004" name="Wave 2"/>
  </Sets>
</CodeBook>`
    expect(await call(t.app, 'tags:importQdc', { xml })).toEqual({
      created: 2,
      updated: 0,
      skipped: 0,
      codeGroups: ['Money', 'Wave 2'],
    })
    const tags = await call(t.app, 'tags:list')
    expect(tags.find((x) => x.name === 'Price')?.parentId).toBe(tags.find((x) => x.name === 'Reasons')?.id)
  })

  it('round trip keeps every Fieldnote field exactly, even newlines and the footer marker inside values', async () => {
    const marker = '— Fieldnote —'
    const parent = await call(t.app, 'tags:create', {
      name: 'Pricing',
      kind: 'churn_reason',
      code: 'PRC-01',
      color: '#aa00cc',
      description: `  Indented first line\n\nParagraph two\n${marker}\nKind: emotion\n`,
      ownerTeam: `Billing ${marker} team`,
      prevention: `Step 1\n${marker}\n  indented\n\nKind: theme\n`,
      semanticKey: 'price_value',
    })
    await call(t.app, 'tags:create', {
      name: 'Angry',
      parentId: parent.id,
      kind: 'emotion',
      emotionScore: -2,
      description: marker,
    })
    await call(t.app, 'tags:create', { name: 'Calm', parentId: parent.id, kind: 'emotion', emotionScore: 0 })
    await call(t.app, 'tags:create', { name: 'Plain', kind: 'custom' })
    const { xml } = await call(t.app, 'tags:exportQdc')
    expect(schemaErrors(xml)).toBe('')
    expect(await call(u.app, 'tags:importQdc', { xml })).toEqual({
      created: 4,
      updated: 0,
      skipped: 0,
      codeGroups: [],
    })
    const source = await call(t.app, 'tags:list')
    expect(shape(await call(u.app, 'tags:list'))).toEqual(shape(source))
    // And the copy exports the same file again.
    expect((await call(u.app, 'tags:exportQdc')).xml).toBe(xml)
  })

  it('imports files from earlier Fieldnote versions, whose fields were fn: attributes', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" xmlns:fn="urn:fieldnote:codebook:1" origin="Fieldnote">
  <Codes>
    <Code guid="0f9e1c2a-1111-4a2b-9c3d-000000000011" name="Price" isCodable="true" color="#C62828" fn:kind="churn_reason" fn:code="PRC-01" fn:ownerTeam="Billing &quot;A&quot;" fn:prevention="Line 1&#10;Line 2">
      <Description>Too expensive</Description>
      <Code guid="0f9e1c2a-1111-4a2b-9c3d-000000000012" name="Frustrated" isCodable="true" fn:kind="emotion" fn:semanticKey="frustration" fn:emotionScore="-2"/>
    </Code>
  </Codes>
</CodeBook>`
    expect(await call(t.app, 'tags:importQdc', { xml })).toEqual({
      created: 2,
      updated: 0,
      skipped: 0,
      codeGroups: [],
    })
    const list = await call(t.app, 'tags:list')
    expect(list.find((x) => x.name === 'Price')).toMatchObject({
      kind: 'churn_reason',
      code: 'PRC-01',
      color: '#c62828',
      description: 'Too expensive',
      ownerTeam: 'Billing "A"',
      prevention: 'Line 1\nLine 2',
    })
    expect(list.find((x) => x.name === 'Frustrated')).toMatchObject({
      kind: 'emotion',
      semanticKey: 'frustration',
      emotionScore: -2,
    })
    // Exported again, the same fields now travel in the footer, and the file is schema-valid.
    const again = (await call(t.app, 'tags:exportQdc')).xml
    expect(schemaErrors(again)).toBe('')
    expect(again).toContain('Too expensive\n\n— Fieldnote —\nKind: churn_reason\nCode: PRC-01\n')
  })

  it('a description whose footer another tool dropped or mangled imports as plain text with no Fieldnote fields', async () => {
    const code = (guid: string, name: string, description: string) =>
      `<Code guid="0f9e1c2a-1111-4a2b-9c3d-0000000000${guid}" name="${name}" isCodable="true"><Description>${description}</Description></Code>`
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${[
      code('21', 'Lost', '  Only the text\nof the user  '),
      code('22', 'Edited', 'Text\n\n— Fieldnote —\nKind: emotion\nNotes added in another tool'),
    ].join('')}</Codes></CodeBook>`
    expect(await call(t.app, 'tags:importQdc', { xml })).toEqual({
      created: 2,
      updated: 0,
      skipped: 0,
      codeGroups: [],
    })
    const list = await call(t.app, 'tags:list')
    const empty = {
      kind: 'theme',
      code: null,
      ownerTeam: '',
      prevention: '',
      semanticKey: null,
      emotionScore: null,
    }
    expect(list.find((x) => x.name === 'Lost')).toMatchObject({
      ...empty,
      description: 'Only the text\nof the user',
    })
    expect(list.find((x) => x.name === 'Edited')).toMatchObject({
      ...empty,
      description: 'Text\n\n— Fieldnote —\nKind: emotion\nNotes added in another tool',
    })
  })

  it('refuses to export an empty codebook (REFI-QDA needs at least one code) with a sentence for the user', async () => {
    const err = await fail(t.app, 'tags:exportQdc')
    expect(err.code).toBe('NOT_FOUND')
    expect(err.message).toBe('The codebook has no tags to export. Add a tag or a starter codebook first.')
    // Deleted tags do not count.
    const only = await call(t.app, 'tags:create', { name: 'Gone' })
    await call(t.app, 'tags:delete', { id: only.id })
    expect((await fail(t.app, 'tags:exportQdc')).message).toMatch(/no tags to export/)
    // What an empty export would have been is indeed invalid.
    expect(schemaErrors('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes></Codes></CodeBook>')).toMatch(
      /Missing child element/,
    )
  })
})
