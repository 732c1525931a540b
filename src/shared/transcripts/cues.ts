import { normaliseLines, parseTimecode, TranscriptError, type Segment } from './common'
import { cueLines, hasInlineTimestamps, type CueLine } from './cue-text'
import { joinParagraphs } from './paragraphs'
import { consistentSpeakerPrefixes, takeSpeakerPrefix } from './speakers'

/** One caption cue: its timing and its payload lines as written. */
interface Cue {
  startMs: number
  endMs: number
  payload: string[]
}

// Whitespace around the arrow is optional in practice (some SubRip writers leave it out); what follows the
// end time is cue settings ("align:start position:0%") or SubRip's X1/Y1 box, never text.
const TIMING = /^\s*(\S+?)\s*-->\s*(\S+)/

function parseTiming(line: string, lineNo: number): { startMs: number; endMs: number } {
  const m = TIMING.exec(line)
  const startMs = m ? parseTimecode(m[1] as string) : null
  const endMs = m ? parseTimecode(m[2] as string) : null
  if (startMs === null || endMs === null)
    throw new TranscriptError(
      `line ${lineNo}: "${line.trim().slice(0, 60)}" is not a valid cue timing (expected 00:00:01.000 --> 00:00:04.000)`,
    )
  if (endMs < startMs) throw new TranscriptError(`line ${lineNo}: the cue ends before it starts`)
  return { startMs, endMs }
}

/**
 * The cues of a caption file's body, by the WebVTT parsing rules: a block ends at an empty line (a line of
 * spaces is text: YouTube pads cues with one), a block's first line is an id when its second is the timing,
 * and a line containing "-->" always starts a new cue, even with no empty line before it. A block with no
 * timing after a cue is more of that cue's text (SubRip files with a stray empty line); a lone number is an
 * orphaned SubRip cue number. `blank` says what ends a block: WebVTT's empty line, or any blank one in SubRip.
 */
function scanCues(
  lines: string[],
  firstLineNo: number,
  format: { blank: (l: string) => boolean; numbered: boolean },
): Cue[] {
  const cues: Cue[] = []
  let block: { line: string; no: number }[] = []
  const expected = (no: number) =>
    new TranscriptError(`line ${no}: expected a cue timing such as "00:00:01.000 --> 00:00:04.000"`)
  const endBlock = () => {
    const b = block
    block = []
    const first = b[0]
    if (!first || /^(NOTE|STYLE|REGION)(\s|$)/.test(first.line)) return
    const timed = b.some((l) => l.line.includes('-->'))
    const numberLine = /^\s*\d+\s*$/.test(first.line)
    // A SubRip cue number followed by words is a cue that lost its timing, not more text.
    if (!timed && format.numbered && numberLine && b[1]) throw expected(b[1].no)
    if (!timed && numberLine && b.length === 1) return
    if (!timed && cues.length === 0) throw expected(first.no)
    let cue: Cue | null = timed ? null : (cues[cues.length - 1] as Cue)
    b.forEach(({ line, no }, i) => {
      if (line.includes('-->')) {
        cue = { ...parseTiming(line, no), payload: [] }
        cues.push(cue)
      } else if (cue) cue.payload.push(line)
      else if (!b[i + 1]?.line.includes('-->')) throw expected(no)
    })
  }
  lines.forEach((line, i) => {
    if (format.blank(line)) endBlock()
    else block.push({ line, no: firstLineNo + i })
  })
  endBlock()
  return cues
}

interface CueText {
  startMs: number
  endMs: number
  lines: CueLine[]
}

/**
 * Rolling captions (YouTube's auto-captions, broadcast roll-up) repeat each line: a cue starts with the
 * lines the previous cue ended with, and 10 ms "hold" cues repeat a line alone. Only whole lines that
 * repeat the previous cue's last lines are dropped, and only in a file that rolls, so a person who says
 * "Yes." twice in an ordinary subtitle file keeps both.
 */
function withoutRollingRepeats(cues: CueText[], timed: boolean): CueText[] {
  const overlap = (prev: CueLine[], cur: CueLine[]): number => {
    for (let k = Math.min(prev.length, cur.length); k > 0; k--) {
      let same = true
      for (let j = 0; j < k && same; j++)
        same = (prev[prev.length - k + j] as CueLine).text === (cur[j] as CueLine).text
      if (same) return k
    }
    return 0
  }
  const overlaps = cues.map((c, i) => (i === 0 ? 0 : overlap((cues[i - 1] as CueText).lines, c.lines)))
  const repeats = overlaps.filter((k) => k > 0).length
  const rolling = timed || (repeats >= 3 && repeats >= (cues.length - 1) * 0.3)
  if (!rolling) return cues
  return cues.map((c, i) => ({ ...c, lines: c.lines.slice(overlaps[i]) }))
}

/** Cues → paragraphs: voices, or the file's consistent "Name:" prefixes, give speakers; then turns join. */
function cuesToSegments(cues: Cue[]): Segment[] {
  const timed = cues.some((c) => hasInlineTimestamps(c.payload))
  const texts = withoutRollingRepeats(
    cues.map((c) => ({ startMs: c.startMs, endMs: c.endMs, lines: cueLines(c.payload) })),
    timed,
  )
  const lines = texts.flatMap((c) => c.lines)
  const voices = new Set(lines.flatMap((l) => (l.voice ? [l.voice] : [])))
  const names = consistentSpeakerPrefixes(
    lines.filter((l) => !l.voice).map((l) => l.text),
    voices,
  )
  // A line's voice, else its prefix when the name is one of the file's speakers, which lasts to the end of
  // its cue; never guessed from the cue before (a "(laughs)" after a speaker's cue may be anyone's).
  const segments = texts.flatMap((c) => {
    let prefixed: string | null = null
    return c.lines.map((l) => {
      const split = l.voice ? { speaker: l.voice, text: l.text } : takeSpeakerPrefix(l.text, names)
      if (!l.voice) prefixed = split.speaker ?? (l.turn ? null : prefixed)
      const speaker = l.voice ?? prefixed
      return { speaker, startMs: c.startMs, endMs: c.endMs, text: split.text, turn: l.turn }
    })
  })
  return joinParagraphs(segments)
}

/** WebVTT: the header (and any metadata lines under it), NOTE/STYLE/REGION blocks, then cues. */
export function parseVtt(text: string): Segment[] {
  const lines = normaliseLines(text)
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? ''))
    throw new TranscriptError('line 1: a WebVTT file must start with "WEBVTT"')
  // The header runs to the first empty line, unless a cue timing comes first (no empty line after it).
  let body = lines.findIndex((l, i) => i > 0 && (l === '' || l.includes('-->')))
  if (body < 0) body = lines.length
  return cuesToSegments(scanCues(lines.slice(body), body + 1, { blank: (l) => l === '', numbered: false }))
}

/** SubRip: numbered cues, "00:00:01,000 --> 00:00:04,000", text lines. */
export function parseSrt(text: string): Segment[] {
  return cuesToSegments(scanCues(normaliseLines(text), 1, { blank: (l) => l.trim() === '', numbered: true }))
}
