import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { TagKindSchema, type Tag, type TagKind } from '../domain/tag'

/**
 * REFI-QDA codebook (.qdc, urn:QDA-XML:codebook:1.0). The file must stay valid against the REFI-QDA schema,
 * whose <Code> allows only guid, name, isCodable and color plus a <Description>: strict importers (NVivo,
 * MAXQDA, ATLAS.ti) refuse anything else, so Fieldnote's own fields cannot travel as attributes. They ride
 * instead in a plain-text footer at the end of the Description, readable by a person in any QDA tool and
 * parsed back exactly by Fieldnote:
 *
 *     <the user's description, byte for byte>
 *     (blank line)
 *     — Fieldnote —
 *     Kind: churn_reason
 *     Prevention: first line
 *       second line
 *
 * The footer is the last line that is exactly the marker, followed only by known `Key: value` lines; a value's
 * further lines are folded (indented by two spaces), so no value can end the footer or pass for the marker.
 * Anything that does not match that shape (the footer deleted or edited in another tool) is read as plain
 * description with no Fieldnote fields. Files from earlier Fieldnote versions carried the fields as fn:
 * attributes (FIELDNOTE_NAMESPACE); the import still reads them, the export no longer writes them.
 */
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0'
/** The namespace of the fn: attributes earlier versions wrote; read on import only. */
export const FIELDNOTE_NAMESPACE = 'urn:fieldnote:codebook:1'
/** The line that opens the footer of Fieldnote fields in a code's Description. */
export const FOOTER_MARKER = '— Fieldnote —'

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
  /** isCodable="false": a category other tools do not let people code with; Fieldnote still can. */
  codable: boolean
  children: QdcCode[]
}

export class QdcError extends Error {}

/** Fieldnote's fields that REFI-QDA has no place for. */
export type QdcExtras = Pick<
  QdcCode,
  'kind' | 'code' | 'semanticKey' | 'emotionScore' | 'ownerTeam' | 'prevention'
>

/** Footer labels, in the order they are written. */
const FOOTER_FIELDS = [
  ['kind', 'Kind'],
  ['code', 'Code'],
  ['semanticKey', 'Semantic key'],
  ['emotionScore', 'Emotion score'],
  ['ownerTeam', 'Owner team'],
  ['prevention', 'Prevention'],
] as const satisfies readonly (readonly [keyof QdcExtras, string])[]

/** A code's Description as exported: the user's text, a blank line, then the footer (empty values left out). */
export function formatDescription(description: string, extras: Partial<QdcExtras>): string {
  const lines: string[] = [FOOTER_MARKER]
  for (const [field, label] of FOOTER_FIELDS) {
    const value = extras[field]
    if (value === null || value === undefined || value === '') continue
    const [first = '', ...rest] = String(value).split('\n')
    lines.push(`${label}: ${first}`, ...rest.map((line) => `  ${line}`))
  }
  return description ? `${description}\n\n${lines.join('\n')}` : lines.join('\n')
}

/**
 * Splits a Description into the user's text and the footer's raw values (by label). footer is null when
 * there is no well-formed footer; the text is then the whole Description.
 */
export function parseDescription(text: string): { description: string; footer: Map<string, string> | null } {
  const lines = text.split('\n')
  let at = -1
  for (let i = lines.length - 1; i >= 0 && at < 0; i--) if (lines[i]?.trimEnd() === FOOTER_MARKER) at = i
  if (at < 0) return { description: text, footer: null }
  const body = lines.slice(at + 1)
  // A tool that re-saves the text may add line breaks at its end; folded values never end in an empty line.
  while (body.length > 0 && body[body.length - 1] === '') body.pop()
  const labels = new Set<string>(FOOTER_FIELDS.map(([, label]) => label))
  const values = new Map<string, string[]>()
  let current: string[] | null = null
  for (const line of body) {
    if (current && line.startsWith('  ')) current.push(line.slice(2))
    // A folded empty line whose two spaces an editor trimmed away.
    else if (current && line === '') current.push('')
    else {
      const m = /^([A-Za-z][A-Za-z ]*): ?(.*)$/s.exec(line)
      const label = m?.[1] ?? ''
      if (!labels.has(label) || values.has(label)) return { description: text, footer: null }
      current = [m?.[2] ?? '']
      values.set(label, current)
    }
  }
  const before = lines.slice(0, at).join('\n')
  return {
    description: at === 0 ? '' : before.endsWith('\n') ? before.slice(0, -1) : before,
    footer: new Map([...values].map(([label, v]) => [label, v.join('\n')])),
  }
}

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

