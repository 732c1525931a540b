import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { ColumnMapping } from '../../shared/csv/mapping'
import type { ChurnReasonRowOut } from '../../shared/ipc/contracts/churn'
import type { ImportReport } from '../../shared/ipc/contracts/imports'
import { rowForJson } from '../../shared/rollups/churn'
import { decodeTextBytes, TextDecodeError } from '../../shared/text/decode-bytes'
import { printHtmlWithChromium } from '../bridge/chromium-pdf'
import type { AppContext } from '../ipc/app-context'
import { dispatch } from '../ipc/dispatch'
import { LibraryManager } from '../library/library-manager'
import { parseCommandLine, USAGE, UsageError, type CommandName } from './args'
import { callOrFail, CliFailure, findStudy, openLibrary, type CommandRun } from './calls'
import { discardCreated, whatCreatingWouldMake } from './created'
import { exportJsonCommand, importJsonCommand } from './exchange-json'
import { exportQdcCommand, exportQdpxCommand, importQdcCommand, importQdpxCommand } from './exchange-refi'
import { importTranscript } from './import-transcript'
import { insightsList, report } from './report'
import { standardHeaderMapping } from './header'

/**
 * `npx fieldnote …`: the same LibraryManager, dispatch (zod validation, one transaction per call) and
 * services as the app. Output: stdout for results, one line on stderr for a failure.
 */
export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  cwd: string
  root: string
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** The library copied (with its WAL) next to the CLI's scratch settings; a missing library stays missing. */
function dryRunCopy(libraryPath: string, scratchDefault: string): string {
  const copy = join(dirname(scratchDefault), 'dry-run.fieldnote')
  if (!existsSync(libraryPath)) return copy
  copyFileSync(libraryPath, copy)
  if (existsSync(`${libraryPath}-wal`)) copyFileSync(`${libraryPath}-wal`, `${copy}-wal`)
  return copy
}

/** The file's bytes through the app's own decoder (UTF-8, UTF-16, Windows-1251/1252). */
function readCsv(path: string, file: string): string {
  try {
    return decodeTextBytes(readFileSync(path)).text
  } catch (err) {
    if (err instanceof TextDecodeError)
      throw new CliFailure(`Not a readable CSV file: ${file}: ${err.message}`)
    throw err
  }
}

/**
 * Survey reasons are codes like PRC-01: in a library without any churn-reason tag every row would land in
 * the unmapped queue, so the starter taxonomy (domain brief §3.1) is added first, and the user told.
 */
async function seedTaxonomyIfEmpty(app: AppContext, io: CliIo): Promise<void> {
  const reasons = await callOrFail(app, 'tags:list', { kind: 'churn_reason' })
  if (reasons.length) return
  const env = await dispatch(app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
  if (env.ok)
    io.out(
      `Added the starter churn-reason taxonomy (${(env.value as { created: number }).created} tags) to the library.`,
    )
}

function summary(r: ImportReport, file: string): string {
  const parts = [`Imported ${r.imported} of ${r.totalRows} rows from ${file}`]
  if (r.createdCompanies.length) parts.push(`created companies: ${r.createdCompanies.join(', ')}`)
  if (r.updatedCompanies.length) parts.push(`updated companies: ${r.updatedCompanies.join(', ')}`)
  if (r.kind === 'churnSurvey' && r.unmapped) parts.push(`${r.unmapped} row(s) with an unmapped reason`)
  if (r.alreadyImported) parts.push(`${r.alreadyImported} row(s) already in the library, skipped`)
  if (r.rejected.length)
    parts.push(
      `skipped ${r.rejected.length} rejected row(s): ${r.rejected.map((x) => `line ${x.line}: ${x.message}`).join('; ')}`,
    )
  if (r.formulaCells.length)
    parts.push(
      `${r.formulaCells.length} formula-looking cell(s) stored as text (lines ${[...new Set(r.formulaCells.map((f) => f.line))].join(', ')})`,
    )
  return oneLine(parts.join('; '))
}

function table(rows: ChurnReasonRowOut[]): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  return [
    ['code', 'name', 'primary', 'share', 'lost MRR', 'share', 'mentioned'].join('\t'),
    ...rows.map((r) =>
      [
        r.code ?? '',
        `${'  '.repeat(r.depth)}${r.name}`,
        r.primaryCompanies,
        pct(r.shareOfChurned),
        (r.primaryLostMrr / 100).toFixed(2),
        pct(r.shareOfLostMrr),
        r.mentionedCompanies,
      ].join('\t'),
    ),
  ]
}

/** Commands that live in a file of their own, by name: a new one is a row here and one in args.ts. */
const COMMAND_FILES = {
  'export json': exportJsonCommand,
  'import json': importJsonCommand,
  'export qdpx': exportQdpxCommand,
  'export qdc': exportQdcCommand,
  'import qdpx': importQdpxCommand,
  'import qdc': importQdcCommand,
} satisfies Partial<Record<CommandName, CommandRun>>
const inOwnFile = (c: CommandName): c is keyof typeof COMMAND_FILES => Object.hasOwn(COMMAND_FILES, c)

