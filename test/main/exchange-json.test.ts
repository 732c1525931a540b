import Database from 'better-sqlite3'
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { is } from 'drizzle-orm'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as schema from '../../src/main/db/schema'
import {
  DERIVED_TABLES,
  libraryJsonSchema,
  libraryJsonSchemaText,
  SCHEMA_VERSION,
  TABLE_NAMES,
} from '../../src/main/services/exchange'
import type { Channel, ChannelInput } from '../../src/shared/ipc/contracts'
import {
  call,
  fail,
  invoke,
  makeTempDir,
  removeTempDir,
  ROOT,
  setupApp,
  sqliteOf,
  type TestApp,
} from './helpers'
import { seedExchangeLibrary, type ExchangeSeed } from './exchange-seed'

/**
 * The library JSON format on real SQLite: a library that touches every primary table goes out and into a new
 * library, and comes back out the same file; the new library answers every read as the old one did, with its
 * search indexes and counts rebuilt by the triggers. A one-study export holds that study and what it uses.
 * A refused file leaves no library file behind and the open library open.
 */

let t: TestApp
let s: ExchangeSeed
let full: string
let source: string

/** Every table schema.ts declares. */
const SCHEMA_TABLES = (Object.values(schema) as unknown[]).filter((x): x is SQLiteTable => is(x, SQLiteTable))
const FTS = ['notes_fts', 'transcripts_fts', 'highlights_fts', 'survey_fts', 'ratings_fts']

function rowsOf(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true })
  try {
    return Object.fromEntries(
      TABLE_NAMES.map((n) => [n, db.prepare(`select * from ${n} order by rowid`).all()]),
    )
  } finally {
    db.close()
  }
}

/** Asks every read a screen would ask of the seeded library, for two libraries to be compared. */
async function answers(): Promise<Record<string, unknown>> {
  const reads: [Channel, unknown][] = [
    ['studies:list', {}],
    ['companies:list', {}],
    ['participants:list', {}],
    ['interviews:list', {}],
    ['interviews:get', { id: s.interview.id }],
    ['notes:list', { interviewId: s.interview.id }],
    ['transcripts:get', { id: s.transcriptId }],
    ['tags:list', {}],
    ['highlights:listForInterview', { interviewId: s.switchInterview.id }],
    ['evidence:list', {}],
    ['search:query', { q: 'expensive' }],
    ['search:query', { q: 'spreadsheet' }],
    ['search:query', { q: 'cafe' }],
    ['search:query', { q: 'steep' }],
    ['search:query', { q: 'moved' }],
    ['churn:rollup', {}],
    ['forces:summary', {}],
    ['stories:list', { studyId: s.jtbd.id }],
    ['boards:get', { id: s.board.id }],
    ['insights:list', {}],
    ['insights:get', { id: s.insight.id }],
    ['reports:preview', { studyId: s.study.id }],
  ]
  const out: Record<string, unknown> = {}
  for (const [i, [channel, input]] of reads.entries())
    out[`${i} ${channel}`] = await call(t.app, channel, input as ChannelInput<typeof channel>)
  return out
}

const exportJson = (studyId: string | null = null) => call(t.app, 'exchange:exportJson', { studyId })
const importJson = (path: string, json: string) => call(t.app, 'exchange:importJson', { path, json })
const withoutExportedAt = (json: string) => json.replace(/^ {2}"exportedAt": .*$/m, '')

beforeAll(async () => {
  t = await setupApp()
  s = await seedExchangeLibrary(t.app, t.clock)
  source = t.libraryPath
  full = (await exportJson()).json
}, 60_000)
afterAll(() => t.cleanup())

