import { parseSearchInput, TOKEN_CHAR_CLASS, type SearchTerm, type SnippetSegment } from './query'

/**
 * Search snippets cut in JavaScript from the text a hit has already read, instead of FTS5's snippet(), which
 * reads and tokenizes the whole row again: ~4 µs per short note, ~110 µs per whole transcript, five times
 * that for Cyrillic. Here one pass of a precompiled token regex runs only as far as the snippet reaches.
 * (A regex built per query with Unicode classes would cost ~60 µs to compile on every keystroke.)
 *
 * Matching follows FTS5's unicode61 tokenizer for what people type: tokens are runs of letters, marks and
 * digits, compared lower-cased; a phrase is consecutive tokens; the last word may be a prefix. Diacritic
 * folding is not reproduced: when a text has no match this way ("cafe" typed, "café" written), snippetOf
 * returns null and the caller asks FTS5 for that one row.
 */

const TOKEN = new RegExp(`${TOKEN_CHAR_CLASS}+`, 'gu')

/** How many tokens a snippet shows, and how many of them come before the first match. */
export const SNIPPET_TOKENS = 16
const TOKENS_BEFORE = 4

export interface Matcher {
  terms: { tokens: string[]; prefix: boolean }[]
}

/** The terms of the input, lower-cased for comparison; null when there are none. */
export function searchMatcher(input: string | SearchTerm[]): Matcher | null {
  const terms = typeof input === 'string' ? parseSearchInput(input) : input
  if (!terms.length) return null
  return { terms: terms.map((t) => ({ tokens: t.tokens.map((x) => x.toLowerCase()), prefix: t.prefix })) }
}

export interface Snippet {
  segments: SnippetSegment[]
  /** Offset (UTF-16) of the first match in the text. */
  matchAt: number
}

interface Token {
  start: number
  end: number
  folded: string
}

/** How many tokens of a term end at tokens[at] (0: the term does not end there). */
function termEndingAt(tokens: Token[], at: number, term: Matcher['terms'][number]): number {
  const k = term.tokens.length
  if (at - k + 1 < 0) return 0
  for (let j = 0; j < k; j++) {
    const tok = (tokens[at - k + 1 + j] as Token).folded
    const want = term.tokens[j] as string
    const last = j === k - 1
    if (last && term.prefix ? !tok.startsWith(want) : tok !== want) return 0
  }
  return k
}

const TOKEN_CHAR = new RegExp(TOKEN_CHAR_CLASS, 'u')
/** How far before the first possible match tokenizing starts: room for the tokens shown before it. */
const LOOK_BACK = 48

/**
 * Where tokenizing can start without missing the first match: a little before the earliest place where a
 * term's first token occurs in the lower-cased text. -1 when no term occurs at all. Only valid when
 * lower-casing kept every character in place (same length); otherwise tokenizing starts at 0.
 */
function scanStart(text: string, matcher: Matcher): number {
  const lower = text.toLowerCase()
  if (lower.length !== text.length) return 0
  let first = -1
  for (const term of matcher.terms) {
    const at = lower.indexOf(term.tokens[0] as string)
    if (at >= 0 && (first < 0 || at < first)) first = at
  }
  return first < 0 ? -1 : Math.max(0, first - LOOK_BACK)
}

/** The window of SNIPPET_TOKENS tokens around the first match, matches marked; null when nothing matches. */
export function snippetOf(text: string, matcher: Matcher): Snippet | null {
  const scanFrom = scanStart(text, matcher)
  if (scanFrom < 0) return null
  const tokens: Token[] = []
  const marked: [number, number][] = [] // token ranges [from, to] of matches, in order
  let windowFrom = -1
  let cut = false
  TOKEN.lastIndex = scanFrom
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    // Tokenizing from the middle of a word would see its tail as a token of its own.
    if (m.index === scanFrom && scanFrom > 0 && TOKEN_CHAR.test(text.charAt(scanFrom - 1))) continue
    const at = tokens.push({ start: m.index, end: m.index + m[0].length, folded: m[0].toLowerCase() }) - 1
    let longest = 0
    for (const term of matcher.terms) longest = Math.max(longest, termEndingAt(tokens, at, term))
    if (longest) {
      const from = at - longest + 1
      const prev = marked.at(-1)
      if (prev && from <= prev[1]) prev[1] = at
      else marked.push([from, at])
      if (windowFrom < 0) windowFrom = Math.max(0, from - TOKENS_BEFORE)
    }
    if (windowFrom >= 0 && tokens.length >= windowFrom + SNIPPET_TOKENS) {
      cut = TOKEN.exec(text) !== null
      break
    }
  }
  const first = marked[0]
  if (!first) return null
  const windowTo = Math.min(tokens.length, windowFrom + SNIPPET_TOKENS) - 1
  const from = (tokens[windowFrom] as Token).start
  // When the window holds the last token, the text's closing punctuation belongs to it.
  const to = cut ? (tokens[Math.max(windowTo, first[1])] as Token).end : text.length

  const segments: SnippetSegment[] = []
  const push = (s: string, match: boolean) => {
    if (!s) return
    const text = s.replace(/\s+/g, ' ')
    const prev = segments.at(-1)
    if (prev && prev.match === match) prev.text += text
    else segments.push({ text, match })
  }
  if (from > 0) push('…', false)
  let at = from
  for (const [a, b] of marked) {
    const start = (tokens[a] as Token).start
    const end = (tokens[b] as Token).end
    push(text.slice(at, start), false)
    push(text.slice(start, end), true)
    at = end
  }
  push(text.slice(at, to), false)
  if (to < text.length) push('…', false)
  return { segments, matchAt: (tokens[first[0]] as Token).start }
}
