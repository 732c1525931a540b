import { XMLValidator } from 'fast-xml-parser'
import { codesFromCodeBook, describeXmlError, refiXmlParser, type QdcCode } from '../taxonomy/qdc'
import type {
  RefiCase,
  RefiLink,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiSource,
  RefiValue,
  RefiVariable,
  VariableType,
} from './project'

/**
 * Reads a REFI-QDA project as the tools really write it, not only as the standard describes it:
 * - the project file may have another name than project.qde, the sources folder may be `sources`;
 * - either namespace spelling (urn:QDA-XML:project:1.0 or :1:0): namespaces are not checked, names are;
 * - text sources as TextSource, as a PDFSource's Representation, or as an audio/video Transcript;
 * - selection offsets in Unicode code points (the standard), except where a tool counts otherwise: files
 *   with Windows line ends are counted with CRLF as two characters by NVivo, MAXQDA and QualCoder and as
 *   one by ATLAS.ti, and NVivo counts characters beyond U+FFFF as two (UTF-16 units). The offsets are
 *   moved onto the text as Fieldnote stores it (LF line ends, code points), so they land on the same words.
 * - a PlainTextSelection without a Coding is an annotation (MAXQDA writes its text in the Description,
 *   NVivo links it to a Note); cases without a name that point at one source carry that source's variables.
 */

export class RefiError extends Error {}

export type ProjectFiles = Record<string, Uint8Array>

export interface ParsedProject extends RefiProject {
  codes: QdcCode[]
  /** What could not be read, with the reason, for the import report. */
  skipped: { item: string; reason: string }[]
}

type Node = Record<string, unknown>

const LISTS = new Set([
  'Code',
  'User',
  'Variable',
  'Case',
  'VariableValue',
  'SourceRef',
  'TextSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PictureSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'Note',
  'Link',
  'Set',
  'MemberCode',
  'MemberSource',
  'Transcript',
  'Representation',
])

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const list = (v: unknown): Node[] =>
  Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : []
const child = (n: Node, name: string): Node | undefined => list(n[name])[0]
const textOf = (v: unknown): string => {
  const first = Array.isArray(v) ? v[0] : v
  if (first && typeof first === 'object') return str((first as Node)['#text'])
  return str(first)
}
const guidOf = (n: Node | undefined, attr = '@_guid') =>
  str(n?.[attr])
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase()
const dateOf = (n: Node) => str(n['@_creationDateTime'] || n['@_modifiedDateTime']) || null

/** The project file: project.qde at the top, else the one .qde at the top, else a .qde anywhere. */
function projectEntry(files: ProjectFiles): string {
  const names = Object.keys(files).filter((n) => /\.qde$/i.test(n) && !n.endsWith('/'))
  const top = names.filter((n) => !n.includes('/'))
  const pick = top.find((n) => n.toLowerCase() === 'project.qde') ?? (top.length === 1 ? top[0] : undefined)
  if (pick) return pick
  if (top.length > 1)
    throw new RefiError(
      `This project holds ${top.length} project files (${top.join(', ')}); a .qdpx has one.`,
    )
  if (names[0]) return names[0]
  throw new RefiError('This .qdpx holds no project file (project.qde), so it is not a REFI-QDA project.')
}

type FileIndex = { exact: Map<string, Uint8Array>; byBase: Map<string, Uint8Array> }

/** The archive's entries by lower-case path and by file name, built once (projects have thousands). */
function indexFiles(files: ProjectFiles): FileIndex {
  const exact = new Map<string, Uint8Array>()
  const byBase = new Map<string, Uint8Array>()
  for (const [name, bytes] of Object.entries(files)) {
    const lower = name.toLowerCase()
    exact.set(lower, bytes)
    const base = lower.split('/').pop() ?? lower
    if (!byBase.has(base)) byBase.set(base, bytes)
  }
  return { exact, byBase }
}

/** internal://name → the archive entry, wherever the tool put it (Sources/, sources/, the top). */
function internalFile(index: FileIndex, path: string): { bytes: Uint8Array } | { reason: string } {
  const m = /^internal:\/\/\/?(.+)$/i.exec(path.trim())
  if (!m) return { reason: `it points to a file outside the project (${path})` }
  let wanted: string
  try {
    wanted = decodeURI(m[1] as string)
  } catch {
    wanted = m[1] as string
  }
  wanted = wanted.replace(/\\/g, '/').toLowerCase()
  const bytes =
    index.exact.get(`sources/${wanted}`) ??
    index.exact.get(wanted) ??
    index.byBase.get(wanted.split('/').pop() ?? wanted)
  return bytes ? { bytes } : { reason: `its text file ${m[1]} is missing from the archive` }
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
}