describe('the format', () => {
  it('covers every table of the schema: each is in the format or named as derived', () => {
    const all = SCHEMA_TABLES.map((x) => getTableConfig(x).name)
    const covered = [...TABLE_NAMES, ...Object.keys(DERIVED_TABLES)]
    expect(all.filter((n) => !covered.includes(n))).toEqual([])
    expect(TABLE_NAMES.filter((n) => Object.keys(DERIVED_TABLES).includes(n))).toEqual([])
    // Every column of every format table is in the JSON Schema, required.
    const tables = (
      libraryJsonSchema()['properties'] as Record<string, { properties: Record<string, unknown> }>
    )['tables']!.properties as Record<string, { items: { required: string[] } }>
    for (const x of SCHEMA_TABLES) {
      const c = getTableConfig(x)
      if (!TABLE_NAMES.includes(c.name)) continue
      expect(tables[c.name]?.items.required, c.name).toEqual(c.columns.map((col) => col.name))
    }
  })

  it('docs/library-json.schema.json is generated from the table list', () => {
    const file = join(ROOT, 'docs', 'library-json.schema.json')
    if (process.env['FIELDNOTE_WRITE_GENERATED'] === '1') writeFileSync(file, libraryJsonSchemaText())
    // Compared as JSON, so prettier may lay the file out as it likes.
    expect(JSON.parse(readFileSync(file, 'utf8')), 'stale: run with FIELDNOTE_WRITE_GENERATED=1').toEqual(
      libraryJsonSchema(),
    )
  })

  it('writes a header, every table in order and one row per line', () => {
    const doc = JSON.parse(full) as Record<string, unknown> & { tables: Record<string, unknown[]> }
    expect(doc).toMatchObject({
      format: 'fieldnote-library',
      version: 1,
      schemaVersion: SCHEMA_VERSION,
      study: null,
    })
    expect(Object.keys(doc.tables)).toEqual(TABLE_NAMES)
    expect(full.split('\n').slice(0, 8)).toEqual([
      '{',
      '  "format": "fieldnote-library",',
      '  "version": 1,',
      `  "schemaVersion": "${SCHEMA_VERSION}",`,
      '  "exportedAt": "2026-03-02T09:01:30.000Z",',
      '  "study": null,',
      '  "tables": {',
      '    "studies": [',
    ])
    // The seed gives every table of the format rows, so the round trip below proves each one.
    expect(TABLE_NAMES.filter((n) => (doc.tables[n] ?? []).length === 0)).toEqual([])
  })
})

describe('export → import into a new library → export', () => {
  let report: Awaited<ReturnType<typeof importJson>>
  let copy: string
  let before: Record<string, unknown>

  beforeAll(async () => {
    before = await answers()
    copy = join(t.dir, 'restored', 'Restored.fieldnote')
    t.clock.advance(60_000)
    report = await importJson(copy, full)
  }, 60_000)

  it('reports what it imported, and opens the new library', async () => {
    expect(report.library).toMatchObject({ path: copy, name: 'Restored' })
    expect(await call(t.app, 'library:current')).toMatchObject({ path: copy })
    const doc = JSON.parse(full) as { tables: Record<string, unknown[]> }
    expect(report.rows).toEqual(Object.fromEntries(TABLE_NAMES.map((n) => [n, doc.tables[n]?.length])))
    expect(report.counts).toMatchObject({
      studies: 2,
      interviews: 2,
      notes: 1,
      transcripts: 1,
      sources: 2,
      cases: 3,
      companies: 2,
      highlights: 3,
      codings: doc.tables['highlight_tags']?.length,
      surveyResponses: 2,
      stories: 1,
      boards: 2,
      insights: 2,
      scripts: 1,
    })
    // Two tags are deleted (one merged away, one removed): the codes are the live ones.
    expect(report.counts.codes).toBe((doc.tables['tags']?.length ?? 0) - 2)
    expect(report.skipped).toEqual([])
  })

  it('holds every primary row exactly as the source library did', () => {
    expect(rowsOf(copy)).toEqual(rowsOf(source))
  })

  it('rebuilt the search indexes, passages and tag counts through the triggers', () => {
    // The open library's own connection: an integrity check needs one that may write.
    const db = sqliteOf(t.app)
    const old = new Database(source, { readonly: true })
    try {
      for (const fts of FTS) {
        // Throws when the index disagrees with its content table.
        db.prepare(`insert into ${fts}(${fts}, rank) values ('integrity-check', 1)`).run()
        const n = (d: Database.Database) =>
          (d.prepare(`select count(*) as n from ${fts}`).get() as { n: number }).n
        expect(n(db), fts).toBe(n(old))
      }
      const recount = db
        .prepare(
          `select h.interview_id, ht.tag_id, count(*) as highlights from highlight_tags ht join highlights h on h.id = ht.highlight_id
           where h.interview_id is not null group by 1, 2 order by 1, 2`,
        )
        .all()
      expect(recount.length).toBeGreaterThan(0)
      expect(db.prepare('select * from interview_tag_counts order by 1, 2').all()).toEqual(recount)
      const passages = (d: Database.Database) =>
        d.prepare('select transcript_id, paragraph, start, text from transcript_passages order by 1, 3').all()
      expect(passages(db)).toEqual(passages(old))
      expect(passages(db).length).toBeGreaterThan(0)
      expect(db.pragma('foreign_key_check')).toEqual([])
    } finally {
      old.close()
    }
  })

  it('answers every read as the source library did (search, roll-ups, boards, insights, reports)', async () => {
    expect(await answers()).toEqual(before)
  })

  it('exports the same file again, apart from exportedAt', async () => {
    const again = (await exportJson()).json
    expect(again).not.toBe(full)
    expect(withoutExportedAt(again)).toBe(withoutExportedAt(full))
  })
})

