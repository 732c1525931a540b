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

/**
 * A cue or header time → milliseconds, or null when it is not one. Accepts what the WebVTT spec writes
 * ("01:02:03.456", "02:03.456"), SubRip's comma ("01:02:03,456"), and what tools write beside the spec:
 * unpadded fields and short fractions (Teams: "0:0:0.570", "0:0:0.0"), hours of any width, no fraction.
 */
export function parseTimecode(s: string): number | null {
  const m = /^(?:(\d{1,4}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,9}))?$/.exec(s.trim())
  if (!m) return null
  const [, h, min, sec, frac] = m
  if (Number(sec) > 59 || (h !== undefined && Number(min) > 59)) return null
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0
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
