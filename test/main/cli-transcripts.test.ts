import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import {
  call,
  fingerprint,
  makeApp,
  makeTempDir,
  removeTempDir,
  ROOT,
  sequentialIds,
  TestClock,
} from './helpers'

/** `fieldnote import transcript`, run as a team's script runs it: the real bin on real libraries. */
const BIN = join(ROOT, 'bin', 'fieldnote.mjs')

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const importing = (...args: string[]) => cli(dir, 'import', 'transcript', ...args)

/** The same command in this process (runCli, as the bin calls it): quick, for the usage errors. */
async function inProcess(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), cwd: dir, root: ROOT }
  const code = await runCli(args, io)
  const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('')
  return { code, stdout: text(out), stderr: text(err) }
}

// Inputs whose paragraphs no parser can read two ways: one speaker per cue (<v> tags, alternating), times
// written out in full, and a text file of one sentence.
const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Interviewer>Why did you cancel?',
  '',
  '00:00:04.500 --> 00:00:09.250',
  '<v Dana Fox>The price went up &amp; support got slow.',
  '',
  '00:00:10.000 --> 00:00:12.000',
  '<v Interviewer>Thank you.',
  '',
].join('\n')
const SRT = ['1', '00:01:00,000 --> 00:01:05,500', 'We compared three tools.', ''].join('\n')
const TXT = 'The onboarding took three weeks.\n'

/** What Windows tools write: UTF-16 little-endian after an FF FE mark. */
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])

const TABLES = ['studies', 'companies', 'participants', 'interviews', 'transcripts'] as const

// Read-write, though only read: a read-only connection cannot remove the -wal and -shm files it makes.
function rowCounts(path: string): Record<string, number> {
  const db = new Database(path, { fileMustExist: true })
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]),
    )
  } finally {
    db.close()
  }
}

function query<T>(path: string, sql: string): T[] {
  const db = new Database(path, { fileMustExist: true })
  try {
    return db.prepare(sql).all() as T[]
  } finally {
    db.close()
  }
}

let dir: string
beforeAll(() => {
  expect(cli(ROOT, '--help').code).toBe(0)
}, 120_000)

beforeEach(() => {
  dir = makeTempDir('fieldnote-cli-transcripts-')
  writeFileSync(join(dir, 'call.vtt'), VTT)
  writeFileSync(join(dir, 'follow-up.srt'), SRT)
  writeFileSync(join(dir, 'notes.txt'), utf16le(TXT))
})
afterEach(() => removeTempDir(dir))

