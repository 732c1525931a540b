import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, fail, seedBasics, setupApp, sqliteOf, type TestApp, rollBackTo } from './helpers'

const FIX = join(import.meta.dirname, '..', 'fixtures', 'transcripts')
const file = (name: string) => ({ name, base64: readFileSync(join(FIX, name)).toString('base64') })

/** A minimal Word document: the three parts mammoth needs, one <w:p> per line. */
export function buildDocx(lines: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('')
  const zip = zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  })
  return Buffer.from(zip).toString('base64')
}

let t: TestApp
let interviewId: string
const count = (table: string) =>
  (sqliteOf(t.app).prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

beforeEach(async () => {
  t = await setupApp()
  interviewId = (await seedBasics(t.app)).interview.id
})
afterEach(() => t.cleanup())

describe('transcripts:import', () => {
  it('imports several formats at once, keeps speakers and times, and indexes the text for search', async () => {
    const { imported } = await call(t.app, 'transcripts:import', {
      interviewId,
      files: [
        file('exit-call.vtt'),
        file('exit-call.srt'),
        { name: 'zoom.txt', text: readFileSync(join(FIX, 'zoom-inline.txt'), 'utf8') },
        file('otter.txt'),
      ],
    })
    expect(imported.map((s) => [s.title, s.sourceFormat, s.segmentCount])).toEqual([
      ['exit-call', 'vtt', 3],
      ['exit-call', 'srt', 3],
      ['zoom', 'zoom', 3],
      ['otter', 'otter', 2],
    ])
    expect(imported[0]?.speakers).toEqual(['Interviewer', 'Dana Fox'])
    const list = await call(t.app, 'transcripts:list', { interviewId })
    expect(list.map((s) => s.id)).toEqual(imported.map((s) => s.id))
    const full = await call(t.app, 'transcripts:get', { id: imported[0]?.id ?? '' })
    expect(full.plainText.split('\n')[0]).toBe('Why did you cancel your subscription?')
    expect((full.doc['content'] as { attrs: object }[])[1]?.attrs).toMatchObject({
      speaker: 'Dana Fox',
      startMs: 5000,
    })
    const hit = sqliteOf(t.app)
      .prepare("select rowid from transcripts_fts where transcripts_fts match 'justify'")
      .all()
    expect(hit).toHaveLength(1)
  })

  it('reads a .docx (Teams layout) through mammoth', async () => {
    const base64 = buildDocx([
      'Interviewer   0:03',
      'Can everyone hear me?',
      'Dana Fox   1:15',
      'The main reason we churned was reporting.',
    ])
    const { imported } = await call(t.app, 'transcripts:import', {
      interviewId,
      files: [{ name: 'Teams meeting.docx', base64 }],
    })
    expect(imported[0]).toMatchObject({
      sourceFormat: 'teams',
      segmentCount: 2,
      speakers: ['Interviewer', 'Dana Fox'],
    })
    const plain = await call(t.app, 'transcripts:import', {
      interviewId,
      files: [{ name: 'notes.docx', base64: buildDocx(['Just some words.', 'And more.']) }],
    })
    expect(plain.imported[0]).toMatchObject({ sourceFormat: 'docx', segmentCount: 2 })
  })

  it('is all-or-nothing: one good and one bad file save nothing, and the message names the bad file and line', async () => {
    const err = await fail(t.app, 'transcripts:import', {
      interviewId,
      files: [file('exit-call.vtt'), file('malformed.vtt')],
    })
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toBe(
      '"malformed.vtt" could not be imported: line 6: "00:00:03.000 --> soon" is not a valid cue timing (expected 00:00:01.000 --> 00:00:04.000).',
    )
    expect(count('transcripts')).toBe(0)
    expect(count('transcripts_fts')).toBe(0)
  })

  it.each([
    ['image.txt', /"image.txt" is a binary file/],
    ['undecodable.txt', /"undecodable.txt" is in an encoding Fieldnote cannot recognise/],
    ['empty.txt', /"empty.txt" is empty/],
    ['malformed.srt', /"malformed.srt" could not be imported: line 6/],
  ])('refuses %s with a specific message', async (name, message) => {
    const err = await fail(t.app, 'transcripts:import', {
      interviewId,
      files: [file('plain.txt'), file(name)],
    })
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(message)
    expect(count('transcripts')).toBe(0)
  })

  it('refuses a damaged .docx and a file over 10 MB', async () => {
    const broken = Buffer.from('PK\u0003\u0004 not really a zip').toString('base64')
    expect(
      (await fail(t.app, 'transcripts:import', { interviewId, files: [{ name: 'x.docx', base64: broken }] }))
        .message,
    ).toMatch(/"x.docx" could not be read as a Word document/)
    const big = { name: 'big.txt', text: 'word '.repeat(2_200_000) }
    expect((await fail(t.app, 'transcripts:import', { interviewId, files: [big] })).message).toBe(
      '"big.txt" is larger than the 10 MB limit for a transcript.',
    )
    expect(count('transcripts')).toBe(0)
  })

  it('an unknown interview → NOT_FOUND; delete removes the transcript, its highlights and its index entry', async () => {
    expect(
      (await fail(t.app, 'transcripts:import', { interviewId: 'nope', files: [file('plain.txt')] })).code,
    ).toBe('NOT_FOUND')
    const { imported } = await call(t.app, 'transcripts:import', { interviewId, files: [file('plain.txt')] })
    const id = imported[0]?.id ?? ''
    await call(t.app, 'highlights:create', {
      source: { type: 'transcript', transcriptId: id },
      start: 0,
      end: 5,
    })
    await call(t.app, 'transcripts:delete', { id })
    expect(count('transcripts')).toBe(0)
    expect(count('highlights')).toBe(0)
    expect(count('transcripts_fts')).toBe(0)
    expect((await fail(t.app, 'transcripts:get', { id })).code).toBe('NOT_FOUND')
  })
})

describe('legacy encodings and speakers after import', () => {
  const cp1251 = (text: string) =>
    Buffer.from(
      [...text].map((c) => {
        const u = c.charCodeAt(0)
        if (u === 0x401) return 0xa8
        if (u === 0x451) return 0xb8
        return u >= 0x410 && u <= 0x44f ? u - 0x410 + 0xc0 : u
      }),
    ).toString('base64')

  it('converts Windows-1251 and Windows-1252 files and names the encoding in the import report', async () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:03,000\r\n<v Дана>Цена выросла вдвое, ушли.\r\n'
    const res = await call(t.app, 'transcripts:import', {
      interviewId,
      files: [{ name: 'звонок.srt', base64: cp1251(srt) }, file('latin1.txt'), file('exit-call.vtt')],
    })
    expect(res.files).toEqual([
      { name: 'звонок.srt', format: 'srt', encoding: 'Windows-1251' },
      { name: 'latin1.txt', format: 'txt', encoding: 'Windows-1252' },
      { name: 'exit-call.vtt', format: 'vtt', encoding: 'UTF-8' },
    ])
    const ru = await call(t.app, 'transcripts:get', { id: res.imported[0]?.id ?? '' })
    expect(ru.plainText).toBe('Цена выросла вдвое, ушли.')
    expect(ru.speakers).toEqual(['Дана'])
    const fr = await call(t.app, 'transcripts:get', { id: res.imported[1]?.id ?? '' })
    expect(fr.plainText).toBe('café au lait, Latin-1 text')
  })

  it('renames a speaker everywhere they speak, merges into an existing name, and leaves highlights in place', async () => {
    const { imported } = await call(t.app, 'transcripts:import', {
      interviewId,
      files: [
        {
          name: 'call.vtt',
          text: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Speaker 1>Why did you leave?\n\n00:00:03.000 --> 00:00:05.000\n<v Speaker 2>The price.\n\n00:00:09.000 --> 00:00:10.000\n<v Speaker 3>And support.\n',
        },
      ],
    })
    const id = imported[0]?.id ?? ''
    const h = await call(t.app, 'highlights:create', {
      source: { type: 'transcript', transcriptId: id },
      start: 19,
      end: 29,
      tagIds: [],
    })
    const renamed = await call(t.app, 'transcripts:renameSpeaker', { id, from: 'Speaker 1', to: ' Sam Lee ' })
    expect(renamed.speakers).toEqual(['Sam Lee', 'Speaker 2', 'Speaker 3'])
    const merged = await call(t.app, 'transcripts:renameSpeaker', { id, from: 'Speaker 3', to: 'Speaker 2' })
    expect(merged.speakers).toEqual(['Sam Lee', 'Speaker 2'])
    const full = await call(t.app, 'transcripts:get', { id })
    expect((full.doc['content'] as { attrs: { speaker: string } }[]).map((p) => p.attrs.speaker)).toEqual([
      'Sam Lee',
      'Speaker 2',
      'Speaker 2',
    ])
    const after = (await call(t.app, 'highlights:listForInterview', { interviewId })).find(
      (x) => x.id === h.id,
    )
    expect(after).toMatchObject({ start: 19, end: 29 })
    expect(full.plainText.slice(19, 29)).toBe('The price.')
    const err = await fail(t.app, 'transcripts:renameSpeaker', { id, from: 'Nobody', to: 'Ann' })
    expect(err).toMatchObject({ code: 'VALIDATION' })
    expect(err.message).toBe('No paragraph of "call" is spoken by "Nobody".')
  })
})

