import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ChannelOutput } from '../../shared/ipc/contracts'
import type { AppContext } from '../ipc/app-context'
import { dispatch } from '../ipc/dispatch'
import { UsageError } from './args'
import { callOrFail, CliFailure, findStudy, openLibrary, type CommandRun } from './calls'
import { discardCreated, whatCreatingWouldMake } from './created'
import { writeAtomically } from './report'

/**
 * `fieldnote export qdpx|qdc` and `fieldnote import qdpx|qdc`: REFI-QDA projects and codebooks through the
 * channels the Studies and Codebook pages call, so what the command line writes the app reads, and back.
 */

function readFile(file: string, cwd: string): Buffer {
  const path = resolve(cwd, file)
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliFailure(`File not found: ${file}`)
  return readFileSync(path)
}

/** `fieldnote export qdpx --library LIB [--study NAME] --out PATH`: a study or the library as a project. */
export const exportQdpxCommand: CommandRun = async (app: AppContext, _files, flags, run) => {
  const out = flags['out']
  if (typeof out !== 'string') throw new UsageError('--out PATH is required for "export qdpx"')
  const target = resolve(run.io.cwd, out)
  await openLibrary(app, run.libraryPath, false)
  const studyId = run.study ? await findStudy(app, run.study, false) : null
  const file = await callOrFail(app, 'exchange:exportQdpx', { studyId })
  const bytes = Buffer.from(file.base64, 'base64')
  writeAtomically(target, bytes)
  run.io.out(
    `Wrote ${target} (REFI-QDA project of ${run.study ? `study "${run.study}"` : 'the whole library'}, ${bytes.length} bytes).`,
  )
}

/** `fieldnote export qdc --library LIB --out PATH`: the codebook. */
export const exportQdcCommand: CommandRun = async (app, _files, flags, run) => {
  const out = flags['out']
  if (typeof out !== 'string') throw new UsageError('--out PATH is required for "export qdc"')
  const target = resolve(run.io.cwd, out)
  await openLibrary(app, run.libraryPath, false)
  const { xml } = await callOrFail(app, 'tags:exportQdc', undefined)
  writeAtomically(target, Buffer.from(xml, 'utf8'))
  run.io.out(`Wrote ${target} (REFI-QDA codebook).`)
}

/**
 * Opens the library (creating it when missing, as the other imports do), runs the import and, when it is
 * refused, removes a library this run created; a library that was there is left as it was (one transaction).
 */
async function importInto<T>(
  app: AppContext,
  libraryPath: string,
  call: () => Promise<{ ok: true; value: T } | { ok: false; message: string }>,
): Promise<T> {
  const made = whatCreatingWouldMake(libraryPath)
  await openLibrary(app, libraryPath, true)
  const r = await call()
  if (r.ok) return r.value
  if (made) discardCreated(app, made)
  throw new CliFailure(`${r.message.replace(/\.$/, '')}. Nothing was imported.`)
}

/** `fieldnote import qdpx FILE --library LIB [--json]`: a project from another tool as a new study. */
export const importQdpxCommand: CommandRun = async (app, files, flags, run) => {
  const [file] = files
  if (!file) throw new UsageError('Which file? fieldnote import qdpx FILE --library LIB')
  const base64 = readFile(file, run.io.cwd).toString('base64')
  const report = await importInto(app, run.libraryPath, async () => {
    const env = await dispatch(app, 'exchange:importQdpx', { name: file, base64 })
    return env.ok
      ? { ok: true, value: env.value as ChannelOutput<'exchange:importQdpx'> }
      : { ok: false, message: env.error.message }
  })
  if (flags['json']) return run.io.out(JSON.stringify(report, null, 2))
  run.io.out(
    `Imported ${file} as the study "${report.study.name}": ${report.sources} sources, ${report.codings} codings, ` +
      `${report.annotations} annotations, ${report.cases} cases, ${report.companies} companies, ${report.insights} notes as insights; ` +
      `codes ${report.codes.created} new, ${report.codes.updated} updated, ${report.codes.unchanged} unchanged` +
      (report.codeGroups.length ? `; code groups not kept: ${report.codeGroups.join(', ')}` : '') +
      (report.skipped.length
        ? `; skipped ${report.skipped.length}: ${report.skipped
            .slice(0, 5)
            .map((s) => `${s.item} (${s.reason})`)
            .join(', ')}${report.skipped.length > 5 ? ', …' : ''}`
        : ''),
  )
}

/** `fieldnote import qdc FILE --library LIB [--json]`: a codebook merged into the library's. */
export const importQdcCommand: CommandRun = async (app, files, flags, run) => {
  const [file] = files
  if (!file) throw new UsageError('Which file? fieldnote import qdc FILE --library LIB')
  const xml = new TextDecoder('utf-8').decode(readFile(file, run.io.cwd))
  const r = await importInto(app, run.libraryPath, async () => {
    const env = await dispatch(app, 'tags:importQdc', { xml })
    return env.ok
      ? { ok: true, value: env.value as ChannelOutput<'tags:importQdc'> }
      : { ok: false, message: env.error.message }
  })
  if (flags['json']) return run.io.out(JSON.stringify(r, null, 2))
  run.io.out(
    `Imported ${file}: ${r.created} new codes, ${r.updated} updated, ${r.skipped} unchanged` +
      (r.codeGroups.length ? `; code groups not kept: ${r.codeGroups.join(', ')}` : '') +
      '.',
  )
}
