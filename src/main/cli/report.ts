import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { REPORT_FORMATS, type ReportFormat } from '../../shared/ipc/contracts/reports'
import { REPORT_LABELS } from '../../shared/reports/labels'
import type { AppContext } from '../ipc/app-context'
import { UsageError } from './args'
import { callOrFail, CliFailure, findStudy, openLibrary } from './calls'

interface Run {
  libraryPath: string
  study: string | undefined
  io: { out: (line: string) => void; cwd: string }
}

type Flags = Record<string, string | true>

/**
 * Writes the bytes beside the target under a private name, flushed to disk, then renames it over the
 * target: a failed or interrupted export leaves the old file (or none), never half a file.
 */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  const dir = dirname(path)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliFailure(`No such folder: ${dir}`)
  if (existsSync(path) && statSync(path).isDirectory())
    throw new CliFailure(`${path} is a folder; give --out a file name`)
  const temp = join(dir, `.${basename(path)}.${process.pid}-${Date.now().toString(36)}.part`)
  try {
    const fd = openSync(temp, 'wx')
    try {
      writeSync(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (err) {
    rmSync(temp, { force: true })
    if (err instanceof CliFailure) throw err
    throw new CliFailure(`Could not write ${path}: ${(err as Error).message}`)
  }
}

/** `fieldnote report`: the same report the app exports, from the same model, into one file. */
export async function report(app: AppContext, flags: Flags, run: Run): Promise<void> {
  const format = flags['format']
  if (typeof format !== 'string') throw new UsageError('--format is required for "report"')
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (not "${format}")`)
  const out = flags['out']
  if (typeof out !== 'string') throw new UsageError('--out PATH is required for "report"')
  const language = flags['language'] ?? 'en'
  if (language !== 'en' && language !== 'ru') throw new UsageError('--language must be en or ru')
  const target = resolve(run.io.cwd, out)
  await openLibrary(app, run.libraryPath, false)
  const studyId = run.study ? await findStudy(app, run.study, false) : null
  const file = await callOrFail(app, 'reports:render', {
    format: format as ReportFormat,
    studyId,
    anonymize: flags['anonymize'] === true,
    language,
  })
  const bytes = Buffer.from(file.base64, 'base64')
  writeAtomically(target, bytes)
  const zipped = format === 'csv' && file.fileName.endsWith('.zip')
  run.io.out(
    `Wrote ${target} (${format.toUpperCase()}, ${bytes.length} bytes${zipped ? '; a zip of one CSV per table' : ''}${flags['anonymize'] === true ? ', anonymized' : ''}).`,
  )
}

/** `fieldnote insights list`: each insight with its confidence, the reasons for it, and its evidence. */
export async function insightsList(app: AppContext, flags: Flags, run: Run): Promise<void> {
  await openLibrary(app, run.libraryPath, false)
  const studyId = run.study ? await findStudy(app, run.study, false) : undefined
  const insights = await callOrFail(app, 'insights:list', studyId ? { studyId } : {})
  const words = REPORT_LABELS.en.insights
  const rows = insights.map((i) => ({
    id: i.id,
    statement: i.statementText,
    status: i.status,
    owner: i.owner,
    confidence: {
      score: i.confidence.score,
      label: i.confidence.label,
      reasons: i.confidence.reasons.map((r) => ({ ...r, text: words.reason(r) })),
    },
    evidence: i.counts,
  }))
  if (flags['json']) {
    run.io.out(JSON.stringify(rows, null, 2))
    return
  }
  if (!rows.length) run.io.out('No insights in this library yet.')
  for (const r of rows)
    run.io.out(
      `${String(r.confidence.score).padStart(3)} ${words.level[r.confidence.label]}\t${r.statement.replace(/\s+/g, ' ')}\t` +
        `(${r.evidence.for} for, ${r.evidence.against} against; ${r.confidence.reasons.map((x) => x.text).join('; ')})`,
    )
}
