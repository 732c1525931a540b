import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { LibraryJsonImport } from '../../shared/ipc/contracts/exchange'
import type { AppContext } from '../ipc/app-context'
import { dispatch } from '../ipc/dispatch'
import { UsageError } from './args'
import { callOrFail, CliFailure, findStudy, openLibrary, type CommandRun } from './calls'
import { writeAtomically } from './report'

/**
 * `fieldnote export json` and `fieldnote import json`: the library JSON format (docs/library-json.schema.json)
 * through the same channels the Library page calls, so a backup made here imports in the app and back.
 */

/** The file's text; JSON is UTF-8, so anything else is refused rather than read with replacement characters. */
function readJson(file: string, cwd: string): string {
  const path = resolve(cwd, file)
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliFailure(`File not found: ${file}`)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path))
  } catch {
    throw new CliFailure(`${file} is not a library JSON file: it is not UTF-8 text. Nothing was imported.`)
  }
}

function summary(r: LibraryJsonImport, file: string): string {
  const c = r.counts
  const parts = [
    `Imported ${file} into the new library ${r.library.path}: ${c.studies} studies, ${c.interviews} interviews, ` +
      `${c.sources} sources (${c.notes} notes, ${c.transcripts} transcripts), ${c.codes} codes, ${c.codings} codings ` +
      `on ${c.highlights} highlights, ${c.cases} cases (participants), ${c.companies} companies, ` +
      `${c.surveyResponses} survey responses, ${c.boards} boards, ${c.insights} insights`,
  ]
  if (r.skipped.length) parts.push(`skipped ${r.skipped.map((x) => `${x.what} (${x.reason})`).join(', ')}`)
  return parts.join('; ')
}

/** `fieldnote export json --library LIB [--study NAME] --out PATH`: the whole file or nothing. */
export const exportJsonCommand: CommandRun = async (app: AppContext, _files, flags, run) => {
  const out = flags['out']
  if (typeof out !== 'string') throw new UsageError('--out PATH is required for "export json"')
  const target = resolve(run.io.cwd, out)
  await openLibrary(app, run.libraryPath, false)
  const studyId = run.study ? await findStudy(app, run.study, false) : null
  const { json } = await callOrFail(app, 'exchange:exportJson', { studyId })
  const bytes = Buffer.from(json, 'utf8')
  writeAtomically(target, bytes)
  run.io.out(
    `Wrote ${target} (library JSON of ${run.study ? `study "${run.study}"` : 'the whole library'}, ${bytes.length} bytes).`,
  )
}

/**
 * `fieldnote import json FILE --library LIB [--json]`: a new library at LIB (never over a file) from the
 * backup; the file is checked whole first, and a refused one leaves no library behind.
 */
export const importJsonCommand: CommandRun = async (app, files, flags, run) => {
  const [file] = files
  if (!file) throw new UsageError('Which file? fieldnote import json FILE --library LIB')
  const json = readJson(file, run.io.cwd)
  const env = await dispatch(app, 'exchange:importJson', { path: run.libraryPath, json })
  if (!env.ok) {
    // The first problem is the message; a few more follow, so a hand-edited file can be fixed in one go.
    const more = (env.error.issues ?? []).slice(1)
    const listed = more.length
      ? ` (${more.length} more: ${more.slice(0, 3).join('; ')}${more.length > 3 ? '; …' : ''})`
      : ''
    throw new CliFailure(`${env.error.message.replace(/\.$/, '')}${listed}. Nothing was imported.`)
  }
  const report = env.value as LibraryJsonImport
  run.io.out(flags['json'] ? JSON.stringify(report, null, 2) : summary(report, file))
}