describe('one study', () => {
  it('holds the study, what belongs to it and what that uses, and nothing of the other study', async () => {
    await t.app.libraries.open(source)
    const { json, fileName } = await exportJson(s.study.id)
    expect(fileName).toMatch(/^Fieldnote Churn study \d{4}-\d{2}-\d{2}\.json$/)
    const doc = JSON.parse(json) as { study: unknown; tables: Record<string, Record<string, unknown>[]> }
    const ids = (table: string, column = 'id') => (doc.tables[table] ?? []).map((r) => r[column])
    expect(doc.study).toEqual({ id: s.study.id, name: 'Churn study' })
    expect(ids('studies')).toEqual([s.study.id])
    expect(ids('interviews')).toEqual([s.interview.id])
    expect(ids('participants')).toEqual([s.participant.id])
    // Acme: the participant's company and a survey answer's; Beta answered the survey of this study too.
    expect(ids('companies')).toEqual([s.company.id, s.beta.id])
    expect(ids('scripts')).toEqual([])
    expect(ids('transcripts')).toEqual([])
    expect(ids('churn_survey_responses').length).toBe(2)
    expect(ids('detached_highlights', 'highlight_id').length).toBe(1)
    expect(ids('boards').length).toBe(1)
    expect(ids('insights')).toEqual([s.insight.id])
    // The insight's "against" quote is from the other study: the link is left out, the quotes of this one stay.
    expect(ids('insight_evidence', 'highlight_id')).not.toContain(s.quote.id)
    expect(ids('insight_evidence', 'highlight_id')).toContain(s.kept)
    expect(ids('highlights')).not.toContain(s.quote.id)
    expect(ids('tag_merges')).toEqual([])
    // Every tag it uses is there with its ancestors: Onboarding sits under Later parent.
    const tags = doc.tables['tags'] ?? []
    const tagIds = new Set(tags.map((r) => r['id']))
    for (const r of tags) if (r['parent_id'] !== null) expect(tagIds.has(r['parent_id'])).toBe(true)
    expect(tags.map((r) => r['name'])).toEqual(expect.arrayContaining(['Onboarding', 'Later parent']))
    expect(tags.map((r) => r['name'])).not.toContain('Never used')

    const path = join(t.dir, 'one-study.fieldnote')
    const report = await importJson(path, json)
    expect(report.counts).toMatchObject({
      studies: 1,
      interviews: 1,
      sources: 1,
      cases: 1,
      boards: 1,
      insights: 1,
    })
    // The new library is that study alone; exported whole, it has the same rows.
    const again = JSON.parse((await exportJson()).json) as { study: unknown; tables: unknown }
    expect(again.study).toBeNull()
    expect(again.tables).toEqual(doc.tables)
    expect((await call(t.app, 'search:query', { q: 'expensive' })).groups.length).toBeGreaterThan(0)
  })

  it('refuses a study that is not there', async () => {
    await t.app.libraries.open(source)
    expect((await fail(t.app, 'exchange:exportJson', { studyId: 'ghost' })).code).toBe('NOT_FOUND')
  })
})

describe('files of earlier schemas', () => {
  /**
   * A backup written by the first schema of this format, kept as it was written. When a migration is added,
   * this fails until the import reads files of the older schema (docs/decisions.md): a backup must stay
   * importable after an update.
   */
  it('a file of schema 0012_insights still imports', async () => {
    const json = readFileSync(
      join(ROOT, 'test', 'main', 'fixtures', 'library-json-v1-0012_insights.json'),
      'utf8',
    )
    const report = await importJson(join(t.dir, 'from-0012.fieldnote'), json)
    expect(report.counts).toMatchObject({
      studies: 1,
      interviews: 1,
      sources: 2,
      codes: 1,
      codings: 1,
      cases: 1,
    })
    const hits = await call(t.app, 'search:query', { q: 'renewal' })
    expect(hits.groups.flatMap((g) => g.hits).length).toBeGreaterThan(0)
  })
})

