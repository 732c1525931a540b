import {
  mergeTurns,
  normaliseLines,
  parseTimecode,
  splitSpeakerPrefix,
  TranscriptError,
  type Segment,
} from './common'

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  quot: '"',
  apos: "'",
  lrm: '',
  rlm: '',
}

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all
    }
    return ENTITIES[e.toLowerCase()] ?? all
  })
}

/** Cue payload → speaker (from <v Name> or a "Name:" prefix) and plain text without markup. */
function cueText(lines: string[]): { speaker: string | null; text: string } {
  let speaker: string | null = null
  const joined = lines.join(' ')
  const voice = /<v(?:\.[^\s>]+)*\s+([^>]+)>/.exec(joined)
  if (voice) speaker = decodeEntities((voice[1] as string).trim())
  let text = decodeEntities(joined.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()
  if (!speaker) {
    const split = splitSpeakerPrefix(text)
    speaker = split.speaker
    text = split.text
  }
  return { speaker, text }
}

const TIMING = /^(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/

function parseTiming(line: string, lineNo: number): { startMs: number; endMs: number } {
  const m = TIMING.exec(line.trim())
  const startMs = m ? parseTimecode(m[1] as string) : null
  const endMs = m ? parseTimecode(m[2] as string) : null
  if (startMs === null || endMs === null)
    throw new TranscriptError(
      `line ${lineNo}: "${line.trim().slice(0, 60)}" is not a valid cue timing (expected 00:00:01.000 --> 00:00:04.000)`,
    )
  if (endMs < startMs) throw new TranscriptError(`line ${lineNo}: the cue ends before it starts`)
  return { startMs, endMs }
}

interface Block {
  lines: string[]
  firstLine: number
}

function blocks(text: string): Block[] {
  const out: Block[] = []
  let cur: Block | null = null
  normaliseLines(text).forEach((line, i) => {
    if (line.trim() === '') {
      cur = null
      return
    }
    if (!cur) {
      cur = { lines: [], firstLine: i + 1 }
      out.push(cur)
    }
    cur.lines.push(line)
  })
  return out
}

/** WebVTT: header, optional NOTE/STYLE/REGION blocks, cues with optional ids, settings and <v> voice tags. */
export function parseVtt(text: string): Segment[] {
  const all = blocks(text)
  const header = all.shift()
  if (!header || !/^WEBVTT(?:[ \t].*)?$/.test((header.lines[0] ?? '').replace(/^\uFEFF/, '')))
    throw new TranscriptError('line 1: a WebVTT file must start with "WEBVTT"')
  // A header block may run straight into the first cue when no blank line separates them.
  const headerCue = header.lines.findIndex((l) => l.includes('-->'))
  if (headerCue > 0)
    all.unshift({ lines: header.lines.slice(headerCue), firstLine: header.firstLine + headerCue })
  const segments: Segment[] = []
  for (const b of all) {
    const first = b.lines[0] as string
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(first)) continue
    const timingAt = b.lines.findIndex((l) => l.includes('-->'))
    if (timingAt < 0 || timingAt > 1)
      throw new TranscriptError(
        `line ${b.firstLine}: expected a cue timing such as "00:00:01.000 --> 00:00:04.000"`,
      )
    const { startMs, endMs } = parseTiming(b.lines[timingAt] as string, b.firstLine + timingAt)
    const { speaker, text: body } = cueText(b.lines.slice(timingAt + 1))
    if (body) segments.push({ speaker, startMs, endMs, text: body })
  }
  return mergeTurns(segments)
}

/** SubRip: numbered cues, "00:00:01,000 --> 00:00:04,000", text lines. */
export function parseSrt(text: string): Segment[] {
  const segments: Segment[] = []
  for (const b of blocks(text)) {
    let i = 0
    if (/^\d+$/.test((b.lines[0] as string).trim())) i = 1
    const timing = b.lines[i]
    if (timing === undefined || !timing.includes('-->'))
      throw new TranscriptError(
        `line ${b.firstLine + i}: expected a cue timing such as "00:00:01,000 --> 00:00:04,000"`,
      )
    const { startMs, endMs } = parseTiming(timing, b.firstLine + i)
    const { speaker, text: body } = cueText(b.lines.slice(i + 1))
    if (body) segments.push({ speaker, startMs, endMs, text: body })
  }
  return mergeTurns(segments)
}
