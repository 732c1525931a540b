export interface Segment {
  speaker: string | null
  startMs: number | null
  endMs: number | null
  text: string
}

/** A problem with a file's content; the importer prefixes the file name. */
export class TranscriptError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TranscriptError'
  }
}

/** "01:02:03.456", "1:02:03,456", "02:03.4", "2:03" → milliseconds, or null when it is not a time. */
export function parseTimecode(s: string): number | null {
  const m = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(s.trim())
  if (!m) return null
  const [, h, min, sec, frac] = m
  if (Number(sec) > 59 || (h !== undefined && Number(min) > 59)) return null
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0
  return ((Number(h ?? 0) * 60 + Number(min)) * 60 + Number(sec)) * 1000 + ms
}

export function formatTimecode(ms: number): string {
  const s = Math.floor(ms / 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  return h > 0
    ? `${h}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`
    : `${Math.floor(s / 60)}:${pad(s % 60)}`
}

/** "Ann Lee: I left because…" → speaker and text; conservative so ordinary sentences with a colon stay whole. */
export function splitSpeakerPrefix(line: string): { speaker: string | null; text: string } {
  const m = /^([\p{Lu}\d][\p{L}\p{M}\d'’.-]*(?: [\p{L}\p{M}\d'’.-]+){0,3})\s*:\s+(\S.*)$/u.exec(line)
  if (m && (m[1] as string).length <= 40) return { speaker: m[1] as string, text: m[2] as string }
  return { speaker: null, text: line }
}

export function normaliseLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
}

/** Consecutive segments of the same named speaker become one turn (captions split sentences into cues). */
export function mergeTurns(segments: Segment[]): Segment[] {
  const out: Segment[] = []
  for (const s of segments) {
    const prev = out[out.length - 1]
    if (prev && s.speaker !== null && prev.speaker === s.speaker) {
      prev.text = `${prev.text} ${s.text}`
      prev.endMs = s.endMs ?? prev.endMs
    } else out.push({ ...s })
  }
  return out
}
