import type Database from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { erasureHeldBy } from '../../src/shared/domain/erasure'
import { call, expectRefused, setupApp, sqliteOf, type TestApp } from './helpers'
import { CANARY, CANARY_TOKENS, KEPT_WORD, seedForget, ZELDA } from './forget-fixture'

let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

const MINUTE = 60_000
const seed = () =>
  seedForget(
    (c, i) => call(t.app, c, i),
    () => t.clock.advance(MINUTE),
  )
const folder = () => join(t.dir, 'Backups')

/** Byte patterns of the participant's words: as stored (UTF-8), as UTF-16 either way, and as FTS5 tokens. */
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16()
const NEEDLES: [string, Buffer][] = [
  ...[CANARY, CANARY.toLowerCase(), ...CANARY_TOKENS, ZELDA.name, ZELDA.email].map((s): [string, Buffer] => [
    s,
    Buffer.from(s, 'utf8'),
  ]),
  [`${CANARY} (UTF-16LE)`, Buffer.from(CANARY, 'utf16le')],
  [`${CANARY} (UTF-16BE)`, utf16be(CANARY)],
  [`${CANARY_TOKENS[1]} (UTF-16LE)`, Buffer.from(CANARY_TOKENS[1] ?? '', 'utf16le')],
]

/** Which needles each existing file holds, as "file: needle". */
function traces(paths: string[]): string[] {
  const out: string[] = []
  for (const path of paths.filter((f) => existsSync(f))) {
    const bytes = readFileSync(path)
    for (const [name, needle] of NEEDLES) if (bytes.includes(needle)) out.push(`${path}: ${name}`)
  }
  return out
}
const libraryFiles = () => ['', '-wal', '-shm'].map((s) => `${t.libraryPath}${s}`)

const FTS = ['notes_fts', 'transcripts_fts', 'highlights_fts', 'survey_fts', 'ratings_fts']

function expectSound(db: Database.Database): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.pragma('foreign_key_check')).toEqual([])
  // rank 1: each index is also compared with the rows it indexes.
  for (const f of FTS) db.prepare(`insert into ${f}(${f}, rank) values ('integrity-check', 1)`).run()
  const recount = db
    .prepare(
      `select h.interview_id, ht.tag_id, count(*) as highlights
       from highlight_tags ht join highlights h on h.id = ht.highlight_id
       where h.interview_id is not null group by 1, 2 order by 1, 2`,
    )
    .all()
  expect(db.prepare('select * from interview_tag_counts order by 1, 2').all()).toEqual(recount)
}

const kinds = async (q: string) =>
  (await call(t.app, 'search:query', { q })).groups
    .filter((g) => g.hits.length > 0)
    .map((g) => g.kind)
    .sort()

