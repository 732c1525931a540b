import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  decodeTranscriptFile,
  MAX_TRANSCRIPT_BYTES,
  parseTranscript,
  TranscriptError,
} from '../../src/shared/transcripts'
import { parseTimecode } from '../../src/shared/transcripts/common'
import { docPlainText } from '../../src/shared/text/plain-text'

const FIX = join(import.meta.dirname, '..', 'fixtures', 'transcripts')
const text = (name: string) => readFileSync(join(FIX, name), 'utf8')
const b64 = (name: string) => readFileSync(join(FIX, name)).toString('base64')
const parse = (name: string) => parseTranscript(name, text(name))
const problem = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    if (e instanceof TranscriptError) return e.message
    throw e
  }
  throw new Error('expected a TranscriptError')
}

describe('timecodes', () => {
  it('reads hours, minutes, seconds and fractions with . or ,', () => {
    expect(parseTimecode('00:00:01.000')).toBe(1000)
    expect(parseTimecode('01:02:03,456')).toBe(3_723_456)
    expect(parseTimecode('2:03')).toBe(123_000)
    expect(parseTimecode('1:00:05')).toBe(3_605_000)
    expect(parseTimecode('00:61')).toBeNull()
    expect(parseTimecode('soon')).toBeNull()
  })
})

describe('WebVTT', () => {
  it('reads voice tags, "Speaker:" prefixes, cue settings, entities; skips NOTE blocks; merges a speaker’s consecutive cues', () => {
    const t = parse('exit-call.vtt')
    expect(t.format).toBe('vtt')
    expect(t.segments).toEqual([
      { speaker: 'Interviewer', startMs: 1000, endMs: 4500, text: 'Why did you cancel your subscription?' },
      {
        speaker: 'Dana Fox',
        startMs: 5000,
        endMs: 12_000,
        text: "Honestly, the price went up & we couldn't justify it. Also the export to Excel kept breaking.",
      },
      { speaker: 'Interviewer', startMs: 62_000, endMs: 65_000, text: 'Thanks, that is clear.' },
    ])
    expect(t.speakers).toEqual(['Interviewer', 'Dana Fox'])
    expect(t.plainText.split('\n')).toHaveLength(3)
    expect(t.plainText).not.toContain('comment')
  })

  it('builds one paragraph per segment with speaker and start time, whose text is the plain text', () => {
    const t = parse('exit-call.vtt')
    expect(t.doc.content[1]).toMatchObject({
      type: 'paragraph',
      attrs: { speaker: 'Dana Fox', startMs: 5000 },
    })
    expect(docPlainText(t.doc).text).toBe(t.plainText)
  })

  it('names the line of a malformed cue timing', () => {
    expect(problem(() => parse('malformed.vtt'))).toMatch(
      /^line 6: "00:00:03.000 --> soon" is not a valid cue timing/,
    )
  })

  it('requires the WEBVTT header and a timing in each cue', () => {
    expect(problem(() => parseTranscript('x.vtt', 'Hello\n\n00:00:01.000 --> 00:00:02.000\nHi'))).toMatch(
      /line 1: .*WEBVTT/,
    )
    expect(problem(() => parseTranscript('x.vtt', 'WEBVTT\n\n1\n2\nJust text'))).toMatch(
      /^line 3: expected a cue timing/,
    )
    expect(
      problem(() => parseTranscript('x.vtt', 'WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards')),
    ).toMatch(/^line 3: the cue ends before it starts/)
  })

  it('a .txt that is really WebVTT is read as WebVTT', () => {
    expect(parseTranscript('call.txt', text('exit-call.vtt')).format).toBe('vtt')
  })
})

describe('SubRip', () => {
  it('reads numbered cues with comma milliseconds and multi-line text', () => {
    const t = parse('exit-call.srt')
    expect(t.format).toBe('srt')
    expect(t.segments).toEqual([
      { speaker: 'Interviewer', startMs: 1000, endMs: 4000, text: 'Why did you leave?' },
      { speaker: 'Dana Fox', startMs: 4500, endMs: 8250, text: 'The onboarding was confusing.' },
      { speaker: null, startMs: 9000, endMs: 10_000, text: '(laughs)' },
    ])
  })

  it('names the line where a timing was expected', () => {
    expect(problem(() => parse('malformed.srt'))).toMatch(/^line 6: expected a cue timing/)
  })
})

