/**
 * A caption cue's payload → its lines of plain text, each with the voice that speaks it. What caption tools
 * put in a payload besides words: WebVTT voice spans (`<v Ann>…</v>`, two in one cue), class, italic and
 * karaoke timestamp tags (`<c>`, `<i>`, `<00:05:04.199>`, YouTube's auto-captions), HTML character
 * references (`&amp;`, `&nbsp;`, `&#8217;`), SSA/ASS override codes that SubRip files carry over from Aegisub
 * (`{\an8}`, `\N`, `\h`), and the `>>` YouTube and broadcast captions write where the speaker changes.
 */
export interface CueLine {
  voice: string | null
  text: string
  /** A `>>` marked a new speaker here. */
  turn: boolean
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  quot: '"',
  apos: "'",
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  szlig: 'ß',
  // Direction marks carry no text; kept, they would split words in search.
  lrm: '',
  rlm: '',
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      if (n === 0x200e || n === 0x200f) return ''
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all
    }
    // "&AMP;" and friends are accepted in capitals too (HTML does); a letter's case is its own ("&Eacute;").
    const lower = e.toLowerCase()
    return ENTITIES[e] ?? (/^(amp|lt|gt|nbsp|quot)$/.test(lower) ? ENTITIES[lower] : undefined) ?? all
  })
}

/** SSA/ASS override blocks are dropped; its line break and hard space codes become the space they show as. */
const ssaToText = (s: string) => s.replace(/\{\\[^}]*\}/g, '').replace(/\\[Nnh]/g, ' ')

// A tag starts with a letter, a slash or a digit (timestamps); "a < b" in a careless file stays text.
const TAG = /<(\/?)([a-z][^\s>.]*|\d[\d:.]*)((?:\.[^\s>]*)?)(?:\s([^>]*))?>/gi

function clean(raw: string): string {
  return decodeEntities(ssaToText(raw)).replace(/\s+/g, ' ').trim()
}

/** Whether any payload line carries karaoke timestamps (`<00:00:01.000>`): the mark of rolling auto-captions. */
export const hasInlineTimestamps = (payload: readonly string[]) =>
  payload.some((l) => /<\d{1,2}:\d{2}(?::\d{2})?\.\d{1,3}>/.test(l))

export function cueLines(payload: readonly string[]): CueLine[] {
  const out: CueLine[] = []
  // A voice lasts to its </v>, the next <v>, or the end of the cue (its closing tag is optional).
  let voice: string | null = null
  for (const rawLine of payload) {
    let run = ''
    const flush = () => {
      let text = clean(run)
      run = ''
      const turn = /^>>/.test(text)
      if (turn) text = text.replace(/^>>\s*/, '')
      if (text) out.push({ voice, text, turn })
    }
    let at = 0
    for (const m of rawLine.matchAll(TAG)) {
      run += rawLine.slice(at, m.index)
      at = m.index + m[0].length
      if ((m[2] as string).toLowerCase() !== 'v') continue
      flush()
      voice = m[1] ? null : clean(m[4] ?? '') || null
    }
    run += rawLine.slice(at)
    flush()
  }
  return out
}
