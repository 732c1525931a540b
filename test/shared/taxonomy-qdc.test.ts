import { describe, expect, it } from 'vitest'
import { makeTag } from './tag-fixture'
import type { Tag } from '../../src/shared/domain/tag'
import {
  buildQdc,
  escapeXml,
  FOOTER_MARKER,
  formatDescription,
  guidForTagId,
  parseDescription,
  parseQdc,
  QdcError,
  type QdcExtras,
} from '../../src/shared/taxonomy/qdc'

const M = FOOTER_MARKER

const tag = makeTag

const extrasOf = (t: Tag): QdcExtras => ({
  kind: t.kind,
  code: t.code,
  semanticKey: t.semanticKey,
  emotionScore: t.emotionScore,
  ownerTeam: t.ownerTeam,
  prevention: t.prevention,
})

/** Texts that could confuse a footer parser: the marker, footer-like lines, blank and indented lines. */
const NASTY = [
  '',
  ' ',
  'plain',
  '\n',
  '\n\n',
  'a\nb',
  'a\r\nb',
  '  leading',
  'trailing  ',
  'trailing newline\n',
  M,
  `${M}\n`,
  `x\n${M}`,
  `x\n\n${M}\nKind: emotion`,
  `${M}\nKind: emotion\nCode: X-1`,
  'Kind: emotion',
  `  ${M}`,
  `line\n  ${M}\n\n  \nKind: theme\n`,
  'R&D <b> "q" \'s\' ]]>',
  'Семантика — «ёлки»\tтаб',
  'para\u2028sep\u2029end\r',
]

