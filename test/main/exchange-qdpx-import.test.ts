/**
 * Importing REFI-QDA projects in the shapes the tools really write (learned from QualCoder's importer and
 * its issue tracker, and the REFI-QDA standard): small projects written here by hand in those shapes.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportQdpx } from '../../src/main/services/exchange/qdpx-export'
import { importQdpx } from '../../src/main/services/exchange/qdpx-import'
import { AppError } from '../../src/shared/ipc/errors'
import { qdeSchemaErrors } from './refi-tools'
import { call, dbState, setupApp, sqliteOf, type TestApp } from './helpers'
import { seedReportLibrary } from './report-seed'

let t: TestApp
let u: TestApp
beforeEach(async () => {
  t = await setupApp()
  u = await setupApp()
})
afterEach(() => {
  t.cleanup()
  u.cleanup()
})

const G = (n: number) => `0f9e1c2a-3333-4a2b-9c3d-${String(n).padStart(12, '0')}`
const ctxOf = (app: TestApp) => app.app.libraries.context()
const importInto = (app: TestApp, files: Record<string, string | Uint8Array>) =>
  importQdpx(ctxOf(app), {
    bytes: zipSync(
      Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
    ),
  })
const refusal = (fn: () => unknown): string => {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err.message
    throw err
  }
  throw new Error('expected a refusal')
}

/** Every quote of the library with its tags' names, to compare what words each code lands on. */
async function codedQuotes(app: TestApp): Promise<string[]> {
  const tags = new Map((await call(app.app, 'tags:list')).map((x) => [x.id, x.name]))
  const rows = sqliteOf(app.app)
    .prepare(
      `select h.quote, h.memo, group_concat(ht.tag_id) as tags from highlights h
       left join highlight_tags ht on ht.highlight_id = h.id group by h.id`,
    )
    .all() as { quote: string; memo: string; tags: string | null }[]
  return rows
    .map(
      (r) =>
        `${r.quote} | ${(r.tags ?? '')
          .split(',')
          .filter(Boolean)
          .map((id) => tags.get(id))
          .sort()
          .join('+')} | ${r.memo}`,
    )
    .sort()
}

describe('Fieldnote → .qdpx → Fieldnote', () => {
  it('keeps every source, code, selection (same words), case variable and memo; the copy exports valid again', async () => {
    const s = await seedReportLibrary(t.app)
    await call(t.app, 'highlights:update', {
      id: (await call(t.app, 'highlights:listForInterview', { interviewId: s.ann.interview.id }))[0]!.id,
      memo: 'Price came up first',
    })
    const exported = exportQdpx(ctxOf(t), { studyId: s.study.id })
    const report = importQdpx(ctxOf(u), { bytes: exported.bytes })
    expect(report).toMatchObject({
      origin: 'Fieldnote',
      sources: 3,
      cases: 2,
      companies: 2,
      codings: 3,
      annotations: 0,
    })
    expect(report.variables).toEqual(
      expect.arrayContaining(['Company', 'MRR', 'Segment', 'Status', 'Customer since', 'Churned on', 'Role']),
    )
    expect(await codedQuotes(u)).toEqual(await codedQuotes(t))
    const texts = (app: TestApp) =>
      (
        sqliteOf(app.app).prepare('select plain_text from transcripts order by plain_text').all() as {
          plain_text: string
        }[]
      ).map((r) => r.plain_text)
    expect(texts(u)).toEqual(texts(t))
    const companies = await call(u.app, 'companies:list')
    expect(companies.map((c) => [c.name, c.segment, c.mrrMinor, c.status]).sort()).toEqual([
      ['Acme Cloud', 'A', 100_000, 'churned'],
      ['Beta Soft', 'B', 20_000, 'churned'],
    ])
    const people = await call(u.app, 'participants:list')
    expect(people.map((p) => [p.name, p.companyName]).sort()).toEqual([
      ['Ann Lee', 'Acme Cloud'],
      ['Boris Petrov', 'Beta Soft'],
    ])
    const again = unzipSync(exportQdpx(ctxOf(u), { studyId: report.study.id }).bytes)
    expect(qdeSchemaErrors(strFromU8(again['project.qde']!))).toBe('')
    expect(strFromU8(again['project.qde']!).match(/<Coding /g)).toHaveLength(3)
  })
})