type Counting = 'code-points-crlf-two' | 'code-points-crlf-one' | 'utf16-crlf-two'

function countingOf(origin: string): Counting {
  if (/atlas/i.test(origin)) return 'code-points-crlf-one'
  if (/nvivo/i.test(origin)) return 'utf16-crlf-two'
  return 'code-points-crlf-two'
}

/**
 * The source's text with LF line ends, and a function from the tool's offsets to code points in it.
 * Offsets past the end are kept past the end, so the caller can name them.
 */
function normalised(raw: string, counting: Counting): { text: string; offset: (n: number) => number } {
  const text = raw.replace(/\r\n?/g, '\n')
  // units[i]: how many of the tool's units stand before code point i of `text`.
  const units: number[] = [0]
  let u = 0
  let i = 0
  const cps = [...raw]
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k] as string
    if (c === '\r' && cps[k + 1] === '\n') {
      // One character in `text`; one or two units for the tool.
      u += counting === 'code-points-crlf-one' ? 1 : 2
      k++
    } else u += counting === 'utf16-crlf-two' ? c.length : 1
    i++
    units[i] = u
  }
  const total = i
  return {
    text,
    offset: (n) => {
      if (n >= (units[total] as number)) return total + (n - (units[total] as number))
      let lo = 0
      let hi = total
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if ((units[mid] as number) <= n) lo = mid
        else hi = mid - 1
      }
      return lo
    },
  }
}

function valuesOf(n: Node): RefiValue[] {
  return list(n['VariableValue']).flatMap((v) => {
    const ref = guidOf(child(v, 'VariableRef'), '@_targetGUID')
    const key = [
      'TextValue',
      'BooleanValue',
      'IntegerValue',
      'FloatValue',
      'DateValue',
      'DateTimeValue',
    ].find((k) => v[k] !== undefined)
    return ref && key ? [{ variableGuid: ref, value: textOf(v[key]).trim() }] : []
  })
}

function selectionsOf(n: Node, offset: (x: number) => number): RefiSelection[] {
  return list(n['PlainTextSelection']).map((s) => ({
    guid: guidOf(s),
    start: offset(Number(str(s['@_startPosition']))),
    end: offset(Number(str(s['@_endPosition']))),
    description: textOf(s['Description']).trim() || str(s['@_name']).trim(),
    codeGuids: list(s['Coding'])
      .map((c) => guidOf(child(c, 'CodeRef'), '@_targetGUID'))
      .filter(Boolean),
    noteGuids: list(s['NoteRef'])
      .map((r) => guidOf(r, '@_targetGUID'))
      .filter(Boolean),
    creatingUser: guidOf(s, '@_creatingUser') || null,
    createdAt: dateOf(s),
  }))
}