describe('fieldnote import transcript', () => {
  it('makes one interview per file, creating the study, participant and company, and prints them as JSON', () => {
    const args = ['--library', 'lib.fieldnote', '--study', 'Exit Q3', '--participant', 'Dana Fox']
    const r = importing('call.vtt', 'follow-up.srt', 'notes.txt', ...args, '--company', 'Acme', '--json')
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const printed = JSON.parse(r.stdout) as { interviews: { id: string }[] }
    const id = expect.any(String) as unknown
    expect(printed).toEqual({
      interviews: [
        {
          id,
          file: 'call.vtt',
          format: 'vtt',
          encoding: 'UTF-8',
          paragraphs: [
            { speaker: 'Interviewer', start_ms: 1000, end_ms: 4000, text: 'Why did you cancel?' },
            {
              speaker: 'Dana Fox',
              start_ms: 4500,
              end_ms: 9250,
              text: 'The price went up & support got slow.',
            },
            { speaker: 'Interviewer', start_ms: 10_000, end_ms: 12_000, text: 'Thank you.' },
          ],
        },
        {
          id,
          file: 'follow-up.srt',
          format: 'srt',
          encoding: 'UTF-8',
          paragraphs: [{ speaker: null, start_ms: 60_000, end_ms: 65_500, text: 'We compared three tools.' }],
        },
        {
          id,
          file: 'notes.txt',
          format: 'txt',
          encoding: 'UTF-16LE',
          paragraphs: [
            { speaker: null, start_ms: null, end_ms: null, text: 'The onboarding took three weeks.' },
          ],
        },
      ],
    })

    const lib = join(dir, 'lib.fieldnote')
    expect(rowCounts(lib)).toEqual({
      studies: 1,
      companies: 1,
      participants: 1,
      interviews: 3,
      transcripts: 3,
    })
    const rows = query<Record<string, string>>(
      lib,
      `select i.id, i.title, i.status, i.script_source_id as script, s.name as study, s.method,
              p.name as participant, c.name as company, t.source_name as source
       from interviews i join studies s on s.id = i.study_id join participants p on p.id = i.participant_id
       join companies c on c.id = p.company_id join transcripts t on t.interview_id = i.id
       order by t.source_name`,
    )
    const ids = new Map(
      printed.interviews.map((iv, i) => [iv.id, ['call.vtt', 'follow-up.srt', 'notes.txt'][i]]),
    )
    expect(rows.map((x) => [ids.get(x['id']!), x['title'], x['source']])).toEqual([
      ['call.vtt', 'call', 'call.vtt'],
      ['follow-up.srt', 'follow-up', 'follow-up.srt'],
      ['notes.txt', 'notes', 'notes.txt'],
    ])
    // A new study is an exit study (as import churn-survey makes one); its interviews get its English script.
    for (const x of rows)
      expect(x).toMatchObject({
        status: 'planned',
        script: 'builtin:exit:en',
        study: 'Exit Q3',
        method: 'exit',
        participant: 'Dana Fox',
        company: 'Acme',
      })
  }, 120_000)

  describe('in a library that has people already', () => {
    let lib: string
    beforeEach(async () => {
      lib = join(dir, 'kept.fieldnote')
      const app = makeApp(join(dir, 'data'), new TestClock())
      await app.libraries.create(lib)
      await call(app, 'studies:create', { name: 'Churn study', method: 'journey', targetInterviews: 5 })
      const acme = await call(app, 'companies:create', { name: 'Acme' })
      const globex = await call(app, 'companies:create', { name: 'Globex' })
      await call(app, 'participants:create', { name: 'Ann Lee', companyId: acme.id })
      await call(app, 'participants:create', { name: 'Kim Park' })
      await call(app, 'participants:create', { name: 'Sam Roe', companyId: acme.id })
      await call(app, 'participants:create', { name: 'Sam Roe', companyId: globex.id })
      app.libraries.close()
    })

    const people = () =>
      query<{ name: string; company: string | null; interviews: number }>(
        lib,
        `select p.name, c.name as company, (select count(*) from interviews i where i.participant_id = p.id) as interviews
         from participants p left join companies c on c.id = p.company_id order by p.name, c.name`,
      )

    it('finds the study, participant and company by name, ignoring case and spacing', () => {
      const who = ['--study', 'churn STUDY', '--participant', 'ann  lee', '--company', 'ACME']
      const r = importing('call.vtt', 'notes.txt', '--library', lib, ...who)
      expect(r).toMatchObject({ code: 0, stderr: '' })
      expect(r.stdout).toBe(
        'Imported 2 transcripts as 2 new interviews with Ann Lee (Acme) in study "Churn study": ' +
          `call.vtt (vtt, 3 paragraphs), notes.txt (txt, read as UTF-16LE, 1 paragraph)\n`,
      )
      expect(rowCounts(lib)).toEqual({
        studies: 1,
        companies: 2,
        participants: 4,
        interviews: 2,
        transcripts: 2,
      })
      // The study's own method picks the script: a journey study's interviews get the journey walkthrough.
      expect(query(lib, 'select distinct script_source_id as s from interviews')).toEqual([
        { s: 'builtin:journey:en' },
      ])
    }, 120_000)

    it('links a participant without a company to the one given; a namesake at another company is someone else', () => {
      const base = ['call.vtt', '--library', lib, '--study', 'Churn study']
      const kim = importing(...base, '--participant', 'Kim Park', '--company', 'Globex')
      expect(kim).toMatchObject({ code: 0, stderr: '' })
      expect(kim.stdout).toMatch(
        /with Kim Park \(Globex\) in study "Churn study".*; Kim Park is now at Globex\n$/,
      )
      const ann = importing(...base, '--participant', 'Ann Lee', '--company', 'Initech')
      expect(ann).toMatchObject({ code: 0, stderr: '' })
      expect(ann.stdout).toMatch(/; created participant "Ann Lee", company "Initech"\n$/)
      const sam = importing(...base, '--participant', 'Sam Roe', '--company', 'globex')
      expect(sam).toMatchObject({ code: 0, stderr: '' })
      expect(people()).toEqual([
        { name: 'Ann Lee', company: 'Acme', interviews: 0 },
        { name: 'Ann Lee', company: 'Initech', interviews: 1 },
        { name: 'Kim Park', company: 'Globex', interviews: 1 },
        { name: 'Sam Roe', company: 'Acme', interviews: 0 },
        { name: 'Sam Roe', company: 'Globex', interviews: 1 },
      ])
    }, 120_000)

    it('refuses a name that means two people or studies, and a bad file, leaving the library as it was', async () => {
      // Ids of their own: the seeding app's sequence starts again in a new one.
      const app = makeApp(join(dir, 'data'), new TestClock(), sequentialIds('twin'))
      await app.libraries.open(lib)
      for (const name of ['Twin', 'twin'])
        await call(app, 'studies:create', { name, method: 'exit', targetInterviews: 5 })
      app.libraries.close()
      writeFileSync(join(dir, 'slide.png'), Buffer.from('89504e470d0a1a0a0000000d4948445200000100', 'hex'))
      writeFileSync(join(dir, 'bad-timing.vtt'), 'WEBVTT\n\n00:00:05.000 --> soon\n<v Ann>Hello\n')
      const before = { file: fingerprint(lib), rows: rowCounts(lib) }
      // Each but the first would also create a study and a company, had it been saved.
      const anew = ['--study', 'A new study', '--company', 'New Co']
      const cases: [string[], RegExp][] = [
        [
          ['call.vtt', '--participant', 'Sam Roe', '--study', 'A new study'],
          /^fieldnote: 2 participants are named "Sam Roe" \(Acme, Globex\); give their company to choose one\. Nothing was imported\.\n$/,
        ],
        [
          ['call.vtt', '--participant', 'Ann Lee', '--study', 'TWIN'],
          /^fieldnote: 2 studies are named "TWIN" in this library; rename all but one in the app to choose it\. Nothing was imported\.\n$/,
        ],
        [
          ['call.vtt', 'slide.png', '--participant', 'Ann Lee', ...anew],
          /^fieldnote: "slide\.png" is a binary file.* Nothing was imported\.\n$/,
        ],
        [
          ['call.vtt', 'bad-timing.vtt', '--participant', 'Ann Lee', ...anew],
          /^fieldnote: "bad-timing\.vtt" .*line 3\b.*timing.* Nothing was imported\.\n$/,
        ],
        [
          ['call.vtt', 'gone.vtt', '--participant', 'New Person', ...anew],
          /^fieldnote: File not found: gone\.vtt\. Nothing was imported\.\n$/,
        ],
      ]
      for (const [args, message] of cases) {
        const r = importing(...args, '--library', lib)
        expect({ code: r.code, stdout: r.stdout }, args.join(' ')).toEqual({ code: 1, stdout: '' })
        expect(r.stderr, args.join(' ')).toMatch(message)
        expect({ file: fingerprint(lib), rows: rowCounts(lib) }, args.join(' ')).toEqual(before)
      }
    }, 120_000)
  })

  it('leaves no library behind when the batch is refused, before or after the library is made', () => {
    mkdirSync(join(dir, 'in'))
    writeFileSync(join(dir, 'in', 'call.vtt'), 'WEBVTT\n\n00:00:03.000 --> 00:00:01.000\n<v Ann>Backwards\n')
    const files = () => readdirSync(dir).sort()
    const before = files()
    const bad = importing(
      'call.vtt',
      'in/call.vtt',
      '--library',
      'new.fieldnote',
      '--study',
      'S',
      '--participant',
      'P',
    )
    expect(bad.code).toBe(1)
    // Two files of one name: the one refused is named by the path typed.
    expect(bad.stderr).toMatch(
      /^fieldnote: in\/call\.vtt: "call\.vtt" .*line 3\b.* Nothing was imported\.\n$/,
    )
    // Refused by the service, once the library (and the folders for it) exist: they go again.
    const long = 'x'.repeat(201)
    const lib = join('sub', 'deeper', 'new.fieldnote')
    const named = importing('call.vtt', '--library', lib, '--study', long, '--participant', 'P')
    expect(named.code).toBe(1)
    expect(named.stderr).toMatch(/^fieldnote: Study "x+": .*200.* Nothing was imported\.\n$/)
    expect(files()).toEqual(before)
  }, 120_000)

  it('says what is wrong with the command line (exit 2)', async () => {
    const lib = ['--library', 'lib.fieldnote']
    const cases: [string[], string][] = [
      [
        [...lib, '--study', 'S', '--participant', 'P'],
        'Which files? fieldnote import transcript FILE... --library LIB --study NAME --participant NAME [--company NAME]',
      ],
      [['call.vtt', ...lib, '--participant', 'P'], '--study NAME is required for "import transcript"'],
      [['call.vtt', ...lib, '--study', 'S'], '--participant NAME is required for "import transcript"'],
      [
        ['call.vtt', './call.vtt', ...lib, '--study', 'S', '--participant', 'P'],
        './call.vtt is given twice (each file becomes one interview)',
      ],
      [
        ['call.vtt', ...lib, '--study', 'S', '--participant', 'P', '--compnay', 'A'],
        'unknown option --compnay for "import transcript" (did you mean --company?)',
      ],
    ]
    for (const [args, message] of cases)
      expect(await inProcess('import', 'transcript', ...args), args.join(' ')).toEqual({
        code: 2,
        stdout: '',
        stderr: `fieldnote: ${message}. Run fieldnote --help for usage.\n`,
      })
    expect(readdirSync(dir).sort()).toEqual(['call.vtt', 'follow-up.srt', 'notes.txt'])
    expect((await inProcess('report', 'call.vtt', ...lib)).stderr).toMatch(
      /unexpected argument "call\.vtt" for "report" \(it takes no FILE\)/,
    )
    expect((await inProcess('--help')).stdout).toMatch(
      /^ {2}fieldnote import transcript FILE\.\.\. --library LIB --study NAME --participant NAME \[--company NAME\] \[--json\]$/m,
    )
  }, 120_000)
})
