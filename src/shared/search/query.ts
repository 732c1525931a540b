/**
 * Turns what a person types into a safe FTS5 MATCH expression. Every token is emitted as an FTS5 string
 * ("…"), so operators (AND, OR, NOT, NEAR), column filters (col:), parentheses, ^, + and * typed by the user
 * are plain words, never syntax; a MATCH built here cannot fail to parse.
 *
 * Supported: words (all must match), "quoted phrases", and prefix matching of the last word while the user is
 * still typing it (no trailing space or closing quote).
 */

/** Tokens as FTS5's unicode61 tokenizer sees them: runs of letters, marks and digits. */
/** A token character as FTS5's unicode61 tokenizer sees it: letters, marks and digits. */
export const TOKEN_CHAR_CLASS = '[\\p{L}\\p{M}\\p{N}]'
const TOKEN = new RegExp(`${TOKEN_CHAR_CLASS}+`, 'gu')
const ENDS_IN_TOKEN = new RegExp(`${TOKEN_CHAR_CLASS}$`, 'u')

/** Past this many terms a query is not a search any more; the rest is dropped. */
export const MAX_TERMS = 16
/**
 * A prefix query on one or two letters expands to a large share of the vocabulary and costs a scan of
 * every doclist it touches; from three letters on it stays fast on a 5M-word library.
 */
export const MIN_PREFIX_LENGTH = 3

export interface SearchTerm {
  /** Tokens of the term; more than one means a phrase. */
  tokens: string[]
  prefix: boolean
}

function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/** Splits user input into terms: quoted phrases stay together, an unbalanced quote is ignored. */
export function parseSearchInput(input: string): SearchTerm[] {
  const terms: SearchTerm[] = []
  const quoteCount = (input.match(/"/g) ?? []).length
  // With an odd number of quotes the last one is unbalanced (still being typed): treat it as a space.
  let text = input
  if (quoteCount % 2 === 1) {
    const last = input.lastIndexOf('"')
    text = `${input.slice(0, last)} ${input.slice(last + 1)}`
  }
  const parts = text.split('"')
  parts.forEach((part, i) => {
    const inQuotes = i % 2 === 1
    if (inQuotes) {
      const tokens = tokensOf(part)
      if (tokens.length) terms.push({ tokens, prefix: false })
    } else {
      for (const token of tokensOf(part)) terms.push({ tokens: [token], prefix: false })
    }
  })
  // The last word is still being typed when the input ends inside it (no space, quote or punctuation after).
  const last = terms.at(-1)
  const endsInWord = ENDS_IN_TOKEN.test(text)
  const lastWasQuoted = quoteCount >= 2 && quoteCount % 2 === 0 && /"\s*$/.test(input)
  if (
    last &&
    endsInWord &&
    !lastWasQuoted &&
    last.tokens.length === 1 &&
    [...(last.tokens[0] ?? '')].length >= MIN_PREFIX_LENGTH
  ) {
    last.prefix = true
  }
  return terms.slice(0, MAX_TERMS)
}

function ftsString(tokens: string[]): string {
  // Tokens hold no quote characters (TOKEN excludes them), so no escaping is needed; double any anyway.
  return `"${tokens.join(' ').replace(/"/g, '""')}"`
}

/** The MATCH expression for the input (or its parsed terms), or null when there is nothing to search for. */
export function buildMatchQuery(input: string | SearchTerm[]): string | null {
  const terms = typeof input === 'string' ? parseSearchInput(input) : input
  if (!terms.length) return null
  return terms.map((t) => `${ftsString(t.tokens)}${t.prefix ? '*' : ''}`).join(' ')
}

/** Marks FTS5's snippet() puts around matches: control characters that note text never contains. */
export const MATCH_OPEN = '\u0002'
export const MATCH_CLOSE = '\u0003'

export interface SnippetSegment {
  text: string
  match: boolean
}

/** Splits a snippet marked with MATCH_OPEN/MATCH_CLOSE into plain segments the renderer shows as text. */
export function snippetSegments(marked: string): SnippetSegment[] {
  const out: SnippetSegment[] = []
  let match = false
  let buf = ''
  const flush = () => {
    if (!buf) return
    const prev = out.at(-1)
    if (prev && prev.match === match) prev.text += buf
    else out.push({ text: buf, match })
    buf = ''
  }
  for (const ch of marked) {
    if (ch === MATCH_OPEN || ch === MATCH_CLOSE) {
      flush()
      match = ch === MATCH_OPEN
    } else buf += ch
  }
  flush()
  return out
}