export function parseProject(files: ProjectFiles): ParsedProject {
  const entry = projectEntry(files)
  const xml = decodeUtf8(files[entry] as Uint8Array)
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    throw new RefiError(`The project file ${entry} is not well-formed XML (${describeXmlError(valid.err)}).`)
  const doc = refiXmlParser((name) => LISTS.has(name)).parse(xml) as Node
  const project = doc['Project'] as Node | undefined
  if (!project || typeof project !== 'object') {
    const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'))
    throw new RefiError(
      `${entry} is not a REFI-QDA project: its root element is <${root ?? '?'}>, expected <Project>.`,
    )
  }
  const origin = str(project['@_origin'])
  const counting = countingOf(origin)
  const skipped: ParsedProject['skipped'] = []
  const index = indexFiles(files)

  const sources: RefiSource[] = []
  const sourcesNode = (project['Sources'] as Node | undefined) ?? {}
  const addText = (n: Node, name: string, kind: string, values: RefiValue[]) => {
    let raw: string | null = null
    const path = str(n['@_plainTextPath'])
    if (path) {
      const file = internalFile(index, path)
      if ('reason' in file) {
        skipped.push({ item: `${kind} "${name}"`, reason: file.reason })
        return
      }
      raw = decodeUtf8(file.bytes)
    } else if (n['PlainTextContent'] !== undefined) raw = textOf(n['PlainTextContent'])
    if (raw === null) {
      skipped.push({ item: `${kind} "${name}"`, reason: 'it has no plain text' })
      return
    }
    const { text, offset } = normalised(raw, counting)
    sources.push({
      guid: guidOf(n),
      name,
      description: textOf(n['Description']).trim(),
      plainTextFile: path,
      text,
      selections: selectionsOf(n, offset),
      values: [...values, ...valuesOf(n)],
      createdAt: dateOf(n),
    })
  }
  for (const s of list(sourcesNode['TextSource'])) addText(s, str(s['@_name']) || 'Text', 'Text source', [])
  for (const s of list(sourcesNode['PDFSource'])) {
    const rep = list(s['Representation'])[0]
    const name = str(s['@_name']) || 'PDF'
    if (rep) addText({ ...rep, '@_guid': s['@_guid'] }, name, 'PDF source', valuesOf(s))
    else skipped.push({ item: `PDF source "${name}"`, reason: 'it has no text representation' })
  }
  for (const kind of ['AudioSource', 'VideoSource'] as const)
    for (const s of list(sourcesNode[kind])) {
      const name = str(s['@_name']) || (kind === 'AudioSource' ? 'Audio' : 'Video')
      const transcripts = list(s['Transcript'])
      if (!transcripts.length)
        skipped.push({
          item: `${kind === 'AudioSource' ? 'Audio' : 'Video'} "${name}"`,
          reason: 'it has no transcript',
        })
      // ATLAS.ti names the transcript, not the recording; either is the source's name here.
      transcripts.forEach((tr, i) =>
        addText(
          { ...tr, '@_guid': i === 0 ? s['@_guid'] : tr['@_guid'] },
          str(tr['@_name']) || name,
          'Transcript',
          valuesOf(s),
        ),
      )
    }
  for (const s of list(sourcesNode['PictureSource']))
    skipped.push({ item: `Picture "${str(s['@_name'])}"`, reason: 'Fieldnote keeps text, not pictures' })

  const notes: RefiNote[] = list((project['Notes'] as Node | undefined)?.['Note']).map((n) => {
    let text = textOf(n['PlainTextContent'])
    const path = str(n['@_plainTextPath'])
    if (!text && path) {
      const file = internalFile(index, path)
      text = 'bytes' in file ? decodeUtf8(file.bytes) : ''
    }
    return {
      guid: guidOf(n),
      name: str(n['@_name']),
      text: text.replace(/\r\n?/g, '\n').trim(),
      createdAt: dateOf(n),
    }
  })
  const links: RefiLink[] = list((project['Links'] as Node | undefined)?.['Link']).map((l) => ({
    guid: guidOf(l),
    originGuid: guidOf(l, '@_originGUID') || null,
    targetGuid: guidOf(l, '@_targetGUID') || null,
  }))
  const variables: RefiVariable[] = list((project['Variables'] as Node | undefined)?.['Variable']).map(
    (v) => ({
      guid: guidOf(v),
      name: str(v['@_name']).trim(),
      type: (str(v['@_typeOfVariable']) || 'Text') as VariableType,
      description: textOf(v['Description']).trim(),
    }),
  )
  const cases: RefiCase[] = list((project['Cases'] as Node | undefined)?.['Case']).map((c) => ({
    guid: guidOf(c),
    name: str(c['@_name']).trim() || null,
    description: textOf(c['Description']).trim(),
    values: valuesOf(c),
    sourceGuids: list(c['SourceRef']).map((r) => guidOf(r, '@_targetGUID')),
  }))
  const sets = list((project['Sets'] as Node | undefined)?.['Set']).map((s) => ({
    guid: guidOf(s),
    name: str(s['@_name']).trim(),
    description: textOf(s['Description']).trim(),
    codeGuids: list(s['MemberCode']).map((r) => guidOf(r, '@_targetGUID')),
    sourceGuids: list(s['MemberSource']).map((r) => guidOf(r, '@_targetGUID')),
  }))
  const users = list((project['Users'] as Node | undefined)?.['User']).map((u) => ({
    guid: guidOf(u),
    name: str(u['@_name']),
  }))
  return {
    name: str(project['@_name']).trim() || 'Imported project',
    origin,
    users,
    variables,
    cases,
    sources,
    notes,
    sets,
    links,
    codes: codesFromCodeBook(project['CodeBook']),
    skipped,
  }
}
