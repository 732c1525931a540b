import type { Segment } from './common'

/** A silence this long between one speaker's cues starts a new paragraph. */
export const PARAGRAPH_PAUSE_MS = 2_000
/** A paragraph this long ends at its next sentence end, so a monologue still reads (and quotes) in parts. */
export const PARAGRAPH_SOFT_MAX_MS = 60_000
/** …and at this length wherever it is, for captions without punctuation. */
export const PARAGRAPH_HARD_MAX_MS = 120_000

const SENTENCE_END = /[.!?…。！？]["'”’»)]*$/u

/**
 * Caption cues → paragraphs: consecutive cues of one speaker (or of no named speaker) are joined, but not
 * across a pause, a `>>` turn mark, or past the lengths above; each paragraph keeps the start of its first
 * cue and the end of its last. (docs/decisions.md: paragraphs from captions.)
 */
export function joinParagraphs(segments: readonly (Segment & { turn?: boolean })[]): Segment[] {
  const out: Segment[] = []
  for (const s of segments) {
    const prev = out[out.length - 1]
    const joins =
      prev !== undefined &&
      !s.turn &&
      prev.speaker === s.speaker &&
      prev.startMs !== null &&
      s.startMs !== null &&
      s.startMs - (prev.endMs ?? prev.startMs) < PARAGRAPH_PAUSE_MS &&
      !(s.startMs - prev.startMs >= PARAGRAPH_SOFT_MAX_MS && SENTENCE_END.test(prev.text)) &&
      s.startMs - prev.startMs < PARAGRAPH_HARD_MAX_MS
    if (joins) {
      prev.text = `${prev.text} ${s.text}`
      prev.endMs = s.endMs === null ? prev.endMs : Math.max(prev.endMs ?? s.endMs, s.endMs)
    } else out.push({ speaker: s.speaker, startMs: s.startMs, endMs: s.endMs, text: s.text })
  }
  return out
}
