import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { JSDOM } from 'jsdom'

/**
 * What a file must not hold for its reader to stay safe, whatever the library's text was: the inspectors of the
 * XSS export test. Each returns the problems it found (empty: clean) and the text a reader sees, so the test can
 * also show that the payloads did arrive, as text.
 */

export interface Inspection {
  problems: string[]
  /** The text a reader of the file sees (text nodes, cells, PDF text), to count payloads in. */
  text: string
}

/** Elements that run, load or embed something, or hand the reader a link: never in an export of ours. */
const ACTIVE = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'img',
  'image',
  'video',
  'audio',
  'source',
  'foreignobject',
  'form',
  'input',
  'button',
  'textarea',
  'link',
  'base',
  'use',
  'set',
  'animate',
  'animatetransform',
  'animatemotion',
  'handler',
  'listener',
  'template',
  'noscript',
  'math',
])

/** In Office XML: links and embedded controls or objects (text is all our writers put there). */
const OFFICE_ACTIVE = new Set([
  'hlinkclick',
  'hlinkhover',
  'hlinkmouseover',
  'script',
  'control',
  'oleobject',
  'embed',
])

const DANGEROUS_URL = /^\s*(javascript|vbscript|data|file|https?|ftp)\s*:|^\s*\/\//i

/** Namespaces a browser renders (and runs) elements of; null is XML without one. */
const WEB = new Set([
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1998/Math/MathML',
  null,
])

/** An element as the checks see it, from jsdom (HTML) or from our XML walk. */
interface El {
  name: string
  localName: string
  namespace: string | null
  attributes: { name: string; localName: string; value: string }[]
}

const fromDom = (el: Element): El => ({
  name: el.tagName,
  localName: el.localName,
  namespace: el.namespaceURI,
  attributes: [...el.attributes].map((a) => ({ name: a.name, localName: a.localName, value: a.value })),
})

function inspectElements(
  elements: Iterable<El>,
  where: string,
  allowAnchors: ReadonlySet<string> | null,
  office = false,
): string[] {
  const problems: string[] = []
  for (const el of elements) {
    const name = el.localName.toLowerCase()
    // A <script> is flagged in any namespace; the other elements only where a browser would act on them.
    const web = WEB.has(el.namespace)
    if (name === 'script' || (office ? OFFICE_ACTIVE.has(name) : web && ACTIVE.has(name)))
      problems.push(`${where}: <${el.name}>`)
    if (name === 'style' && web && where !== 'head') problems.push(`${where}: <style> in the content`)
    if (office && name === 'hyperlink' && el.attributes.some((a) => a.localName === 'id'))
      problems.push(`${where}: ${el.name} to a relationship (an outside link)`)
    for (const a of el.attributes) {
      const attr = a.localName.toLowerCase()
      if (attr.startsWith('on')) problems.push(`${where}: ${el.name} ${a.name}="${a.value}"`)
      if (attr === 'style' && /url\(|expression|javascript/i.test(a.value))
        problems.push(`${where}: ${el.name} style="${a.value}"`)
      if (
        ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'to', 'values', 'from', 'by'].includes(attr)
      ) {
        if (attr === 'href' && allowAnchors && a.value.startsWith('#') && allowAnchors.has(a.value.slice(1)))
          continue
        if (attr === 'href' && !allowAnchors && !DANGEROUS_URL.test(a.value)) continue
        problems.push(`${where}: ${el.name} ${a.name}="${a.value}"`)
      }
    }
  }
  return problems
}

/** The report's HTML: no script, handler, active element or outside URL; every link a section of the file. */
export function inspectHtml(html: string): Inspection {
  const { document } = new JSDOM(html).window
  const ids = new Set([...document.querySelectorAll('[id]')].map((e) => e.id))
  const problems = [
    ...inspectElements([...document.head.querySelectorAll('*')].map(fromDom), 'head', ids).filter(
      (p) => !p.includes('<STYLE>'),
    ),
    ...inspectElements([document.body, ...document.body.querySelectorAll('*')].map(fromDom), 'body', ids),
  ]
  for (const meta of document.querySelectorAll('meta'))
    if (meta.httpEquiv && meta.httpEquiv.toLowerCase() !== 'content-security-policy')
      problems.push(`meta http-equiv="${meta.httpEquiv}"`)
  const csp =
    document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? ''
  if (!/default-src 'none'/.test(csp)) problems.push(`CSP meta is "${csp}"`)
  if (document.querySelectorAll('head style').length !== 1)
    problems.push('head must hold exactly our one <style>')
  return { problems, text: document.body.textContent ?? '' }
}

