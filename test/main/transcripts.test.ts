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
    ['latin1.txt', /"latin1.txt" is not valid UTF-8/],
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