export function attr(name: string, value: string | number | null | undefined): string {
  return value === null || value === undefined || value === ''
    ? ''
    : ` ${name}="${escapeXml(String(value), true)}"`
}

/**
 * The <Code> elements of a codebook, indented from `depth`: live tags in tree order (parents before
 * children, siblings by position). Shared by the codebook (.qdc) and the project (.qdpx) exports.
 */
export function codeElements(tags: readonly Tag[], depth: number): string[] {
  const children = new Map<string | null, Tag[]>()
  const ids = new Set(tags.map((t) => t.id))
  for (const t of tags) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), t])
  }
  for (const list of children.values())
    list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
  const out: string[] = []
  const write = (parent: string | null, level: number) => {
    for (const t of children.get(parent) ?? []) {
      const pad = '  '.repeat(level)
      out.push(
        `${pad}<Code guid="${guidForTagId(t.id)}"${attr('name', t.name)} isCodable="true"${attr('color', t.color.toUpperCase())}>`,
        `${pad}  <Description>${escapeXml(formatDescription(t.description, t))}</Description>`,
      )
      write(t.id, level + 1)
      out.push(`${pad}</Code>`)
    }
  }
  write(null, depth)
  return out
}

/** The codebook as .qdc XML. Throws QdcError when there is no tag: the schema requires at least one <Code>. */
export function buildQdc(tags: readonly Tag[]): string {
  const out = codeElements(tags, 2)
  if (out.length === 0)
    throw new QdcError('The codebook has no tags to export. Add a tag or a starter codebook first.')
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="Fieldnote">`,
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
  if (v && typeof v === 'object') return str((v as XmlNode)['#text'])
  return str(v)
}

function readCode(node: XmlNode, path: string): QdcCode {
  const name = str(node['@_name']).trim()
  if (!name) throw new QdcError(`Code ${path} has no name; every code in a codebook needs one.`)
  if (name.length > 200) throw new QdcError(`The name of code ${path} is longer than 200 characters.`)
  const { description, footer } = parseDescription(descriptionOf(node['Description']))
  // The footer wins; fn: attributes are how files from earlier Fieldnote versions carry the same fields.
  const field = (label: string, attribute: string) => footer?.get(label) ?? str(node[`@_${attribute}`])
  const kind = TagKindSchema.safeParse(field('Kind', 'kind').trim()).data ?? null
  const code = field('Code', 'code').trim()
  const score = field('Emotion score', 'emotionScore').trim()
  const guid = str(node['@_guid']).trim()
  const kids = Array.isArray(node['Code']) ? (node['Code'] as XmlNode[]) : []
  return {
    guid: guid || null,
    name,
    color: normalizeColor(str(node['@_color'])),
    // The user's text is kept exactly when Fieldnote wrote it; another tool's layout whitespace is not.
    description: (footer ? description : description.trim()).slice(0, 4000),
    kind,
    code: /^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/.test(code) && code.length <= 40 ? code : null,
    ownerTeam: field('Owner team', 'ownerTeam').slice(0, 200),
    prevention: field('Prevention', 'prevention').slice(0, 4000),
    semanticKey: field('Semantic key', 'semanticKey').slice(0, 64) || null,
    emotionScore: /^[-+]?[0-2]$/.test(score) ? Number(score) || 0 : null,
    codable: str(node['@_isCodable']).trim() !== 'false',
    children: kids.map((k, i) => readCode(k, `${path}.${i + 1}`)),
  }
}

/** The codes of a parsed <CodeBook> element (from a .qdc or inside a project.qde). */
export function codesFromCodeBook(book: unknown): QdcCode[] {
  const codes = book && typeof book === 'object' ? (book as XmlNode)['Codes'] : undefined
  if (!codes || typeof codes !== 'object') return []
  const list = (codes as XmlNode)['Code']
  return Array.isArray(list) ? (list as XmlNode[]).map((c, i) => readCode(c, String(i + 1))) : []
}

/** The names of a codebook's code groups (<Sets>), which a codebook import lists rather than drops. */
export function setNamesOf(book: unknown): string[] {
  const sets = book && typeof book === 'object' ? (book as XmlNode)['Sets'] : undefined
  const list = sets && typeof sets === 'object' ? (sets as XmlNode)['Set'] : undefined
  const all = Array.isArray(list) ? list : list ? [list] : []
  return all.map((x) => str((x as XmlNode)['@_name']).trim()).filter(Boolean)
}

/**
 * Where and why XML is not well-formed, in words a researcher reads: "line 12, column 5: the <Code> element
 * opened on line 3 is closed by </Codes>". fast-xml-parser's messages name its own internals otherwise.
 */
export function describeXmlError(err: { line: number; col: number; msg: string }): string {
  const m = err.msg
  let what = m
  let r: RegExpExecArray | null
  if (
    (r =
      /Expected closing tag '([^']+)' \(opened in line (\d+), col \d+\) instead of closing tag '([^']+)'/.exec(
        m,
      ))
  )
    what = `the <${r[1]}> element opened on line ${r[2]} is closed by </${r[3]}>`
  else if ((r = /Unclosed tag '([^']+)'/.exec(m))) what = `the <${r[1]}> element is never closed`
  else if ((r = /Closing tag '([^']+)' doesn't have proper opening tag/.exec(m)))
    what = `</${r[1]}> closes an element that was never opened`
  else if ((r = /Attribute '([^']+)' is repeated/.exec(m))) what = `the attribute ${r[1]} is given twice`
  else if (/Attribute '([^']+)' is without value/.exec(m)) what = 'an attribute has no value'
  else if (/boolean attribute|is not allowed|Invalid/i.test(m)) what = m.replace(/'/g, '"')
  else if (/Multiple possible root nodes/.test(m))
    what = 'there is text or a second element after the end of the file'
  else if (/Extra text at the end/i.test(m)) what = 'there is text after the end of the file'
  return `line ${err.line}, column ${err.col}: ${what}`
}

const ZIP_MAGIC = 'PK\u0003\u0004'

/**
 * How REFI-QDA files are read (codebooks and projects): attributes kept as written (no number guessing, so
 * a GUID or a code stays a string), namespaces dropped (vendors spell them differently), text untrimmed.
 */
export function refiXmlParser(isArray: (name: string) => boolean): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    htmlEntities: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray,
  })
}

/**
 * Parses a .qdc file (or a REFI-QDA project whose <Project> holds a <CodeBook>) into a tree of codes and
 * the names of its code groups. Throws QdcError with a sentence a user can act on when the file is not XML,
 * not a codebook, or a whole project (.qdpx, a zip), which the project import reads instead.
 */
export function parseQdcFile(xml: string): { codes: QdcCode[]; sets: string[]; isProject: boolean } {
  const text = xml.replace(/^\uFEFF/, '')
  if (text.startsWith(ZIP_MAGIC))
    throw new QdcError(
      'This is a REFI-QDA project (.qdpx: sources, codes and codings in one zip), not a codebook. Use "Import a REFI-QDA project…" on the Library page to bring in all of it.',
    )
  if (!text.trimStart().startsWith('<'))
    throw new QdcError('This file is not XML, so it cannot be a REFI-QDA codebook (.qdc).')
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw new QdcError(`This file is not well-formed XML (${describeXmlError(valid.err)}).`)
  const doc = refiXmlParser((name) => name === 'Code').parse(text) as XmlNode
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'))
  let book: unknown
  if (rootName === 'CodeBook') book = doc['CodeBook']
  else if (rootName === 'Project') book = (doc['Project'] as XmlNode | undefined)?.['CodeBook']
  if (rootName === 'Project' && !book)
    throw new QdcError('This REFI-QDA project file has no codebook: it holds no codes to import.')
  if (!book || typeof book !== 'object')
    throw new QdcError(
      `This XML file is not a REFI-QDA codebook: its root element is <${rootName ?? '?'}>, expected <CodeBook>.`,
    )
  return { codes: codesFromCodeBook(book), sets: setNamesOf(book), isProject: rootName === 'Project' }
}

/** The codes of a .qdc file; see parseQdcFile. */
export function parseQdc(xml: string): QdcCode[] {
  return parseQdcFile(xml).codes
}

export function countCodes(codes: readonly QdcCode[]): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children), 0)
}