describe('a refused file leaves nothing behind', () => {
  type Doc = Record<string, unknown> & { tables: Record<string, Record<string, unknown>[]> }
  const edit = (
    f: (doc: Doc, row: (table: string, i: number) => Record<string, unknown>) => void,
  ): string => {
    const doc = JSON.parse(full) as Doc
    f(doc, (table, i) => doc.tables[table]?.[i] ?? {})
    return JSON.stringify(doc)
  }
  const cases: [string, () => string, string, RegExp][] = [
    ['not JSON', () => full.slice(0, 500), 'VALIDATION', /^The file is not JSON: /],
    ['an empty object', () => '{}', 'VALIDATION', /not a Fieldnote library JSON file: "format" is missing/],
    [
      'another format',
      () => edit((d) => (d['format'] = 'qdpx')),
      'VALIDATION',
      /"format" is "qdpx", expected "fieldnote-library"/,
    ],
    [
      'a newer format version',
      () => edit((d) => (d['version'] = 2)),
      'LIBRARY_NEWER_VERSION',
      /format version 2.*Update Fieldnote/,
    ],
    [
      'a newer schema',
      () => edit((d) => (d['schemaVersion'] = '0099_future')),
      'LIBRARY_NEWER_VERSION',
      /schema 0099_future/,
    ],
    [
      'an older schema',
      () => edit((d) => (d['schemaVersion'] = '0011_report_aliases')),
      'VALIDATION',
      /older Fieldnote \(schema 0011_report_aliases\)/,
    ],
    [
      'a bad date deep inside',
      () => edit((_d, row) => (row('interviews', 1).scheduled_at = 'next tuesday')),
      'VALIDATION',
      /^tables\.interviews\[1\]\.scheduled_at: expected a date and time/,
    ],
    [
      'a missing column',
      () => edit((_d, row) => delete row('highlights', 2).memo),
      'VALIDATION',
      /^tables\.highlights\[2\]\.memo: missing$/,
    ],
    [
      'a column the schema lacks',
      () => edit((_d, row) => (row('studies', 0).colour = 'red')),
      'VALIDATION',
      /^tables\.studies\[0\]: not a column of studies: colour$/,
    ],
    [
      'a table the schema lacks',
      () => edit((d) => (d.tables['widgets'] = [])),
      'VALIDATION',
      /^tables: not a table of Fieldnote's library: widgets$/,
    ],
    [
      'a missing table',
      () => edit((d) => delete d.tables['insights']),
      'VALIDATION',
      /^tables\.insights: missing$/,
    ],
    [
      'a wrong type',
      () => edit((_d, row) => (row('boards', 0).revision = '2')),
      'VALIDATION',
      /^tables\.boards\[0\]\.revision: expected a whole number$/,
    ],
    [
      'a bad enum value',
      () => edit((_d, row) => (row('studies', 0).status = 'done')),
      'VALIDATION',
      /^tables\.studies\[0\]\.status: expected one of planning, active/,
    ],
    [
      'JSON text that is not JSON',
      () => edit((_d, row) => (row('transcripts', 0).doc = '{"type":')),
      'VALIDATION',
      /^tables\.transcripts\[0\]\.doc: expected JSON text of an object$/,
    ],
    [
      'a dangling reference',
      () => edit((_d, row) => (row('highlight_tags', 0).tag_id = 'ghost-tag')),
      'VALIDATION',
      /^tables\.highlight_tags\[0\]\.tag_id: "ghost-tag" names no row of tags$/,
    ],
    [
      'a duplicate id',
      () => edit((d, row) => d.tables['studies']?.push(row('studies', 0))),
      'VALIDATION',
      /^tables\.studies\[2\]: a second row with id /,
    ],
    [
      'a row SQLite refuses (a live code twice)',
      () => edit((_d, row) => (row('tags', 1).code = row('tags', 0).code)),
      'VALIDATION',
      /^tables\.tags\[1\]: UNIQUE constraint failed: tags\.code$/,
    ],
  ]

  it.each(cases)('%s', async (_name, make, code, message) => {
    await t.app.libraries.open(source)
    const dir = makeTempDir()
    try {
      const target = join(dir, 'deep', 'New.fieldnote')
      const err = await fail(t.app, 'exchange:importJson', { path: target, json: make() })
      expect(err.code).toBe(code)
      expect(err.message).toMatch(message)
      expect(readdirSync(dir)).toEqual([])
      expect(await call(t.app, 'library:current')).toMatchObject({ path: source })
    } finally {
      removeTempDir(dir)
    }
  })

  it('never writes over a file, even an empty library', async () => {
    const err = await fail(t.app, 'exchange:importJson', { path: source, json: full })
    expect(err.code).toBe('LIBRARY_EXISTS')
    const empty = join(t.dir, 'empty.fieldnote')
    await call(t.app, 'library:create', { path: empty })
    await t.app.libraries.open(source)
    expect((await fail(t.app, 'exchange:importJson', { path: empty, json: full })).code).toBe(
      'LIBRARY_EXISTS',
    )
    expect(existsSync(`${empty}-wal`) ? true : existsSync(empty)).toBe(true)
  })

  it('lists a derived table the file carries as skipped, with its reason', async () => {
    const json = full.replace(
      '  "tables": {\n',
      '  "tables": {\n    "interview_tag_counts": [{"interview_id":"x","tag_id":"y","highlights":9}],\n',
    )
    const report = await importJson(join(t.dir, 'with-derived.fieldnote'), json)
    expect(report.skipped).toEqual([
      {
        what: 'tables.interview_tag_counts',
        reason: 'derived data: counted again from the highlight tags on import',
      },
    ])
    expect(await invoke(t.app, 'churn:rollup', {})).toMatchObject({ ok: true })
  })
})