/**
 * Markdown whose user text is inert in any CommonMark/GFM renderer: outside a backslash escape there is no `<`
 * (raw HTML, autolinks), `[` or `]` (links, images, references), backtick, `&` (entities), and no `://` or www.
 * that GFM would link. A bare "javascript:" is text in both: only a link or an autolink makes it a URL, and
 * those need the characters above. `*` and `>` are ours (emphasis, quotes), so they are not checked.
 */
export function inspectMarkdown(md: string): Inspection {
  const problems: string[] = []
  const lines = md.split('\n')
  for (const [n, line] of lines.entries()) {
    let bare = ''
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\') {
        i++
        bare += ' '
        continue
      }
      bare += line[i]
    }
    const hit = /[<[\]`&]|[a-z]+:\/\/|\bwww\./i.exec(bare)
    if (hit)
      problems.push(
        `line ${n + 1}: unescaped ${JSON.stringify(hit[0])} in ${JSON.stringify(line.slice(0, 120))}`,
      )
  }
  // What a reader sees: the escapes undone.
  return { problems, text: md.replace(/\\(.)/g, '$1') }
}

const XML_PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded below, once: the parser would leave numeric ones and decode &amp;#39; twice over.
  processEntities: false,
})
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const decode = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? ''),
  )

type XmlNode = Record<string, unknown>

/** Elements (names resolved against their xmlns declarations) and text of a parsed document, in order. */
function walkXml(nodes: XmlNode[], scope: Map<string, string>, els: El[], text: string[]): void {
  for (const node of nodes) {
    if ('#text' in node) {
      text.push(decode(String(node['#text'])))
      continue
    }
    const name = Object.keys(node).find((k) => k !== ':@')
    if (!name || name.startsWith('?')) continue
    const raw = (node[':@'] ?? {}) as Record<string, string>
    const inner = new Map(scope)
    for (const [k, v] of Object.entries(raw))
      if (k === 'xmlns') inner.set('', v)
      else if (k.startsWith('xmlns:')) inner.set(k.slice(6), v)
    const [prefix, local] = name.includes(':') ? name.split(':', 2) : ['', name]
    els.push({
      name,
      localName: local!,
      namespace: inner.get(prefix!) ?? null,
      attributes: Object.entries(raw)
        .filter(([k]) => k !== 'xmlns' && !k.startsWith('xmlns:'))
        .map(([k, v]) => ({ name: k, localName: k.includes(':') ? k.split(':')[1]! : k, value: decode(v) })),
    })
    walkXml(node[name] as XmlNode[], inner, els, text)
  }
}

/**
 * One XML document (an Office part, the board SVG, a REFI-QDA file): well-formed, without a DOCTYPE or entity
 * declarations (XXE for whoever opens it) or processing instructions past the declaration, and with no active
 * element, handler or outside link. fast-xml-parser, not jsdom: jsdom took nearly a minute over a board deck.
 */
export function inspectXml(xml: string, where: string, office = false): Inspection {
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    return { problems: [`${where}: not well-formed: ${valid.err.msg} (line ${valid.err.line})`], text: '' }
  const problems: string[] = []
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) problems.push(`${where}: a DOCTYPE or ENTITY declaration`)
  if (/<\?(?!xml\s)/.test(xml.replace(/^\uFEFF/, ''))) problems.push(`${where}: a processing instruction`)
  const els: El[] = []
  const text: string[] = []
  walkXml(XML_PARSER.parse(xml) as XmlNode[], new Map(), els, text)
  problems.push(...inspectElements(els, where, null, office))
  return { problems, text: text.join('') }
}

/**
 * Every XML part of an OOXML zip (DOCX, PPTX, XLSX): inspected, and no relationship leaving the file. Workbooks
 * embedded for charts (PPTX) are returned to be read as workbooks.
 */
export function inspectOoxml(
  bytes: Uint8Array,
  what: string,
): Inspection & { parts: Map<string, string>; workbooks: Uint8Array[] } {
  const parts = new Map<string, string>()
  const workbooks: Uint8Array[] = []
  const problems: string[] = []
  const text: string[] = []
  for (const [path, data] of Object.entries(unzipSync(bytes))) {
    if (path.endsWith('/') || /\.(png|jpe?g)$/.test(path)) continue
    // DOCX carries pictures as SVG beside their PNG: Word, LibreOffice and any browser the part is opened in
    // read them as SVG, so they are held to the SVG rules.
    if (path.endsWith('.svg')) {
      const r = inspectXml(strFromU8(data), `${what} ${path}`)
      problems.push(...r.problems)
      text.push(r.text)
      continue
    }
    if (/^ppt\/embeddings\/[^/]+\.xlsx$/.test(path)) {
      workbooks.push(data)
      continue
    }
    if (!/\.(xml|rels)$/.test(path)) {
      problems.push(`${what}: unexpected part ${path}`)
      continue
    }
    const xml = strFromU8(data)
    parts.set(path, xml)
    if (/TargetMode\s*=\s*"External"/i.test(xml)) problems.push(`${what} ${path}: an external relationship`)
    if (/vbaProject|activeX|oleObject/i.test(path)) problems.push(`${what}: ${path}`)
    const r = inspectXml(xml, `${what} ${path}`, true)
    problems.push(...r.problems)
    text.push(r.text)
  }
  return { problems, text: text.join('\n'), parts, workbooks }
}

/**
 * A cell a spreadsheet would evaluate: it starts with = + - @ (after any white space, which Excel skips), or with
 * a tab or carriage return, and is not a plain signed number. Written here again, not imported, so the test does
 * not share the writers' definition.
 */
export function runsAsFormula(cell: string): boolean {
  const s = cell.replace(/^[\s\u00a0]+/, '')
  if (!/^[=+\-@]/.test(s) && !/^[\t\r]/.test(cell)) return false
  return !/^[+-]?\d+([.,]\d+)?$/.test(s.trim())
}

/** Cells of a CSV file (RFC 4180) that a spreadsheet would run. */
export function inspectCsvCells(cells: readonly string[], what: string): Inspection {
  return {
    problems: cells
      .filter(runsAsFormula)
      .map((c) => `${what}: formula cell ${JSON.stringify(c.slice(0, 80))}`),
    text: cells.join('\n'),
  }
}

/** The workbook as Excel reads it: no formula, hyperlink or formula-looking text in any cell. */
export async function inspectXlsx(bytes: Uint8Array): Promise<Inspection> {
  const zip = inspectOoxml(bytes, 'xlsx')
  const problems = [...zip.problems]
  for (const [path, xml] of zip.parts)
    if (/<f[\s>]/.test(xml) || /<hyperlinks?[\s>]/.test(xml))
      problems.push(`xlsx ${path}: a formula or hyperlink`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes.slice().buffer)
  const cells: string[] = []
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula)
          problems.push(`xlsx ${sheet.name}!${cell.address}: formula`)
        if (cell.hyperlink) problems.push(`xlsx ${sheet.name}!${cell.address}: hyperlink`)
        if (typeof cell.value === 'string') cells.push(cell.value)
      }),
    ),
  )
  const formulas = inspectCsvCells(cells, 'xlsx')
  return { problems: [...problems, ...formulas.problems], text: cells.join('\n') }
}

/** PDF objects that run, launch, submit, embed or link: a report's PDF is text and internal links only. */
export function inspectPdfBytes(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes).toString('latin1')
  return [
    '/JavaScript',
    '/JS',
    '/Launch',
    '/URI',
    '/SubmitForm',
    '/ImportData',
    '/EmbeddedFile',
    '/RichMedia',
    '/XFA',
    '/AcroForm',
    '/GoToR',
  ]
    .filter((key) => new RegExp(`${key.replace('/', '\\/')}(?![A-Za-z])`).test(raw))
    .map((key) => `pdf: ${key}`)
}