describe('projects from other tools', () => {
  it('NVivo: lower-case sources folder, CRLF counted as two and 😀 as two (UTF-16), an annotation linked to a note', () => {
    const text = 'Why did you leave?\r\nThe price 😀 doubled.\r\nSupport was slow.'
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Churn NVivo" origin="NVivo 14">
  <CodeBook><Codes>
    <Code guid="${G(1)}" name="Price" isCodable="true" color="#FF0000"/>
    <Code guid="${G(2)}" name="Support" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(10)}" name="Interview Dana" plainTextPath="internal://${G(10)}.txt">
      <PlainTextSelection guid="${G(11)}" startPosition="20" endPosition="41"><Coding guid="${G(12)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${G(13)}" startPosition="43" endPosition="60"><Coding guid="${G(14)}"><CodeRef targetGUID="${G(2)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${G(15)}" startPosition="43" endPosition="50"/>
    </TextSource>
  </Sources>
  <Notes><Note guid="${G(20)}" name="Annotation"><PlainTextContent>Ask about the SLA</PlainTextContent></Note></Notes>
  <Links><Link guid="${G(21)}" originGUID="${G(20)}" targetGUID="${G(15)}"/></Links>
</Project>`
    const r = importInto(t, { 'project.qde': qde, [`sources/${G(10)}.txt`]: text })
    expect(r).toMatchObject({ sources: 1, codings: 2, annotations: 1, insights: 0 })
    const q = sqliteOf(t.app)
      .prepare('select quote, memo from highlights order by start_offset, end_offset')
      .all()
    expect(q).toEqual([
      { quote: 'The price 😀 doubled.', memo: '' },
      { quote: 'Support', memo: 'Ask about the SLA' },
      { quote: 'Support was slow.', memo: '' },
    ])
  })

  it('ATLAS.ti: a project file with its own name, the :1:0 namespace, CRLF counted as one, a transcript named on the recording', () => {
    const text = 'Q: What happened?\r\nA: Renewal was a shock.'
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1:0" name="Exit ATLAS" origin="ATLAS.ti 23.2">
  <CodeBook><Codes><Code guid="${G(1)}" name="Renewal" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <AudioSource guid="${G(30)}" name="call-07.m4a" path="internal://${G(30)}.m4a">
      <Transcript guid="${G(31)}" name="Call 07 with Ann" plainTextPath="internal://${G(31)}.txt">
      </Transcript>
    </AudioSource>
    <TextSource guid="${G(10)}" name="Memo text" plainTextPath="internal://${G(10)}.txt">
      <PlainTextSelection guid="${G(11)}" startPosition="21" endPosition="28"><Coding guid="${G(12)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`
    const r = importInto(t, {
      'Exit study.qde': qde,
      [`Sources/${G(10)}.txt`]: text,
      [`Sources/${G(31)}.txt`]: 'Ann: It renewed without asking.',
    })
    expect(r).toMatchObject({ sources: 2, codings: 1 })
    expect(sqliteOf(t.app).prepare('select quote from highlights').all()).toEqual([{ quote: 'Renewal' }])
    const titles = (
      sqliteOf(t.app).prepare('select title from interviews order by title').all() as { title: string }[]
    ).map((x) => x.title)
    expect(titles).toEqual(['Call 07 with Ann', 'Memo text'])
  })

  it('MAXQDA: nameless cases with file variables, duplicate source names, uncoded selections with text, categories and code groups', () => {
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Exit MAXQDA" origin="MAXQDA 2022">
  <CodeBook><Codes>
    <Code guid="${G(1)}" name="Reasons" isCodable="false">
      <Code guid="${G(2)}" name="Price" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="${G(40)}" name="Segment" typeOfVariable="Text"/>
    <Variable guid="${G(41)}" name="Company" typeOfVariable="Text"/>
    <Variable guid="${G(42)}" name="Wave" typeOfVariable="Integer"/>
  </Variables>
  <Cases>
    <Case guid="${G(50)}" name="Dana Fox">
      <VariableValue><VariableRef targetGUID="${G(41)}"/><TextValue>Globex</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G(40)}"/><TextValue>b</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G(42)}"/><IntegerValue>2</IntegerValue></VariableValue>
      <SourceRef targetGUID="${G(10)}"/>
    </Case>
    <Case guid="${G(51)}">
      <VariableValue><VariableRef targetGUID="${G(42)}"/><IntegerValue>1</IntegerValue></VariableValue>
      <SourceRef targetGUID="${G(11)}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${G(10)}" name="Interview" plainTextPath="internal://${G(10)}.txt">
      <PlainTextSelection guid="${G(60)}" startPosition="0" endPosition="9"><Description>Strong opener</Description></PlainTextSelection>
      <PlainTextSelection guid="${G(61)}" startPosition="14" endPosition="19"><Coding guid="${G(62)}"><CodeRef targetGUID="${G(2)}"/></Coding></PlainTextSelection>
    </TextSource>
    <TextSource guid="${G(11)}" name="Interview" plainTextPath="internal://${G(11)}.txt"/>
  </Sources>
  <Sets><Set guid="${G(70)}" name="Money codes"><MemberCode targetGUID="${G(2)}"/></Set></Sets>
</Project>`
    const r = importInto(t, {
      'project.qde': qde,
      [`Sources/${G(10)}.txt`]: 'Honestly, the price.',
      [`Sources/${G(11)}.txt`]: 'Second interview.',
    })
    expect(r).toMatchObject({
      sources: 2,
      cases: 1,
      companies: 1,
      codings: 1,
      annotations: 1,
      codeGroups: ['Money codes'],
    })
    expect(r.skipped.map((s) => s.item)).toEqual(
      expect.arrayContaining(['Variable "Wave"', `Variables of source ${G(11)}`]),
    )
    const titles = (
      sqliteOf(t.app).prepare('select title from interviews order by title').all() as { title: string }[]
    ).map((x) => x.title)
    expect(titles).toEqual(['Interview', 'Interview (2)'])
    expect(sqliteOf(t.app).prepare('select quote, memo from highlights order by start_offset').all()).toEqual(
      [
        { quote: 'Honestly,', memo: 'Strong opener' },
        { quote: 'price', memo: '' },
      ],
    )
    const globex = sqliteOf(t.app).prepare("select segment from companies where name = 'Globex'").get()
    expect(globex).toEqual({ segment: 'B' })
    const exported = unzipSync(exportQdpx(ctxOf(t), { studyId: r.study.id }).bytes)
    expect(qdeSchemaErrors(strFromU8(exported['project.qde']!))).toBe('')
  })
})

describe('files that are not what they say', () => {
  it('refuses each with a specific message and leaves the library as it was', async () => {
    await call(t.app, 'tags:create', { name: 'Existing' })
    const before = dbState(sqliteOf(t.app))
    const bomb = zipSync({ 'project.qde': strToU8('<Project name="x"/>') })
    // The central directory's uncompressed size: what a zip bomb claims before it is inflated.
    const cd = bomb.findIndex(
      (_, i) => bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 0x01 && bomb[i + 3] === 0x02,
    )
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(cd + 24, 0xfffffff0, true)
    const cases: [Uint8Array, RegExp][] = [
      [strToU8('name,code\nPrice,PRC-01'), /not a REFI-QDA project: a \.qdpx is a zip archive/],
      [zipSync({ 'readme.txt': strToU8('hi') }), /holds no project file \(project\.qde\)/],
      [
        zipSync({ 'project.qde': strToU8('<Project name="x"><Sources></Project>') }),
        /not well-formed XML \(line 1, column \d+: the <Sources> element opened on line 1 is closed by <\/Project>\)/,
      ],
      [zipSync({ 'project.qde': strToU8('<CodeBook/>') }), /root element is <CodeBook>, expected <Project>/],
      [zipSync({ 'project.qde': strToU8('<Project name="x"/>') }), /holds no text sources and no codes/],
      [bomb, /unpacks to more than 1 GB|damaged/],
      [
        zipSync({
          'project.qde': strToU8(
            `<Project name="x"><Sources><TextSource guid="${G(1)}" name="A" plainTextPath="internal://missing.txt"/></Sources></Project>`,
          ),
        }),
        /holds no text sources and no codes/,
      ],
    ]
    for (const [bytes, message] of cases)
      expect(refusal(() => importQdpx(ctxOf(t), { bytes }))).toMatch(message)
    expect(dbState(sqliteOf(t.app)).digest).toBe(before.digest)
  })

  it('never follows an entry name out of the project, and says so', () => {
    const r = importInto(t, {
      'project.qde': `<Project name="x"><CodeBook><Codes><Code guid="${G(1)}" name="A" isCodable="true"/></Codes></CodeBook></Project>`,
      '../evil.txt': 'x',
    })
    expect(r.skipped).toContainEqual({
      item: 'Archive entry "../evil.txt"',
      reason: 'its name points outside the project',
    })
  })
})
