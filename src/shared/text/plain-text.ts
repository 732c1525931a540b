/**
 * Plain text of a tiptap/ProseMirror JSON document, computed exactly as the editor's
 * `editor.getText({ blockSeparator: '\n' })` does (tiptap's getTextBetween over the whole doc): every block
 * node except the very first one visited is preceded by the separator, text nodes add their text, and nodes
 * with a text serializer (hardBreak → "\n") add that and are not descended into. The main process has no
 * schema, so block-ness and leaf-ness come from the node type names of our editors.
 *
 * Positions: ProseMirror positions count UTF-16 units; highlight offsets are Unicode code points
 * (REFI-QDA PlainTextSelection). Each text node is reported with both, so callers can map between them.
 */

export interface JsonMark {
  type: string
  attrs?: Record<string, unknown>
}
export interface JsonNode {
  type?: string
  text?: string
  content?: JsonNode[]
  marks?: JsonMark[]
  attrs?: Record<string, unknown>
}

/** Inline node types of our schemas (everything else is a block). */
const INLINE = new Set(['text', 'hardBreak', 'mention', 'emoji'])
/** Node types without content: they take one position. */
const LEAF = new Set(['hardBreak', 'horizontalRule', 'mention', 'emoji', 'image'])
/** Node types with a text serializer (tiptap's renderText). */
const SERIALIZED: Record<string, string> = { hardBreak: '\n' }

export const HIGHLIGHT_MARK = 'highlight'

export interface TextRun {
  /** ProseMirror position of the text node's first character. */
  pos: number
  /** Code-point offset of the same character in the plain text. */
  offset: number
  text: string
  marks: JsonMark[]
}

export interface PlainTextResult {
  text: string
  runs: TextRun[]
  /** Highlight id → code-point range covering every text run that carries it. */
  highlights: Map<string, { start: number; end: number }>
}

/** Number of Unicode code points in s. */
export function codePointLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

/** UTF-16 index of code point `cp` in s (s.length when cp is past the end). */
export function utf16Index(s: string, cp: number): number {
  let i = 0
  let n = 0
  while (i < s.length && n < cp) {
    const c = s.charCodeAt(i)
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1
    n++
  }
  return i
}

/** s sliced by code-point offsets. */
export function sliceCodePoints(s: string, start: number, end: number): string {
  const a = utf16Index(s, start)
  return s.slice(a, a + utf16Index(s.slice(a), end - start))
}

/** Ids carried by a highlight mark (its `ids` attribute), ignoring anything malformed. */
export function highlightIdsOf(mark: JsonMark): string[] {
  if (mark.type !== HIGHLIGHT_MARK) return []
  const ids = mark.attrs?.['ids']
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string' && x.length > 0) : []
}

export function docPlainText(doc: JsonNode | null | undefined, blockSeparator = '\n'): PlainTextResult {
  const parts: string[] = []
  const runs: TextRun[] = []
  const highlights = new Map<string, { start: number; end: number }>()
  const closedHighlights = new Set<string>()
  let offset = 0
  let visited = false

  const push = (s: string) => {
    parts.push(s)
    offset += codePointLength(s)
  }

  // Returns the node's size in ProseMirror positions.
  const visit = (node: JsonNode, pos: number): number => {
    const type = node.type ?? ''
    const first = !visited
    visited = true
    if (type === 'text') {
      const text = typeof node.text === 'string' ? node.text : ''
      const marks = Array.isArray(node.marks) ? node.marks : []
      const start = offset
      runs.push({ pos, offset: start, text, marks })
      push(text)
      // A highlight is its first unbroken run of marked text (across paragraphs, too); a copy of the mark
      // further on, left by copy and paste, must not stretch it over everything in between.
      const here = new Set(marks.flatMap((m) => highlightIdsOf(m)))
      for (const id of here) {
        const r = highlights.get(id)
        if (!r) highlights.set(id, { start, end: offset })
        else if (!closedHighlights.has(id)) r.end = offset
      }
      for (const id of highlights.keys()) if (!here.has(id) && text.length > 0) closedHighlights.add(id)
      return text.length
    }
    if (!INLINE.has(type) && !first) push(blockSeparator)
    const serialized = SERIALIZED[type]
    if (serialized !== undefined) {
      push(serialized)
      return LEAF.has(type) ? 1 : contentSize(node) + 2
    }
    if (LEAF.has(type)) return 1
    let inner = pos + 1
    for (const child of node.content ?? []) inner += visit(child, inner)
    return inner - pos + 1
  }

  let pos = 0
  for (const child of doc?.content ?? []) pos += visit(child, pos)
  return { text: parts.join(''), runs, highlights }
}

function contentSize(node: JsonNode): number {
  let n = 0
  for (const c of node.content ?? []) {
    if (c.type === 'text') n += (c.text ?? '').length
    else if (LEAF.has(c.type ?? '')) n += 1
    else n += contentSize(c) + 2
  }
  return n
}

/**
 * Code-point offset in the plain text for a ProseMirror position. Positions between text runs snap forward
 * (bias 1, for a range start) or back (bias -1, for a range end) to the nearest run.
 */
export function offsetAtPos(runs: readonly TextRun[], pos: number, bias: 1 | -1): number | null {
  if (bias === 1) {
    for (const r of runs) {
      if (pos < r.pos) return r.offset
      if (pos <= r.pos + r.text.length && pos < r.pos + r.text.length)
        return r.offset + codePointLength(r.text.slice(0, pos - r.pos))
    }
    return null
  }
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i] as TextRun
    const endPos = r.pos + r.text.length
    if (pos > endPos) return r.offset + codePointLength(r.text)
    if (pos > r.pos) return r.offset + codePointLength(r.text.slice(0, pos - r.pos))
  }
  return null
}

/** ProseMirror ranges (one per text run touched) covering the code-point range [start, end). */
export function posRangesForOffsets(
  runs: readonly TextRun[],
  start: number,
  end: number,
): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  for (const r of runs) {
    const len = codePointLength(r.text)
    const a = Math.max(start, r.offset)
    const b = Math.min(end, r.offset + len)
    if (a >= b) continue
    out.push({ from: r.pos + utf16Index(r.text, a - r.offset), to: r.pos + utf16Index(r.text, b - r.offset) })
  }
  return out
}