describe('transcript passages (what transcript search indexes)', () => {
  const passages = () =>
    sqliteOf(t.app)
      .prepare('select transcript_id, paragraph, start, text from transcript_passages order by id')
      .all() as { transcript_id: string; paragraph: number; start: number; text: string }[]

  it('cut every transcript at paragraph boundaries into passages that reassemble its text exactly', async () => {
    const long = Array.from(
      { length: 60 },
      (_, i) => `Line ${i}: the renewal price — цена ${i} 😀 went up again.`,
    )
    const { imported } = await call(t.app, 'transcripts:import', {
      interviewId,
      files: [file('exit-call.vtt'), { name: 'long.docx', base64: buildDocx(long) }],
    })
    const all = passages()
    expect(all.length).toBeGreaterThan(imported.length)
    for (const tr of imported) {
      const full = await call(t.app, 'transcripts:get', { id: tr.id })
      const mine = all.filter((p) => p.transcript_id === tr.id)
      // Reading order, and together exactly the plain text (paragraphs joined by "\n").
      expect(mine.map((p) => p.text).join('\n')).toBe(full.plainText)
      const paragraphs = full.plainText.split('\n')
      for (const p of mine) {
        // start is a code-point offset; paragraph is the index of the passage's first paragraph.
        expect([...full.plainText].slice(p.start, p.start + [...p.text].length).join('')).toBe(p.text)
        expect(p.text.startsWith(paragraphs[p.paragraph] ?? '\u0000')).toBe(true)
      }
    }
    // A few hundred characters each: a hit reads a passage, not a whole transcript.
    expect(Math.max(...all.map((p) => [...p.text].length))).toBeLessThan(700)
  })

  it('are rebuilt from existing transcripts when a library from before them is upgraded', async () => {
    await call(t.app, 'transcripts:import', { interviewId, files: [file('exit-call.vtt')] })
    const before = passages()
    const db = sqliteOf(t.app)
    rollBackTo(db, '0006_transcript_passages')
    await t.reopen()
    expect(passages()).toEqual(before)
    const hits = await call(t.app, 'search:query', { q: 'justify', kind: 'transcript' })
    expect(hits.groups[0]?.hits).toHaveLength(1)
  })
})
