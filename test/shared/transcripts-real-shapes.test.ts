/**
 * Caption and transcript files in the shapes real tools write (Teams, Zoom, YouTube auto-captions, subtitle
 * editors), written here by hand in those shapes: each case is one thing a real file showed.
 */
import { describe, expect, it } from 'vitest'
import { parseTranscript } from '../../src/shared/transcripts'
import { PARAGRAPH_HARD_MAX_MS } from '../../src/shared/transcripts/paragraphs'

const vtt = (...lines: string[]) => parseTranscript('call.vtt', ['WEBVTT', '', ...lines].join('\n'))
const srt = (...lines: string[]) => parseTranscript('call.srt', lines.join('\r\n'))
const rows = (t: ReturnType<typeof parseTranscript>) =>
  t.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])

describe('cue timings as tools write them', () => {
  it('Teams: unpadded fields, hours present, one-digit fractions, GUID cue ids', () => {
    const t = vtt(
      '5a1c0c9e-6a3e-4d8f-9d63-2b7f1f0e1a11/12-0',
      '0:0:0.0 --> 0:0:0.570',
      '<v Dana Fox>Hi.</v>',
      '',
      '5a1c0c9e-6a3e-4d8f-9d63-2b7f1f0e1a11/13-0',
      '0:0:1.200 --> 0:0:4.10',
      '<v Sam Lee>Thanks for joining, Dana.</v>',
    )
    expect(rows(t)).toEqual([
      ['Dana Fox', 0, 570, 'Hi.'],
      ['Sam Lee', 1200, 4100, 'Thanks for joining, Dana.'],
    ])
  })

  it('the spec’s forms: hours optional, and SubRip’s comma', () => {
    expect(
      rows(vtt('00:05.000 --> 00:07.500', '<v A>One.', '', '01:00:05.000 --> 01:00:06.000', '<v B>Two.')),
    ).toEqual([
      ['A', 5000, 7500, 'One.'],
      ['B', 3_605_000, 3_606_000, 'Two.'],
    ])
    expect(rows(srt('1', '00:00:01,250 --> 00:00:02,000', '<v A>Three.'))).toEqual([
      ['A', 1250, 2000, 'Three.'],
    ])
  })

  it('a line containing "-->" starts a new cue even without an empty line; settings never reach the text', () => {
    const t = vtt(
      '00:00:01.000 --> 00:00:03.000 align:start position:0%',
      '<v A>First cue',
      '00:00:03.000 --> 00:00:05.000 line:90% size:50%',
      '<v B>Second cue',
    )
    expect(rows(t)).toEqual([
      ['A', 1000, 3000, 'First cue'],
      ['B', 3000, 5000, 'Second cue'],
    ])
    expect(t.plainText).not.toMatch(/align|position|line:|-->/)
  })

  it('header metadata (YouTube’s Kind/Language, Apple’s X-TIMESTAMP-MAP) stays out of the text', () => {
    const t = parseTranscript(
      'a.vtt',
      'WEBVTT\nKind: captions\nLanguage: en\nX-TIMESTAMP-MAP=MPEGTS:181083,LOCAL:00:00:00.000\n\n00:00:01.000 --> 00:00:02.000\nHello there.\n',
    )
    expect(t.plainText).toBe('Hello there.')
  })
})

describe('rolling auto-captions (YouTube)', () => {
  // The shape YouTube writes: a cue built word by word with karaoke tags under a line holding one space,
  // a 10 ms hold cue repeating it, then a cue that carries it as its first line while the next one builds.
  const youtube = [
    'WEBVTT',
    'Kind: captions',
    'Language: en',
    '',
    '00:00:00.160 --> 00:00:02.350 align:start position:0%',
    ' ',
    'so<00:00:00.400><c> the</c><00:00:00.640><c> first</c><00:00:00.960><c> thing</c>',
    '',
    '00:00:02.350 --> 00:00:02.360 align:start position:0%',
    'so the first thing',
    ' ',
    '',
    '00:00:02.360 --> 00:00:04.870 align:start position:0%',
    'so the first thing',
    'we<00:00:02.600><c> noticed</c><00:00:02.900><c> was</c><00:00:03.100><c> the</c><00:00:03.400><c> price</c>',
    '',
    '00:00:04.870 --> 00:00:04.880 align:start position:0%',
    'we noticed was the price',
    ' ',
    '',
    '00:00:04.880 --> 00:00:07.000 align:start position:0%',
    'we noticed was the price',
    '&gt;&gt; and<00:00:05.100><c> then</c><00:00:05.400><c> support</c>',
    '',
  ].join('\n')

  it('reads as the speech once, without repeats or tags, and a >> turn starts a paragraph', () => {
    const t = parseTranscript('auto.en.vtt', youtube)
    expect(rows(t)).toEqual([
      [null, 160, 4870, 'so the first thing we noticed was the price'],
      [null, 4880, 7000, 'and then support'],
    ])
  })

  it('an ordinary subtitle file keeps a line said twice', () => {
    const t = vtt('00:00:01.000 --> 00:00:02.000', 'Yes.', '', '00:00:02.000 --> 00:00:03.000', 'Yes.')
    expect(t.plainText).toBe('Yes. Yes.')
  })
})