async function run(app: AppContext, argv: readonly string[], io: CliIo): Promise<void> {
  const parsed = parseCommandLine(argv)
  if (parsed === 'help') {
    USAGE.split('\n').forEach((l) => io.out(l))
    return
  }
  // Only the command's own options are here: parseCommandLine rejects any other, a repeat, or a missing value.
  const { command, files, options: flags } = parsed
  const library = flags['library']
  if (typeof library !== 'string') throw new UsageError('--library LIB is required')
  const libraryPath = resolve(io.cwd, library)
  const study = typeof flags['study'] === 'string' ? flags['study'] : undefined

  if (command === 'report') return report(app, flags, { libraryPath, study, io })
  if (command === 'insights list') return insightsList(app, flags, { libraryPath, study, io })
  if (command === 'import transcript') return importTranscript(app, files, flags, { libraryPath, study, io })
  if (inOwnFile(command)) return COMMAND_FILES[command](app, files, flags, { libraryPath, study, io })

  if (command === 'rollup churn') {
    await openLibrary(app, libraryPath, false)
    const studyId = study ? await findStudy(app, study, false) : null
    const r = await callOrFail(app, 'churn:rollup', { studyId })
    // The numbers stay what the app shows; a script reading stdout keeps clean JSON, a person sees why.
    if (r.currencies.length > 1)
      io.err(
        `Warning: lost MRR adds up amounts in ${r.currencies.join(', ')} as they are, without conversion.`,
      )
    if (flags['json']) io.out(JSON.stringify(r.rows.map(rowForJson), null, 2))
    else table(r.rows).forEach((l) => io.out(l))
    return
  }

  const [file] = files
  if (!file) throw new UsageError(`Which file? fieldnote ${command} FILE --library LIB`)
  const path = resolve(io.cwd, file)
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliFailure(`File not found: ${file}`)
  const csv = readCsv(path, file)
  if (csv.replace(/^\uFEFF/, '').trim() === '')
    throw new CliFailure(`Not a readable CSV file: ${file} is empty`)
  // Before the library is opened or created: a refused file leaves no library, taxonomy or study behind.
  const header = standardHeaderMapping(
    command === 'import companies' ? 'companies' : 'churnSurvey',
    csv,
    file,
  )
  if ('problem' in header) throw new CliFailure(header.problem)
  const dryRun = flags['dry-run'] === true
  // A dry run works on a throw-away copy, so nothing it prepares (taxonomy, study, a new file) stays behind.
  const target = dryRun ? dryRunCopy(libraryPath, app.libraries.defaultLibraryPath) : libraryPath
  const made = dryRun ? null : whatCreatingWouldMake(libraryPath)
  try {
    await openLibrary(app, target, true)
    await importInto(app, command, csv, header.mapping, { flags, file, study, dryRun, io })
  } catch (err) {
    // A refused import creates nothing: a library this run created goes again (never one that was there).
    if (made) discardCreated(app, made)
    throw err
  }
}

async function importInto(
  app: AppContext,
  command: 'import companies' | 'import churn-survey',
  csv: string,
  mapping: ColumnMapping,
  ctx: {
    flags: Record<string, string | true>
    file: string
    study: string | undefined
    dryRun: boolean
    io: CliIo
  },
): Promise<void> {
  const { flags, file, study, dryRun, io } = ctx
  const options = { csv, mapping, skipInvalid: flags['skip-invalid'] === true, dryRun }
  if (command === 'import churn-survey') {
    // A survey import prepares the library first (starter taxonomy, the study): check the rows before that,
    // so a refused file leaves an existing library exactly as it was. Rejections never depend on either.
    if (!dryRun && !options.skipInvalid) {
      const check = await callOrFail(app, 'imports:churnSurvey', { ...options, dryRun: true, studyId: null })
      if (check.rejected.length) throw refusal(check)
    }
    await seedTaxonomyIfEmpty(app, io)
  }
  const report =
    command === 'import companies'
      ? await callOrFail(app, 'imports:companies', options)
      : await callOrFail(app, 'imports:churnSurvey', {
          ...options,
          studyId: study ? await findStudy(app, study, true) : null,
        })
  if (!report.committed && !options.dryRun) throw refusal(report)
  io.out(options.dryRun ? `Dry run, nothing written. ${summary(report, file)}` : summary(report, file))
}

function refusal(report: ImportReport): CliFailure {
  const first = report.rejected
    .slice(0, 3)
    .map((x) => `line ${x.line}: ${x.message}`)
    .join('; ')
  return new CliFailure(
    oneLine(
      `Nothing imported: ${report.rejected.length} of ${report.totalRows} rows rejected (${first}${report.rejected.length > 3 ? '; …' : ''}). Fix them, or pass --skip-invalid`,
    ),
  )
}

/** Runs one command; resolves with the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // The CLI keeps its own throw-away settings folder: it must not change the app's recent-libraries list.
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldnote-cli-'))
  const app: AppContext = {
    libraries: new LibraryManager({ dataDir, migrationsFolder: join(io.root, 'resources', 'drizzle') }),
    // No Electron here: a PDF is printed by a local Chromium, as in browser mode.
    shell: { kind: 'web', version: 'cli', printToPdf: printHtmlWithChromium },
  }
  try {
    await run(app, argv, io)
    return 0
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`fieldnote: ${oneLine(err.message)}. Run fieldnote --help for usage.`)
      return 2
    }
    io.err(
      `fieldnote: ${oneLine(err instanceof CliFailure ? err.message : `unexpected error: ${(err as Error).message}`)}`,
    )
    return 1
  } finally {
    app.libraries.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
