import { normaliseLines, parseTimecode, type Segment } from './common'
import { consistentSpeakerPrefixes, takeSpeakerPrefix } from './speakers'

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`
/** Zoom: "[Ann Lee] 00:01:15" header line, the words on the following lines. */
const ZOOM_BRACKET = new RegExp(String.raw`^\[([^\]]{1,80})\]\s+(${TIME})\s*$`)
/** Zoom: "00:01:15 Ann Lee: words" on one line. */
const ZOOM_INLINE = new RegExp(String.raw`^(${TIME})\s+([^:]{1,80}?):\s+(.*)$`)
/** Teams (docx) and Otter: "Ann Lee   0:03" header line (two or more spaces, or a tab, before the time). */
const NAME_TIME = new RegExp(String.raw`^(\S.{0,79}?)(?:\s{2,}|\t|\s+)(${TIME})\s*$`)

const nonEmpty = (lines: string[]) => lines.map((l) => l.trim()).filter(Boolean)

function share(lines: string[], re: RegExp): number {
  const ls = nonEmpty(lines)
  return ls.length ? ls.filter((l) => re.test(l)).length / ls.length : 0
}

export type TextFlavour = 'zoom' | 'speaker-time' | 'txt'

/** Which layout a plain-text transcript uses, judged from the share of lines that look like its headers. */
export function detectTextFlavour(text: string): TextFlavour {
  const lines = normaliseLines(text)
  if (share(lines, ZOOM_INLINE) >= 0.5) return 'zoom'
  if (share(lines, ZOOM_BRACKET) >= 0.2) return 'zoom'
  // Header lines alternate with text, so about half of the lines are headers; require a quarter.
  if (share(lines, NAME_TIME) >= 0.25) return 'speaker-time'
  return 'txt'
}

/** Header line followed by text lines: a turn per header (Zoom bracket style, Teams, Otter). */
function headerBlocks(
  lines: string[],
  header: RegExp,
  pick: (m: RegExpExecArray) => { speaker: string; time: string },
): Segment[] {
  const out: Segment[] = []
  let cur: Segment | null = null
  for (const raw of lines) {
    const line = raw.trim()
    if (!line) continue
    const m = header.exec(line)
    if (m) {
      const { speaker, time } = pick(m)
      cur = { speaker: speaker.trim(), startMs: parseTimecode(time), endMs: null, text: '' }
      out.push(cur)
    } else if (cur) cur.text = cur.text ? `${cur.text} ${line}` : line
    else {
      cur = { speaker: null, startMs: null, endMs: null, text: line }
      out.push(cur)
    }
  }
  return withEnds(out.filter((s) => s.text))
}

/** A turn ends where the next one starts. */
function withEnds(segments: Segment[]): Segment[] {
  segments.forEach((s, i) => {
    const next = segments[i + 1]
    if (s.endMs === null && next?.startMs != null && s.startMs !== null && next.startMs >= s.startMs)
      s.endMs = next.startMs
  })
  return segments
}

export function parseZoomText(text: string): Segment[] {
  const lines = normaliseLines(text)
  if (share(lines, ZOOM_INLINE) >= 0.5) {
    const out: Segment[] = []
    for (const raw of lines) {
      const line = raw.trim()
      if (!line) continue
      const m = ZOOM_INLINE.exec(line)
      if (m)
        out.push({
          speaker: (m[2] as string).trim(),
          startMs: parseTimecode(m[1] as string),
          endMs: null,
          text: (m[3] as string).trim(),
        })
      else if (out.length) (out[out.length - 1] as Segment).text += ` ${line}`
      else out.push({ speaker: null, startMs: null, endMs: null, text: line })
    }
    return withEnds(out.filter((s) => s.text))
  }
  return headerBlocks(lines, ZOOM_BRACKET, (m) => ({ speaker: m[1] as string, time: m[2] as string }))
}

/** Teams' .docx transcript as text, and Otter's .txt export: "Name  0:05" then the words. */
export function parseSpeakerTimeText(text: string): Segment[] {
  const lines = normaliseLines(text).filter((l) => !/^transcribed by https?:\/\/otter\.ai/i.test(l.trim()))
  return headerBlocks(lines, NAME_TIME, (m) => ({ speaker: m[1] as string, time: m[2] as string }))
}

/** Plain text: a segment per non-empty line; "Speaker: " prefixes only where the file uses them throughout. */
export function parsePlainText(text: string): Segment[] {
  const lines = nonEmpty(normaliseLines(text))
  const names = consistentSpeakerPrefixes(lines)
  return lines.map((line) => {
    const { speaker, text: body } = takeSpeakerPrefix(line, names)
    return { speaker, startMs: null, endMs: null, text: body }
  })
}
