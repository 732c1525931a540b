/**
 * Fieldnote performance bench (npm run bench; scripts/bench.mjs builds and runs this file).
 *
 * Generates a realistic library (1,000 interviews with notes) in the OS temp folder, then measures through the
 * real code paths. Then, in the same run, the issue-4 research library (bench/research.ts: 2,000 interviews,
 * ~5M words, 200k highlights, 500 companies) for search, churn roll-up, evidence and tagging figures. Both go
 * through the real code paths: LibraryManager.open for opening, dispatch() for IPC calls (zod in, transaction, service,
 * zod out). Prints one "name: value unit" line per metric and writes bench/results.json. A missed goal is
 * reported (pass: false and a "# name value > goal" line), never an error: the exit code is non-zero only
 * when the bench itself crashes.
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  utimesSync,
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { AppContext } from '../src/main/ipc/app-context'
import { dispatch } from '../src/main/ipc/dispatch'
import { LibraryManager } from '../src/main/library/library-manager'
import type { Channel, ChannelInput, ChannelOutput } from '../src/shared/ipc/contracts'
import { generateLibrary } from './generate-library'
import { Prng } from './prng'
import { boardInsightsBench } from './boards-insights'
import { openResearchLibrary, researchBench, type ResearchResult } from './research'
import { boardsEditorBench } from './boards-editor'
import { reportsBench } from './reports'
import { backupBench } from './backups'
import { qdpxBench } from './qdpx'
import { notesEditorBench } from './notes-editor'
import { scaleAppBench } from './scale-app'
import { noteContent, type NoteContent } from './text'
import { max, median, percentile, sample } from './stats'

const ROOT = resolve(process.env['FIELDNOTE_ROOT'] ?? process.cwd())
const MIGRATIONS = join(ROOT, 'resources', 'drizzle')
const RESULTS = join(ROOT, 'bench', 'results.json')
const KEEP = Boolean(process.env['FIELDNOTE_BENCH_KEEP'])
/** `npm run bench -- --research-only` skips the 1,000-interview part (for tuning the issue-4 figures). */
const RESEARCH_ONLY = process.argv.includes('--research-only')
/** `npm run bench -- --notes-only` runs only the notes editor in Chromium (issue 9 §2), about half a minute. */
const NOTES_ONLY = process.argv.includes('--notes-only')
/** `npm run bench -- --boards-only` runs only the 500-card journey board in Chromium (issue 11). */
const BOARDS_ONLY = process.argv.includes('--boards-only')
/** `npm run bench -- --reports-only` runs only the report exports (issue 12): HTML, DOCX and PDF. */
const REPORTS_ONLY = process.argv.includes('--reports-only')
/** `npm run bench -- --backup-only` builds the research library and runs only its backup and restore (issue 13). */
const BACKUP_ONLY = process.argv.includes('--backup-only')
/** `npm run bench -- --qdpx-only` builds the research library and runs only its REFI-QDA export and import (issue 13). */
const QDPX_ONLY = process.argv.includes('--qdpx-only')
/** `npm run bench -- --scale-only` runs only the app page on the research library in Chromium (issue 14). */
const SCALE_ONLY = process.argv.includes('--scale-only')

/** Sample counts: enough for a stable p95, small enough to finish well inside two minutes on two cores. */
const OPEN_RUNS = 9
const QUICK_CHECK_RUNS = 5
const NOTE_SAVE = { warmup: 60, runs: 600 }
const READ = { warmup: 20, runs: 250 }

interface Metric {
  value: number
  unit: string
  goal: number | null
  pass: boolean | null
}
const metrics: Record<string, Metric> = {}

