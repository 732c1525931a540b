import mammoth from 'mammoth'
import type { Transcript, TranscriptImportReport, TranscriptSummary } from '../../shared/domain/highlight'
import { AppError } from '../../shared/ipc/errors'
import type { TextEncodingName } from '../../shared/text/decode-bytes'
import { codePointLength } from '../../shared/text/plain-text'
import {
  decodeTranscriptFile,
  parseTranscript,
  TranscriptError,
  type ParsedTranscript,
} from '../../shared/transcripts'
import { nowIso, type ServiceContext } from '../db/context'
import { mustExist, mustExistId, type TranscriptRow } from '../db/rows'

interface DocShape {
  content?: { attrs?: { speaker?: unknown } }[]
}

function toSummary(r: TranscriptRow): TranscriptSummary {
  const doc = JSON.parse(r.doc) as DocShape
  const paragraphs = doc.content ?? []
  const speakers = [
    ...new Set(
      paragraphs
        .map((p) => p.attrs?.speaker)
        .filter((s): s is string => typeof s === 'string' && s.length > 0),
    ),
  ]
  return {
    id: r.id,
    interviewId: r.interview_id,
    title: r.title,
    sourceName: r.source_name,
    sourceFormat: r.source_format,
    segmentCount: paragraphs.length,
    speakers,
    characters: codePointLength(r.plain_text),
    createdAt: r.created_at,
  }
}

export interface TranscriptFileInput {
  name: string
  text?: string | undefined
  base64?: string | undefined
}

/** A file read for import: its parse and the encoding its text was in (null for a Word document). */
export type ReadTranscript = ParsedTranscript & { encoding: TextEncodingName | null }

/** Reads and parses one file; every problem becomes a VALIDATION error that names the file. */
export async function readTranscriptFile(file: TranscriptFileInput): Promise<ReadTranscript> {
  const problem = (message: string) =>
    new AppError(
      'VALIDATION',
      `"${file.name}" ${/^line \d/.test(message) ? `could not be imported: ${message}` : message}.`.replace(
        /\.\.$/,
        '.',
      ),
    )
  try {
    const decoded = decodeTranscriptFile(file)
    if (decoded.kind === 'text')
      return { ...parseTranscript(file.name, decoded.text), encoding: decoded.encoding }
    let text: string
    try {
      text = (await mammoth.extractRawText({ buffer: Buffer.from(decoded.bytes) })).value
    } catch {
      throw new TranscriptError(
        'could not be read as a Word document (it may be damaged or password-protected)',
      )
    }
    if (text.trim() === '') throw new TranscriptError('is empty (the Word document has no text)')
    return { ...parseTranscript(file.name, text, { fromDocx: true }), encoding: null }
  } catch (err) {
    if (err instanceof TranscriptError) throw problem(err.message)
    throw err
  }
}

/**
 * Imports a batch of transcript files into an interview: every file is read and parsed first, then all are
 * written in one transaction, so a bad file leaves the library exactly as it was. The report names each
 * file's format and the encoding it was converted from.
 */
export async function importTranscripts(
  ctx: ServiceContext,
  input: { interviewId: string; files: TranscriptFileInput[] },
): Promise<{ imported: TranscriptSummary[]; files: TranscriptImportReport[] }> {
  mustExistId(ctx.sqlite, 'interviews', input.interviewId)
  const parsed: { file: TranscriptFileInput; t: ReadTranscript }[] = []
  for (const file of input.files) parsed.push({ file, t: await readTranscriptFile(file) })
  const ids = ctx.sqlite.transaction(() => {
    // The interview may have been deleted while the files were parsed.
    mustExistId(ctx.sqlite, 'interviews', input.interviewId)
    return insertParsedTranscripts(ctx, input.interviewId, parsed)
  })()
  return {
    imported: ids.map((id) => getTranscript(ctx, { id })),
    files: parsed.map(({ file, t }) => ({ name: file.name, format: t.format, encoding: t.encoding })),
  }
}

/**
 * Writes parsed transcripts into an interview and returns their ids. Runs inside the caller's transaction
 * (the app's import and the command line's batch), so a batch is saved whole or not at all.
 */
export function insertParsedTranscripts(
  ctx: ServiceContext,
  interviewId: string,
  parsed: { file: { name: string }; t: ParsedTranscript }[],
): string[] {
  const at = nowIso(ctx)
  const ins = ctx.sqlite.prepare(
    `insert into transcripts (id, interview_id, title, source_name, source_format, doc, plain_text, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  return parsed.map(({ file, t }) => {
    const id = ctx.newId()
    const title = file.name.replace(/\.[^.]+$/, '') || file.name
    ins.run(id, interviewId, title, file.name, t.format, JSON.stringify(t.doc), t.plainText, at, at)
    return id
  })
}

export function listTranscripts(ctx: ServiceContext, input: { interviewId: string }): TranscriptSummary[] {
  mustExistId(ctx.sqlite, 'interviews', input.interviewId)
  return (
    ctx.sqlite
      .prepare('select * from transcripts where interview_id = ? order by created_at, rowid')
      .all(input.interviewId) as TranscriptRow[]
  ).map(toSummary)
}

export function getTranscript(ctx: ServiceContext, input: { id: string }): Transcript {
  const r = mustExist(
    ctx.sqlite.prepare('select * from transcripts where id = ?').get(input.id) as TranscriptRow | undefined,
    'Transcript',
    input.id,
  )
  return { ...toSummary(r), doc: JSON.parse(r.doc) as Record<string, unknown>, plainText: r.plain_text }
}

export function deleteTranscript(ctx: ServiceContext, input: { id: string }): { ok: true } {
  mustExistId(ctx.sqlite, 'transcripts', input.id)
  ctx.sqlite.prepare('delete from transcripts where id = ?').run(input.id)
  return { ok: true }
}

interface StoredDoc {
  type: 'doc'
  content?: { attrs?: { speaker?: unknown } }[]
}

/**
 * Renames a transcript's speaker in every paragraph it speaks; a name another speaker already has merges the
 * two. Only the paragraphs' speaker changes, so highlights (offsets into the text) stay where they are.
 */
export function renameTranscriptSpeaker(
  ctx: ServiceContext,
  input: { id: string; from: string; to: string },
): TranscriptSummary {
  return ctx.sqlite.transaction(() => {
    const r = mustExist(
      ctx.sqlite.prepare('select * from transcripts where id = ?').get(input.id) as TranscriptRow | undefined,
      'Transcript',
      input.id,
    )
    const doc = JSON.parse(r.doc) as StoredDoc
    let changed = 0
    for (const p of doc.content ?? [])
      if (p.attrs?.speaker === input.from) {
        p.attrs.speaker = input.to
        changed++
      }
    if (changed === 0)
      throw new AppError('VALIDATION', `No paragraph of "${r.title}" is spoken by "${input.from}".`)
    ctx.sqlite
      .prepare('update transcripts set doc = ?, updated_at = ? where id = ?')
      .run(JSON.stringify(doc), nowIso(ctx), input.id)
    return toSummary({ ...r, doc: JSON.stringify(doc) })
  })()
}