describe('text exports', () => {
  it('plain text: a segment per line, "Speaker:" prefixes only when they look like a name', () => {
    const t = parse('plain.txt')
    expect(t.format).toBe('txt')
    expect(t.segments.map((s) => [s.speaker, s.text])).toEqual([
      ['Interviewer', 'What made you look for something else?'],
      ['Dana Fox', 'Our team grew and the seats got expensive.'],
      [null, 'Just a note without a speaker, about pricing: it matters.'],
    ])
  })

  it('Zoom, "[Speaker] HH:MM:SS" header style', () => {
    const t = parse('zoom-bracket.txt')
    expect(t.format).toBe('zoom')
    expect(t.segments).toEqual([
      { speaker: 'Interviewer', startMs: 3000, endMs: 7000, text: 'Thanks for joining.' },
      { speaker: 'Dana Fox', startMs: 7000, endMs: null, text: 'Happy to help. We left in March.' },
    ])
  })

  it('Zoom, "HH:MM:SS Speaker: text" style', () => {
    const t = parse('zoom-inline.txt')
    expect(t.format).toBe('zoom')
    expect(t.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual([
      ['Interviewer', 3000, 'Thanks for joining.'],
      ['Dana Fox', 7000, 'We left in March because of support.'],
      ['Interviewer', 70_000, 'Got it.'],
    ])
  })

  it('Otter: "Speaker  0:05" then text, without the "Transcribed by" footer', () => {
    const t = parse('otter.txt')
    expect(t.format).toBe('otter')
    expect(t.segments).toEqual([
      {
        speaker: 'Interviewer',
        startMs: 5000,
        endMs: 12_000,
        text: 'So tell me about the day you decided to switch.',
      },
      { speaker: 'Dana Fox', startMs: 12_000, endMs: null, text: 'It was after the third outage in a week.' },
    ])
  })

  it('Teams (text of its .docx): "Speaker   0:03" blocks', () => {
    const t = parseTranscript('meeting.docx', text('teams.txt'), { fromDocx: true })
    expect(t.format).toBe('teams')
    expect(t.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual([
      ['Interviewer', 3000, 'Can everyone hear me?'],
      ['Dana Fox', 75_000, 'Yes. The main reason we churned was reporting.'],
    ])
  })
})

describe('bad files', () => {
  it('binary content (NUL bytes) is refused, as text or as bytes', () => {
    expect(problem(() => decodeTranscriptFile({ name: 'image.txt', base64: b64('image.txt') }))).toMatch(
      /binary file/,
    )
    expect(problem(() => decodeTranscriptFile({ name: 'image.txt', text: 'GIF\u0000x' }))).toMatch(
      /binary file/,
    )
  })

  it('Latin-1 text is read as Windows-1252 and says so; bytes no code page reads are refused with what to do', () => {
    const latin1 = decodeTranscriptFile({ name: 'latin1.txt', base64: b64('latin1.txt') })
    expect(latin1).toMatchObject({ kind: 'text', encoding: 'Windows-1252' })
    expect(latin1.kind === 'text' && latin1.text).not.toMatch(/\uFFFD/)
    const undefinedBytes = btoa('Caf\x81 \x8d\x90 au lait')
    expect(problem(() => decodeTranscriptFile({ name: 'x.txt', base64: undefinedBytes }))).toMatch(
      /encoding Fieldnote cannot recognise.*save it as UTF-8/,
    )
  })

  it('empty and whitespace-only files are refused', () => {
    expect(problem(() => decodeTranscriptFile({ name: 'empty.txt', base64: '' }))).toBe('is empty')
    expect(problem(() => decodeTranscriptFile({ name: 'blank.vtt', base64: b64('blank.vtt') }))).toBe(
      'is empty',
    )
    expect(problem(() => decodeTranscriptFile({ name: 'empty.txt', text: '' }))).toBe('is empty')
  })

  it('files over the stated size limit are refused, naming the limit', () => {
    const big = 'a'.repeat(MAX_TRANSCRIPT_BYTES + 1)
    expect(problem(() => decodeTranscriptFile({ name: 'big.txt', text: big }))).toBe(
      'is larger than the 10 MB limit for a transcript',
    )
    expect(problem(() => decodeTranscriptFile({ name: 'big.txt', base64: btoa(big) }))).toMatch(/10 MB limit/)
  })

  it('a zip or Office file named .txt, or a .docx that is not a zip, is refused', () => {
    const zipHead = btoa('PK\u0003\u0004rest')
    expect(problem(() => decodeTranscriptFile({ name: 'a.txt', base64: zipHead }))).toMatch(
      /binary file .*zip/,
    )
    expect(problem(() => decodeTranscriptFile({ name: 'a.docx', base64: btoa('hello') }))).toMatch(
      /not a Word/,
    )
  })

  it('UTF-8 bytes, a UTF-8 BOM and UTF-16 with a BOM decode to the same text', () => {
    const s = 'Dana: Привет, 👋'
    const utf8 = new TextEncoder().encode(s)
    const toB64 = (b: Uint8Array) => btoa(String.fromCharCode(...b))
    expect(decodeTranscriptFile({ name: 'a.txt', base64: toB64(utf8) })).toEqual({
      kind: 'text',
      text: s,
      encoding: 'UTF-8',
    })
    const le = new Uint8Array(2 + s.length * 2)
    le.set([0xff, 0xfe])
    for (let i = 0; i < s.length; i++) {
      le[2 + i * 2] = s.charCodeAt(i) & 0xff
      le[3 + i * 2] = s.charCodeAt(i) >> 8
    }
    expect(decodeTranscriptFile({ name: 'a.txt', base64: toB64(le) })).toEqual({
      kind: 'text',
      text: s,
      encoding: 'UTF-16LE',
    })
  })

  it('a file with no transcript text after parsing is refused', () => {
    expect(problem(() => parseTranscript('x.vtt', 'WEBVTT\n\nNOTE only a note\n'))).toBe(
      'has no transcript text',
    )
  })
})