describe('speakers', () => {
  it('are not invented from ordinary sentences with a colon in a subtitle file', () => {
    const t = srt(
      '1',
      '00:00:01,000 --> 00:00:03,000',
      'Welcome back to the channel.',
      '',
      '2',
      '00:00:03,500 --> 00:00:06,000',
      'Rule number one: never skip the warm-up.',
      '',
      '3',
      '00:00:06,500 --> 00:00:09,000',
      'Today we look at pricing pages.',
      '',
      '4',
      '00:00:09,500 --> 00:00:12,000',
      'And what makes people leave.',
    )
    expect(t.speakers).toEqual([])
    expect(t.plainText).toContain('Rule number one: never skip the warm-up.')
  })

  it('come from a Name: prefix where the file uses it throughout (Zoom’s caption file)', () => {
    const t = vtt(
      '1',
      '00:00:02.100 --> 00:00:05.200',
      'Sam Lee: Why did you cancel?',
      '',
      '2',
      '00:00:05.900 --> 00:00:09.000',
      'Dana Fox: The price went up.',
      '',
      '3',
      '00:00:09.400 --> 00:00:11.000',
      'Dana Fox: Twice in one year.',
      '',
      '4',
      '00:00:12.000 --> 00:00:13.000',
      'Sam Lee: I see.',
    )
    expect(rows(t)).toEqual([
      ['Sam Lee', 2100, 5200, 'Why did you cancel?'],
      ['Dana Fox', 5900, 11_000, 'The price went up. Twice in one year.'],
      ['Sam Lee', 12_000, 13_000, 'I see.'],
    ])
  })

  it('one cue with two voices gives each voice its own text, closed or not', () => {
    expect(rows(vtt('00:00:01.000 --> 00:00:03.000', '<v Sam>Ready?</v> <v Dana>Yes, go.</v>'))).toEqual([
      ['Sam', 1000, 3000, 'Ready?'],
      ['Dana', 1000, 3000, 'Yes, go.'],
    ])
    expect(rows(vtt('00:00:01.000 --> 00:00:03.000', '<v.loud Sam>Ready?', '<v Dana>Yes, go.'))).toEqual([
      ['Sam', 1000, 3000, 'Ready?'],
      ['Dana', 1000, 3000, 'Yes, go.'],
    ])
  })
})

describe('paragraphs', () => {
  it('join one speaker’s cues, but not across a long pause; each keeps its start and end', () => {
    const t = vtt(
      '00:00:01.000 --> 00:00:03.000',
      '<v Dana>We liked it.',
      '',
      '00:00:03.200 --> 00:00:05.000',
      '<v Dana>At first.',
      '',
      '00:00:45.000 --> 00:00:48.000',
      '<v Dana>Then the invoices doubled.',
    )
    expect(rows(t)).toEqual([
      ['Dana', 1000, 5000, 'We liked it. At first.'],
      ['Dana', 45_000, 48_000, 'Then the invoices doubled.'],
    ])
  })

  it('a 39-minute monologue without pauses is cut into readable paragraphs, losing no word', () => {
    const cues: string[] = []
    for (let i = 0; i < 780; i++) {
      const s = i * 3000
      const t = (ms: number) =>
        `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}.000`
      cues.push(`${t(s)} --> ${t(s + 3000)}`, `<v Host>word${i}${i % 7 === 6 ? '.' : ''}`, '')
    }
    const t = vtt(...cues)
    expect(t.segments.length).toBeGreaterThan(19)
    for (const p of t.segments)
      expect((p.endMs as number) - (p.startMs as number)).toBeLessThanOrEqual(PARAGRAPH_HARD_MAX_MS)
    expect(t.segments.map((p) => p.text).join(' ')).toBe(
      Array.from({ length: 780 }, (_, i) => `word${i}${i % 7 === 6 ? '.' : ''}`).join(' '),
    )
    expect(t.segments[0]).toMatchObject({ startMs: 0 })
    expect(t.segments.at(-1)).toMatchObject({ endMs: 780 * 3000 })
  })
})

describe('markup inside cue text', () => {
  it('SSA/ASS override codes in SubRip come out as the text they stand for', () => {
    const t = srt(
      '1',
      '00:00:01,000 --> 00:00:03,000',
      '{\\an8}Top line\\Nsecond part\\hhere {\\i1}really{\\i0}',
    )
    expect(t.plainText).toBe('Top line second part here really')
  })

  it('HTML character references are decoded; direction marks vanish', () => {
    const t = srt(
      '1',
      '00:00:01,000 --> 00:00:03,000',
      'Tom&nbsp;&amp;&nbsp;Jerry&lrm; &lt;3 caf&eacute; &#8220;ok&#x201D; &hellip;',
    )
    expect(t.plainText).toBe('Tom & Jerry <3 café “ok” …')
  })

  it('a stray empty line inside a SubRip cue keeps its text with that cue; a cue number without timing is named', () => {
    const t = srt(
      '1',
      '00:00:01,000 --> 00:00:03,000',
      'First half',
      '',
      'second half',
      '',
      '2',
      '00:00:04,000 --> 00:00:05,000',
      'Next.',
    )
    expect(rows(t)).toEqual([[null, 1000, 5000, 'First half second half Next.']])
    expect(() => srt('1', '00:00:01,000 --> 00:00:03,000', 'Ok', '', '2', 'no timing here')).toThrow(
      /line 6: expected a cue timing/,
    )
  })
})