describe('.qdc Description footer', () => {
  it('writes the user text, a blank line, the marker and Key: value lines, folding further lines', () => {
    expect(
      formatDescription('Too expensive', {
        kind: 'churn_reason',
        code: 'PRC-01',
        semanticKey: null,
        emotionScore: -1,
        ownerTeam: '',
        prevention: 'Step 1\nStep 2',
      }),
    ).toBe(
      `Too expensive\n\n${M}\nKind: churn_reason\nCode: PRC-01\nEmotion score: -1\nPrevention: Step 1\n  Step 2`,
    )
    expect(formatDescription('', { kind: 'theme' })).toBe(`${M}\nKind: theme`)
  })

  it('parses back exactly what it wrote, for every awkward text in every field', () => {
    for (const description of NASTY)
      for (const value of NASTY) {
        const t = tag({
          kind: 'emotion',
          code: 'EMO-2',
          description,
          ownerTeam: value,
          prevention: `${value}|${value}`,
          semanticKey: value || null,
          emotionScore: 0,
        })
        const [code] = parseQdc(buildQdc([t]))
        expect(code, JSON.stringify({ description, value })).toMatchObject({
          description,
          ...extrasOf(t),
        })
      }
  })

  it('keeps every starter-like combination of fields, including empty extras and every emotion score', () => {
    for (const emotionScore of [-2, -1, 0, 1, 2, null]) {
      const t = tag({ kind: 'emotion', emotionScore, semanticKey: 'joy', description: 'Feels\ngood' })
      expect(parseQdc(buildQdc([t]))[0]).toMatchObject({ description: 'Feels\ngood', ...extrasOf(t) })
    }
    const bare = tag({ kind: 'custom' })
    expect(parseQdc(buildQdc([bare]))[0]).toMatchObject({ description: '', ...extrasOf(bare) })
  })

  it('takes the last marker line followed only by known keys; anything else is plain description', () => {
    expect(parseDescription(`Hello\n\n${M}\nKind: emotion\nCode: A-1`)).toEqual({
      description: 'Hello',
      footer: new Map([
        ['Kind', 'emotion'],
        ['Code', 'A-1'],
      ]),
    })
    // A marker inside the user's text: the footer is the last one.
    expect(parseDescription(`A\n${M}\nB\n\n${M}\nKind: theme`).description).toBe(`A\n${M}\nB`)
    // Text after the footer, an unknown key, a repeated key or a stray indented line: not a footer.
    for (const text of [
      `Hello\n\n${M}\nKind: emotion\nSome note typed later`,
      `Hello\n\n${M}\nColour: red`,
      `Hello\n\n${M}\nKind: emotion\nKind: theme`,
      `Hello\n\n${M}\n  folded without a key`,
    ])
      expect(parseDescription(text)).toEqual({ description: text, footer: null })
    // What editors in other tools do to whitespace is tolerated.
    expect(parseDescription(`Hi\n${M}\r\nOwner team:Ops\nPrevention: a\n\n  b\n\n`)).toEqual({
      description: 'Hi',
      footer: new Map([
        ['Owner team', 'Ops'],
        ['Prevention', 'a\n\nb'],
      ]),
    })
  })

  it('a description without a footer imports with empty Fieldnote fields', () => {
    const [code] = parseQdc(
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="0f9e1c2a-1111-4a2b-9c3d-000000000001" name="X" isCodable="true"><Description>\n  Just text\n</Description></Code></Codes></CodeBook>',
    )
    expect(code).toMatchObject({
      description: 'Just text',
      kind: null,
      code: null,
      semanticKey: null,
      emotionScore: null,
      ownerTeam: '',
      prevention: '',
    })
  })

  it('reads legacy fn: attributes, and prefers the footer when a file has both', () => {
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" xmlns:fn="urn:fieldnote:codebook:1"><Codes>
      <Code guid="0f9e1c2a-1111-4a2b-9c3d-000000000001" name="Old" isCodable="true" fn:kind="emotion" fn:code="EMO-1" fn:semanticKey="anger" fn:emotionScore="-2" fn:ownerTeam="Ops" fn:prevention="a&#10;b"/>
      <Code guid="0f9e1c2a-1111-4a2b-9c3d-000000000002" name="Both" isCodable="true" fn:kind="emotion" fn:ownerTeam="Ops"><Description>${M}
Kind: theme</Description></Code>
    </Codes></CodeBook>`
    const [old, both] = parseQdc(xml)
    expect(old).toMatchObject({
      kind: 'emotion',
      code: 'EMO-1',
      semanticKey: 'anger',
      emotionScore: -2,
      ownerTeam: 'Ops',
      prevention: 'a\nb',
      description: '',
    })
    expect(both).toMatchObject({ kind: 'theme', ownerTeam: 'Ops', description: '' })
  })

  it('exports no Fieldnote attributes, and refuses an empty codebook', () => {
    const xml = buildQdc([tag({ kind: 'emotion', code: 'EMO-1', ownerTeam: 'Ops', emotionScore: 1 })])
    expect(xml).not.toMatch(/fn:|urn:fieldnote/)
    expect(xml).toMatch(/<Code guid="[^"]+" name="Pricing" isCodable="true" color="#123456">\n/)
    expect(() => buildQdc([])).toThrow(QdcError)
    expect(() => buildQdc([])).toThrow('The codebook has no tags to export.')
  })
})

describe('qdc helpers', () => {
  it('escapes the five XML special characters; keeps line breaks in attributes', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f')
    expect(escapeXml('x\ny', true)).toBe('x&#10;y')
    expect(escapeXml('bell\u0007')).toBe('bell')
  })

  it('derives stable UUID-shaped GUIDs from non-UUID ids and keeps UUID ids', () => {
    const g = guidForTagId('id-0001')
    expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(guidForTagId('id-0001')).toBe(g)
    expect(guidForTagId('id-0002')).not.toBe(g)
    expect(guidForTagId('3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301')
  })

  it('parses what it builds, and reads <Project> files that hold a codebook', () => {
    const tag = (id: string, name: string, parentId: string | null, position: number): Tag =>
      makeTag({ id, name, parentId, position })
    const xml = buildQdc([tag('b', 'B', null, 1), tag('a', 'A & co', null, 0), tag('a1', 'A1', 'a', 0)])
    const parsed = parseQdc(xml)
    expect(parsed.map((c) => c.name)).toEqual(['A & co', 'B'])
    expect(parsed[0]?.children.map((c) => c.name)).toEqual(['A1'])
    expect(parsed[0]?.color).toBe('#123456')
    const project = `<Project xmlns="urn:QDA-XML:project:1.0" name="P"><CodeBook><Codes><Code guid="g" name="X" isCodable="true"/></Codes></CodeBook></Project>`
    expect(parseQdc(project).map((c) => c.name)).toEqual(['X'])
    expect(() => parseQdc('<Project name="P"/>')).toThrow(QdcError)
  })
})