describe('participants:forget', () => {
  it('leaves no trace of their words in the library file, its WAL and a backup made after; others stay', async () => {
    const s = await seed()
    const before = await call(t.app, 'backups:run')
    // The control: before the erase the canary is in the library's bytes and in the backup, as text and tokens.
    const control = traces([...libraryFiles(), before.path]).join('\n')
    for (const needle of [CANARY, ...CANARY_TOKENS, ZELDA.name, ZELDA.email])
      expect(control).toContain(`: ${needle}`)
    expect(await kinds(CANARY_TOKENS[1] ?? '')).toEqual(['highlight', 'note', 'rating', 'transcript'])

    const impact = await call(t.app, 'participants:forgetImpact', { id: s.zelda.id })
    expect(impact).toMatchObject({
      name: ZELDA.name,
      interviews: 1,
      notes: 1,
      transcripts: 1,
      quotes: 2,
      stories: 1,
      insights: 1,
      boardCards: 1,
      olderBackups: [{ fileName: before.fileName, path: before.path, takenAt: before.takenAt }],
    })
    await expectRefused(t.app, 'participants:forget', { id: s.zelda.id, confirmName: 'Zelda' })

    t.clock.advance(MINUTE)
    const result = await call(t.app, 'participants:forget', {
      id: s.zelda.id,
      confirmName: '  zelda   BRIGHTWATER ',
    })
    expect(result).toEqual({
      erasedAt: new Date(t.clock.ms).toISOString(),
      interviews: 1,
      notes: 1,
      quotes: 2,
      deletedBackups: [],
      keptBackups: [before.fileName],
      compacted: true,
    })
    t.clock.advance(MINUTE)
    const after = await call(t.app, 'backups:run')

    expect(traces([...libraryFiles(), after.path])).toEqual([])
    const db = sqliteOf(t.app)
    expect(db.pragma('freelist_count', { simple: true })).toBe(0)
    expectSound(db)

    // The backup made before still holds them, and the Backups screen is told so.
    expect(traces([before.path]).length).toBeGreaterThan(0)
    const status = await call(t.app, 'backups:status')
    expect(status.erasures).toEqual([{ erasedAt: result.erasedAt, heldSince: s.zelda.createdAt }])
    expect(erasureHeldBy(before.takenAt, status.erasures)).not.toBeNull()
    expect(erasureHeldBy(after.takenAt, status.erasures)).toBeNull()

    // Everyone else's data is as it was: the company, Bob and his words, the insight and the board.
    expect((await call(t.app, 'participants:list')).map((p) => p.name)).toEqual(['Bob Roe'])
    expect((await call(t.app, 'companies:list')).map((c) => c.name)).toEqual(['Acme', 'Beta'])
    expect((await call(t.app, 'interviews:list', {})).map((i) => i.id)).toEqual([s.bi.id])
    expect(await kinds(KEPT_WORD)).toEqual(['highlight', 'note', 'rating', 'transcript'])
    expect(await kinds('pricebook')).toEqual(['survey'])
    expect(await kinds(CANARY_TOKENS[1] ?? '')).toEqual([])
    const insight = await call(t.app, 'insights:get', { id: s.insight.id })
    expect(insight.evidence.map((e) => e.highlightId)).toEqual([s.bNote.id])
    const board = await call(t.app, 'boards:get', { id: s.board.id })
    expect(board.content.cards.find((c) => c.id === s.cardId)?.evidence).toEqual([s.bNote.id])
    // The merge history names only ids; undoing it still works and gives Bob's quote its tag back.
    await call(t.app, 'tags:undoMerge', { mergeId: s.mergeId })
    const bobQuotes = await call(t.app, 'highlights:listForInterview', { interviewId: s.bi.id })
    expect(bobQuotes.find((h) => h.id === s.bNote.id)?.tagIds).toEqual([s.theme.id])
    expect((await call(t.app, 'participants:forgetImpact', { id: s.bob.id })).olderBackups).toEqual([
      expect.objectContaining({ fileName: after.fileName }),
      expect.objectContaining({ fileName: before.fileName }),
    ])
  })

  it('deletes the older backups that hold them only when asked, and no other file', async () => {
    mkdirSync(folder(), { recursive: true })
    const earlier = await call(t.app, 'backups:run')
    t.clock.advance(MINUTE)
    const s = await seed()
    const before = await call(t.app, 'backups:run')
    const others = ['Other 2026-03-02T090300Z.fieldnote-backup', 'Test notes.txt']
    for (const name of others) writeFileSync(join(folder(), name), `${CANARY} not Fieldnote's to delete`)
    // A backup from before the participant came does not hold them, so it is neither listed nor deleted.
    const impact = await call(t.app, 'participants:forgetImpact', { id: s.zelda.id })
    expect(impact.olderBackups.map((b) => b.fileName)).toEqual([before.fileName])

    t.clock.advance(MINUTE)
    const result = await call(t.app, 'participants:forget', {
      id: s.zelda.id,
      confirmName: ZELDA.name,
      deleteOlderBackups: true,
    })
    expect(result).toMatchObject({ deletedBackups: [before.fileName], keptBackups: [], compacted: true })
    expect(readdirSync(folder()).sort()).toEqual([earlier.fileName, ...others].sort())
    expect(traces(libraryFiles())).toEqual([])
  })

  it('waits for a running backup, and a backup asked for meanwhile waits for the erasure', async () => {
    const s = await seed()
    const backups = t.app.libraries.backups
    const running = backups.run('auto')
    const forgetting = call(t.app, 'participants:forget', { id: s.zelda.id, confirmName: ZELDA.name })
    t.clock.advance(MINUTE)
    const first = await running
    const result = await forgetting
    expect(result.keptBackups).toEqual([first.fileName])
    expect(traces([first.path]).length).toBeGreaterThan(0)
    // Automatic backups start from a timer, not through dispatch: the scheduler holds them back itself.
    let release = () => {}
    const held = backups.holding(() => new Promise<void>((r) => (release = r)))
    let done = false
    const next = backups.run('auto').then((b) => ((done = true), b))
    await new Promise((r) => setTimeout(r, 50))
    expect(done).toBe(false)
    release()
    await held
    expect(traces([(await next).path])).toEqual([])
  })
})
