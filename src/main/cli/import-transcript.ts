import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { AppError } from '../../shared/ipc/errors'
import { docPlainText, type JsonNode } from '../../shared/text/plain-text'
import { MAX_TRANSCRIPT_BYTES } from '../../shared/transcripts'
import type { AppContext } from '../ipc/app-context'
import {
  createTranscriptInterviews,
  type TranscriptInterviewsResult,
} from '../services/transcript-interviews'
import { readTranscriptFile, type ReadTranscript } from '../services/transcripts'
import { UsageError } from './args'
import { CliFailure, openLibrary } from './calls'
import { discardCreated, whatCreatingWouldMake } from './created'

interface Run {
  libraryPath: string
  study: string | undefined
  io: { out: (line: string) => void; cwd: string }
}

type Flags = Record<string, string | true>

const USAGE_LINE =
  'fieldnote import transcript FILE... --library LIB --study NAME --participant NAME [--company NAME]'

/** A refusal of the batch: the problem as one sentence, then that nothing of the batch was saved. */
const refused = (problem: string) => new CliFailure(`${problem.replace(/\.?$/, '.')} Nothing was imported.`)

/** A file as typed on the command line, read and parsed; `name` (the file's own name) titles its interview. */
interface ReadFile {
  file: string
  name: string
  parsed: ReadTranscript
}

/** The paragraph as the library stores it: its attributes and its text, as the editor shows it. */
function paragraphOut(node: JsonNode) {
  const attrs = node.attrs ?? {}
  const orNull = (v: unknown) => (v === undefined ? null : v)
  return {
    speaker: orNull(attrs['speaker']),
    start_ms: orNull(attrs['startMs']),
    end_ms: orNull(attrs['endMs']),
    text: docPlainText(node).text,
  }
}

/**
 * Every file is read and parsed before the library is opened or created, so a refused file (missing, too
 * large, binary, a bad cue timing) leaves nothing behind: the message names the file as typed and the reason.
 */
async function readAll(files: string[], cwd: string): Promise<ReadFile[]> {
  const out: ReadFile[] = []
  for (const file of files) {
    const path = resolve(cwd, file)
    if (!existsSync(path) || !statSync(path).isFile()) throw refused(`File not found: ${file}`)
    // Checked before reading, so a stray multi-gigabyte recording is refused without loading it.
    if (statSync(path).size > MAX_TRANSCRIPT_BYTES)
      throw refused(
        `${file} is larger than the ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB limit for a transcript`,
      )
    const name = basename(path)
    try {
      out.push({
        file,
        name,
        parsed: await readTranscriptFile({ name, base64: readFileSync(path).toString('base64') }),
      })
    } catch (err) {
      if (!(err instanceof AppError)) throw err
      // The service names the file by its own name; a path typed with folders goes first, to tell them apart.
      throw refused(`${file === name ? '' : `${file}: `}${err.message}`)
    }
  }
  return out
}

function jsonOut(files: ReadFile[], result: TranscriptInterviewsResult) {
  return {
    interviews: result.interviews.map(({ id, transcript }, i) => {
      const content = (transcript.doc as { content?: JsonNode[] }).content ?? []
      return {
        id,
        file: files[i]!.file,
        format: transcript.sourceFormat,
        // What the file's text was read as (null for a Word document), so a script sees what was converted.
        encoding: files[i]!.parsed.encoding,
        paragraphs: content.filter((n) => n.type === 'paragraph').map(paragraphOut),
      }
    }),
  }
}

function summary(files: ReadFile[], r: TranscriptInterviewsResult): string {
  const each = r.interviews.map(({ transcript }, i) => {
    const { encoding } = files[i]!.parsed
    const n = transcript.segmentCount
    return `${files[i]!.file} (${transcript.sourceFormat}${encoding && encoding !== 'UTF-8' ? `, read as ${encoding}` : ''}, ${n} paragraph${n === 1 ? '' : 's'})`
  })
  const who = `${r.participant.name}${r.company ? ` (${r.company.name})` : ''}`
  const made = [
    r.study.created && `study "${r.study.name}"`,
    r.participant.created && `participant "${r.participant.name}"`,
    r.company?.created && `company "${r.company.name}"`,
  ].filter(Boolean)
  const n = r.interviews.length
  const parts = [
    `Imported ${n === 1 ? '1 transcript as a new interview' : `${n} transcripts as ${n} new interviews`} ` +
      `with ${who} in study "${r.study.name}": ${each.join(', ')}`,
  ]
  if (made.length) parts.push(`created ${made.join(', ')}`)
  if (r.participant.linkedToCompany) parts.push(`${r.participant.name} is now at ${r.company!.name}`)
  return parts.join('; ')
}

/**
 * `fieldnote import transcript`: one interview per file, for teams and scripts. The batch is written through
 * one service call in one transaction (no channel takes a whole batch), so a study, participant or company
 * it creates goes with it when anything is refused, and a library this run created is removed again.
 */
export async function importTranscript(
  app: AppContext,
  files: string[],
  flags: Flags,
  run: Run,
): Promise<void> {
  if (!files.length) throw new UsageError(`Which files? ${USAGE_LINE}`)
  if (!run.study) throw new UsageError('--study NAME is required for "import transcript"')
  const participant = flags['participant']
  if (typeof participant !== 'string')
    throw new UsageError('--participant NAME is required for "import transcript"')
  const company = typeof flags['company'] === 'string' ? flags['company'] : null
  const twice = files.find(
    (f, i) => files.findIndex((g) => resolve(run.io.cwd, g) === resolve(run.io.cwd, f)) < i,
  )
  if (twice !== undefined) throw new UsageError(`${twice} is given twice (each file becomes one interview)`)

  const read = await readAll(files, run.io.cwd)
  const made = whatCreatingWouldMake(run.libraryPath)
  let result: TranscriptInterviewsResult
  try {
    await openLibrary(app, run.libraryPath, true)
    result = createTranscriptInterviews(app.libraries.context(), {
      study: run.study,
      participant,
      company,
      files: read.map(({ name, parsed }) => ({ name, parsed })),
    })
  } catch (err) {
    // A refused batch creates nothing: a library this run created goes again (never one that was there).
    if (made) discardCreated(app, made)
    if (err instanceof AppError) throw refused(err.message)
    throw err
  }
  run.io.out(flags['json'] ? JSON.stringify(jsonOut(read, result), null, 2) : summary(read, result))
}