function round(value: number, unit: string): number {
  const digits = unit === 'ms' || unit === 'x' ? 2 : unit === 'MB' ? 1 : 0
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** Records and prints a metric; with a goal (an upper bound), a miss prints "# name value > goal N". */
function report(name: string, rawValue: number, unit: string, goal?: number): void {
  const value = round(rawValue, unit)
  const pass = goal === undefined ? null : value <= goal
  metrics[name] = { value, unit, goal: goal ?? null, pass }
  console.log(`${name}: ${value} ${unit}`)
  if (pass === false) console.log(`# ${name} ${value} > goal ${goal}`)
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.()

/** dispatch() for a call that must succeed: an error envelope means the bench is broken, so it throws. */
async function call<C extends Channel>(
  app: AppContext,
  channel: C,
  input?: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const env = await dispatch(app, channel, input)
  if (!env.ok) throw new Error(`${channel} failed: ${env.error.code} ${env.error.message}`)
  return env.value as ChannelOutput<C>
}

function sequentialIds(prefix: string): () => string {
  let n = 0
  return () => `${prefix}-${String(++n).padStart(6, '0')}`
}

function sqliteVersion(): string {
  const mem = new Database(':memory:')
  try {
    return (mem.prepare('select sqlite_version() as v').get() as { v: string }).v
  } finally {
    mem.close()
  }
}

async function main(): Promise<void> {
  const started = performance.now()
  const dir = mkdtempSync(join(tmpdir(), 'fieldnote-bench-'))
  const libraryPath = join(dir, 'Bench Library.fieldnote')
  const app: AppContext = {
    libraries: new LibraryManager({
      dataDir: join(dir, 'data'),
      migrationsFolder: MIGRATIONS,
      newId: sequentialIds('bench'),
    }),
    shell: { kind: 'web', version: 'bench' },
  }
  // Other work on the machine shows up in every figure; say so rather than let it pass for our code.
  const loadAtStart = loadavg()[0] ?? 0
  console.log(
    `# load average ${loadAtStart.toFixed(2)} on ${cpus().length} cpus${loadAtStart > cpus().length ? ' (busy machine: figures will be inflated)' : ''}`,
  )
  let fixtureSummary: Record<string, unknown> | null = null
  try {
    // ---- issue 12: a study's report with 5,000 quotes, as HTML, DOCX and PDF -----------------------------
    if (!RESEARCH_ONLY && !NOTES_ONLY && !BOARDS_ONLY && !BACKUP_ONLY && !QDPX_ONLY && !SCALE_ONLY)
      await reportsBench(ROOT, dir, MIGRATIONS, call, report)

    if (
      !RESEARCH_ONLY &&
      !NOTES_ONLY &&
      !BOARDS_ONLY &&
      !REPORTS_ONLY &&
      !BACKUP_ONLY &&
      !QDPX_ONLY &&
      !SCALE_ONLY
    )
      fixtureSummary = await smallLibraryBench(app, libraryPath, dir)

    // ---- issue 9 §2: long notes in the editor, in Chromium through the web bridge -------------------
    if (!RESEARCH_ONLY && !BOARDS_ONLY && !REPORTS_ONLY && !BACKUP_ONLY && !QDPX_ONLY && !SCALE_ONLY)
      await notesEditorBench(ROOT, dir, report)

    // ---- issue 11: a 500-card journey board, in Chromium through the web bridge -------------------------
    if (!RESEARCH_ONLY && !NOTES_ONLY && !REPORTS_ONLY && !BACKUP_ONLY && !QDPX_ONLY && !SCALE_ONLY)
      await boardsEditorBench(ROOT, dir, report)

    // ---- issue 4 §7: the research library (2,000 interviews, ~5M words, 200k highlights) ---------------
    const research: ResearchResult | null =
      NOTES_ONLY || BOARDS_ONLY || REPORTS_ONLY || SCALE_ONLY
        ? null
        : BACKUP_ONLY || QDPX_ONLY
          ? await openResearchLibrary(app, dir, MIGRATIONS, report)
          : await researchBench(app, dir, MIGRATIONS, call, report)
    // ---- issue 11: the emotion curve of a journey board over the research library ----------------------
    if (research && !BACKUP_ONLY && !QDPX_ONLY) await boardInsightsBench(app, call, report)
    // ---- issue 13: Back up now, preview and restore of the research library -----------------------------
    if (research && !QDPX_ONLY) await backupBench(app, dir, call, report)
    // ---- issue 13: the research library as a REFI-QDA project, exported and imported -------------------
    if (research && !BACKUP_ONLY) await qdpxBench(app, dir, MIGRATIONS, report)
    // ---- issue 14: the app page on the research library, in Chromium through the web bridge -----------
    if (!RESEARCH_ONLY && !NOTES_ONLY && !BOARDS_ONLY && !REPORTS_ONLY && !BACKUP_ONLY && !QDPX_ONLY)
      await scaleAppBench(ROOT, dir, report)

    report('bench_total_ms', performance.now() - started, 'ms')
    const withGoals = Object.entries(metrics).filter(([, m]) => m.goal !== null)
    const met = withGoals.filter(([, m]) => m.pass).length
    console.log(`# goals met: ${met}/${withGoals.length}`)

    mkdirSync(join(ROOT, 'bench'), { recursive: true })
    // A partial run (--reports-only, …) updates its own figures and keeps the others from the last full run.
    const partial =
      RESEARCH_ONLY || NOTES_ONLY || BOARDS_ONLY || REPORTS_ONLY || BACKUP_ONLY || QDPX_ONLY || SCALE_ONLY
    const earlier =
      partial && existsSync(RESULTS)
        ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>)
        : {}
    writeFileSync(
      RESULTS,
      `${JSON.stringify(
        {
          ...earlier,
          metrics: { ...((earlier['metrics'] as Record<string, Metric> | undefined) ?? {}), ...metrics },
          machine: {
            node: process.version,
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model ?? 'unknown',
            platform: `${process.platform}-${process.arch}`,
            loadAverage1m: { atStart: round(loadAtStart, 'ms'), atEnd: round(loadavg()[0] ?? 0, 'ms') },
            sqlite: sqliteVersion(),
          },
          fixture: fixtureSummary ?? earlier['fixture'] ?? null,
          researchFixture: research?.fixture ?? earlier['researchFixture'] ?? null,
          generatedAt: new Date().toISOString(),
        },
        null,
        2,
      )}\n`,
    )
    console.log(`# wrote ${RESULTS}`)
  } finally {
    app.libraries.close()
    if (KEEP) console.log(`# libraries kept in ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

/** The 1,000-interview library: opening, list reads, note autosave. Returns the fixture summary. */
async function smallLibraryBench(
  app: AppContext,
  libraryPath: string,
  dir: string,
): Promise<Record<string, unknown>> {
  {
    // ---- fixture -------------------------------------------------------------------------------------
    const fixture = await generateLibrary(libraryPath, MIGRATIONS)
    console.log(
      `# library: ${fixture.studies} studies, ${fixture.companies} companies, ${fixture.participants} participants, ` +
        `${fixture.interviews} interviews (${fixture.interviewsByStatus.done} done, ${fixture.interviewsByStatus.in_progress} in progress, ` +
        `${fixture.interviewsByStatus.planned} planned), ${fixture.notes} notes (~${Math.round(fixture.noteWords / fixture.notes)} words each)`,
    )
    // Same seed, same file: the digest shows the fixture did not change between runs or machines.
    const fileSha256 = createHash('sha256').update(readFileSync(libraryPath)).digest('hex')
    console.log(`# library sha256 ${fileSha256.slice(0, 16)}…`)
    report('library_generate_ms', fixture.ms, 'ms')
    report('library_file_mb', fixture.bytes / 1024 / 1024, 'MB')

    // The disk under the library: every note save commits with synchronous = FULL, i.e. at least one fsync,
    // so this bounds how low the note-save tail can go on this machine.
    const probe = openSync(join(dir, 'fsync-probe.bin'), 'w')
    const page = Buffer.alloc(4096, 1)
    const syncs = await sample({ warmup: 10, runs: 200 }, () => {
      writeSync(probe, page)
      fsyncSync(probe)
    })
    closeSync(probe)
    report('disk_fsync_p95_ms', percentile(syncs, 95), 'ms')

    // ---- opening -------------------------------------------------------------------------------------
    // Every open is a full LibraryManager.open → openLibrary: header, access, migration check, pragmas,
    // migrator, settings write. Closed in between, as switching libraries does, so each reopen finds the file
    // as Fieldnote cleanly left it and skips the whole-file quick_check. A file changed by anything else
    // (copied, synced, restored) gets the full scan: measured first, after touching the file's mtime.
    // The file is in the OS page cache (it was just written), as it is for any open after the first since boot.
    gc()
    app.libraries.close()
    const touched = new Date(Date.now() + 1000)
    utimesSync(libraryPath, touched, touched)
    const tFull = performance.now()
    await app.libraries.open(libraryPath)
    report('library_open_full_check_ms', performance.now() - tFull, 'ms')
    const opens: number[] = []
    for (let i = 0; i < OPEN_RUNS; i++) {
      app.libraries.close()
      const t0 = performance.now()
      await app.libraries.open(libraryPath)
      opens.push(performance.now() - t0)
    }
    report('library_open_ms', median(opens), 'ms', 200)
    report('library_open_max_ms', max(opens), 'ms')

    // The part of opening that grows with the file: PRAGMA quick_check on a read-only connection.
    const checks: number[] = []
    for (let i = 0; i < QUICK_CHECK_RUNS; i++) {
      const ro = new Database(libraryPath, { readonly: true, fileMustExist: true })
      const t0 = performance.now()
      const res = ro.pragma('quick_check', { simple: true })
      checks.push(performance.now() - t0)
      ro.close()
      if (res !== 'ok') throw new Error(`quick_check on the fixture said ${String(res)}`)
    }
    report('library_quick_check_ms', median(checks), 'ms')

    // ---- reads ---------------------------------------------------------------------------------------
    const studies = await call(app, 'studies:list', undefined)
    if (studies.length !== fixture.studies)
      throw new Error(`studies:list returned ${studies.length} studies, expected ${fixture.studies}`)
    const studyIds = studies.map((s) => s.id)
    const studyAt = (i: number): string => studyIds[i % studyIds.length] as string

    gc()
    const list = await sample(READ, () => call(app, 'studies:list', undefined))
    report('studies_list_p95_ms', percentile(list, 95), 'ms', 20)

    gc()
    const detail = await sample(READ, (i) => call(app, 'studies:get', { id: studyAt(i) }))
    report('studies_get_p95_ms', percentile(detail, 95), 'ms')

    gc()
    const byStudy = await sample(READ, (i) => call(app, 'interviews:list', { studyId: studyAt(i) }))
    report('interviews_list_study_p95_ms', percentile(byStudy, 95), 'ms')

    // ---- note autosave -------------------------------------------------------------------------------
    // An in-progress interview; the note-taker moves back and forth between its current questions, and each
    // autosave sends the whole ~300-word doc of the question being edited, a little longer each time.
    const all = await call(app, 'interviews:list', undefined)
    const live = all.find((i) => i.status === 'in_progress')
    if (!live) throw new Error('the fixture has no in-progress interview')
    const interview = await call(app, 'interviews:get', { id: live.id })
    const questionIds = interview.script.sections.flatMap((s) => s.questions.map((q) => q.id)).slice(0, 6)
    const rng = new Prng(7)
    const base = new Map<string, NoteContent>(
      questionIds.map((q, i) => [q, noteContent(rng, 'en', rng.int(280, 320), 60_000 + i * 300_000)]),
    )
    const total = NOTE_SAVE.warmup + NOTE_SAVE.runs
    const inputs: ChannelInput<'notes:save'>[] = Array.from({ length: total }, (_, i) => {
      const questionId = questionIds[i % questionIds.length] as string
      const note = base.get(questionId) as NoteContent
      const typed = ` typed ${Math.floor(i / questionIds.length)}`
      const doc = structuredClone(note.doc)
      const lastPara = doc.content[doc.content.length - 1]
      const lastText = lastPara?.content[lastPara.content.length - 1]
      if (lastText) lastText.text += typed
      return {
        interviewId: live.id,
        questionId,
        doc,
        plainText: note.plainText + typed,
        elapsedMs: live.elapsedMs + i * 2_000,
      }
    })
    gc()
    const saves = await sample(NOTE_SAVE, (i) => call(app, 'notes:save', inputs[i]))
    report('note_save_p95_ms', percentile(saves, 95), 'ms', 5)
    report('note_save_median_ms', median(saves), 'ms')

    const { path: _path, ...fixtureInfo } = fixture
    return { ...fixtureInfo, sha256: fileSha256 }
  }
}

main().catch((err: unknown) => {
  console.error('bench crashed:', err)
  process.exit(1)
})
