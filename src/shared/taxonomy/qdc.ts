import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { TagKindSchema, type Tag, type TagKind } from '../domain/tag'

/**
 * REFI-QDA codebook (.qdc, urn:QDA-XML:codebook:1.0). Standard attributes carry what every QDA tool reads:
 * guid, name, color, isCodable and the Description element; nested <Code> elements are the tree. Fieldnote's
 * own fields (kind, code, owner team, …) travel as attributes in the fn: namespace, which other tools ignore,
 * so a round trip through Fieldnote keeps them.
 */
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0'
export const FIELDNOTE_NAMESPACE = 'urn:fieldnote:codebook:1'

export interface QdcCode {
  guid: string | null
  name: string
  color: string | null
  description: string
  kind: TagKind | null
  code: string | null
  ownerTeam: string
  prevention: string
  semanticKey: string | null
  emotionScore: number | null
  children: QdcCode[]
}

export class QdcError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(s: string): boolean {
  return UUID.test(s)
}

/** 32-bit FNV-1a with a seed; four of them give 128 stable bits. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/**
 * The GUID a tag is exported with: its id when that already is a UUID, otherwise a UUID derived from the id,
 * the same on every export (so a re-import matches the tag again). Shaped as a version-5-style UUID.
 */
export function guidForTagId(id: string): string {
  if (isUuid(id)) return id.toLowerCase()
  const hex = [0, 1, 2, 3]
    .map((seed) =>
      fnv1a(`fieldnote:${id}`, seed * 0x9e3779b9)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('')
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** Escapes text for an XML attribute value or element content; line breaks survive in attributes. */
export function escapeXml(s: string, attribute = false): string {
  // Characters XML 1.0 forbids outright are dropped rather than producing a file no tool can read.
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  const text = clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
  return attribute
    ? text.replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
    : text.replace(/\r/g, '&#13;')
}

function attr(name: string, value: string | number | null | undefined): string {
  return value === null || value === undefined || value === ''
    ? ''
    : ` ${name}="${escapeXml(String(value), true)}"`
}

/** The codebook as .qdc XML: live tags in tree order (parents before children, siblings by position). */
export function buildQdc(tags: readonly Tag[]): string {
  const children = new Map<string | null, Tag[]>()
  const ids = new Set(tags.map((t) => t.id))
  for (const t of tags) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), t])
  }
  for (const list of children.values())
    list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
  const out: string[] = []
  const write = (parent: string | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      const pad = '  '.repeat(depth)
      const head =
        `${pad}<Code guid="${guidForTagId(t.id)}"${attr('name', t.name)} isCodable="true"${attr('color', t.color.toUpperCase())}` +
        `${attr('fn:kind', t.kind)}${attr('fn:code', t.code)}${attr('fn:semanticKey', t.semanticKey)}${attr('fn:emotionScore', t.emotionScore)}` +
        `${attr('fn:ownerTeam', t.ownerTeam)}${attr('fn:prevention', t.prevention)}`
      const kids = children.get(t.id) ?? []
      if (!t.description && kids.length === 0) {
        out.push(`${head}/>`)
        continue
      }
      out.push(`${head}>`)
      if (t.description) out.push(`${pad}  <Description>${escapeXml(t.description)}</Description>`)
      write(t.id, depth + 1)
      out.push(`${pad}</Code>`)
    }
  }
  write(null, 2)
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" xmlns:fn="${FIELDNOTE_NAMESPACE}" origin="Fieldnote">`,
    '  <Codes>',
    ...out,
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n')
}

type XmlNode = Record<string, unknown>

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''
}

function normalizeColor(v: string): string | null {
  const m = /^#?([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(v.trim())
  return m?.[1] ? `#${m[1].toLowerCase()}` : null
}

function descriptionOf(v: unknown): string {
  if (Array.isArray(v)) return descriptionOf(v[0])
  if (v && typeof v === 'object') return str((v as XmlNode)['#text']).trim()
  return str(v).trim()
}

function readCode(node: XmlNode, path: string): QdcCode {
  const name = str(node['@_name']).trim()
  if (!name) throw new QdcError(`Code ${path} has no name; every code in a codebook needs one.`)
  if (name.length > 200) throw new QdcError(`The name of code ${path} is longer than 200 characters.`)
  const kind = TagKindSchema.safeParse(str(node['@_kind'])).data ?? null
  const code = str(node['@_code']).trim()
  const score = Number.parseInt(str(node['@_emotionScore']), 10)
  const guid = str(node['@_guid']).trim()
  const kids = Array.isArray(node['Code']) ? (node['Code'] as XmlNode[]) : []
  return {
    guid: guid || null,
    name,
    color: normalizeColor(str(node['@_color'])),
    description: descriptionOf(node['Description']).slice(0, 4000),
    kind,
    code: /^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/.test(code) && code.length <= 40 ? code : null,
    ownerTeam: str(node['@_ownerTeam']).slice(0, 200),
    prevention: str(node['@_prevention']).slice(0, 4000),
    semanticKey: str(node['@_semanticKey']).slice(0, 64) || null,
    emotionScore: Number.isInteger(score) && score >= -2 && score <= 2 ? score : null,
    children: kids.map((k, i) => readCode(k, `${path}.${i + 1}`)),
  }
}

/**
 * Parses a .qdc file (or a REFI-QDA project whose <Project> holds a <CodeBook>) into a tree of codes.
 * Throws QdcError with a sentence a user can act on when the file is not XML or not a codebook.
 */
export function parseQdc(xml: string): QdcCode[] {
  const text = xml.replace(/^\uFEFF/, '')
  if (!text.trimStart().startsWith('<'))
    throw new QdcError('This file is not XML, so it cannot be a REFI-QDA codebook (.qdc).')
  const valid = XMLValidator.validate(text)
  if (valid !== true)
    throw new QdcError(`This file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    htmlEntities: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'Code',
  })
  const doc = parser.parse(text) as XmlNode
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'))
  let book: unknown
  if (rootName === 'CodeBook') book = doc['CodeBook']
  else if (rootName === 'Project') book = (doc['Project'] as XmlNode | undefined)?.['CodeBook']
  if (!book || typeof book !== 'object')
    throw new QdcError(
      `This XML file is not a REFI-QDA codebook: its root element is <${rootName ?? '?'}>, expected <CodeBook>.`,
    )
  const codes = (book as XmlNode)['Codes']
  if (!codes || typeof codes !== 'object') return []
  const list = (codes as XmlNode)['Code']
  return Array.isArray(list) ? (list as XmlNode[]).map((c, i) => readCode(c, String(i + 1))) : []
}

export function countCodes(codes: readonly QdcCode[]): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children), 0)
}
