import type { z } from 'zod'
import type { TranscriptFormatSchema } from '../domain/highlight'
import { TranscriptError, type Segment } from './common'
import { parseSrt, parseVtt } from './cues'
import { detectTextFlavour, parsePlainText, parseSpeakerTimeText, parseZoomText } from './text-formats'

export { TranscriptError, formatTimecode, type Segment } from './common'
export { decodeTranscriptFile, MAX_TRANSCRIPT_BYTES, type DecodedFile } from './decode'

export type TranscriptFormat = z.infer<typeof TranscriptFormatSchema>

export interface ParsedTranscript {
  format: TranscriptFormat
  segments: Segment[]
  doc: { type: 'doc'; content: Record<string, unknown>[] }
  plainText: string
  speakers: string[]
}

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''

/**
 * Parses a transcript's text. The extension decides between cue formats (.vtt, .srt) and text ones; a text
 * file's content then decides between Zoom, Teams/Otter and plain text (a .txt that is really WebVTT is read
 * as WebVTT). `fromDocx` marks text extracted from a Word file (Teams' transcripts are .docx).
 */
export function parseTranscript(
  name: string,
  text: string,
  opts: { fromDocx?: boolean } = {},
): ParsedTranscript {
  const ext = extensionOf(name)
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  let format: TranscriptFormat
  let segments: Segment[]
  if (ext === 'vtt' || (!opts.fromDocx && /^WEBVTT/.test(trimmed))) {
    format = 'vtt'
    segments = parseVtt(text)
  } else if (
    ext === 'srt' ||
    (!opts.fromDocx && /^\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2},\d{3}\s+-->/.test(trimmed))
  ) {
    format = 'srt'
    segments = parseSrt(text)
  } else {
    const flavour = detectTextFlavour(text)
    if (flavour === 'zoom') {
      format = 'zoom'
      segments = parseZoomText(text)
    } else if (flavour === 'speaker-time') {
      format = opts.fromDocx ? 'teams' : 'otter'
      segments = parseSpeakerTimeText(text)
    } else {
      format = opts.fromDocx ? 'docx' : 'txt'
      segments = parsePlainText(text)
    }
  }
  if (segments.length === 0) throw new TranscriptError('has no transcript text')
  return { format, segments, ...transcriptDoc(segments) }
}

/** One paragraph per segment with speaker and times as attributes; the plain text joins them with "\n". */
export function transcriptDoc(segments: Segment[]): Pick<ParsedTranscript, 'doc' | 'plainText' | 'speakers'> {
  const content = segments.map((s) => ({
    type: 'paragraph',
    attrs: { speaker: s.speaker, startMs: s.startMs, endMs: s.endMs },
    content: [{ type: 'text', text: s.text }],
  }))
  const speakers = [...new Set(segments.map((s) => s.speaker).filter((s): s is string => Boolean(s)))]
  return { doc: { type: 'doc', content }, plainText: segments.map((s) => s.text).join('\n'), speakers }
}
