import { strFromU8, unzipSync } from 'fflate'
import { CompanyInputSchema } from '../../../shared/domain/company'
import { AppError } from '../../../shared/ipc/errors'
import {
  parseProject,
  RefiError,
  type ParsedProject,
  type ProjectFiles,
} from '../../../shared/refi/project-parse'
import type { RefiCase, RefiSource } from '../../../shared/refi/project'
import { nameKey } from '../../../shared/text/name-key'
import { codePointLength } from '../../../shared/text/plain-text'
import { transcriptDoc } from '../../../shared/transcripts'
import type { ServiceContext } from '../../db/context'
import { companyNameIndex, createCompany } from '../companies'
import { insertImportedHighlights, type ImportedHighlight } from '../highlights/edit'
import { createInsight } from '../insights/insights'
import { createInterview } from '../interviews'
import { createParticipant } from '../participants'
import { listScripts } from '../scripts'
import { createStudy, listStudies } from '../studies'
import { mergeCodes } from '../tags/qdc'
import { insertParsedTranscripts } from '../transcripts'
import { QDPX_SIDECAR, SIDECAR_FORMAT, type Sidecar } from './qdpx-sidecar'

/** A .qdpx larger than this unpacked is refused before anything is inflated (a zip bomb is small packed). */
export const MAX_PROJECT_BYTES = 1024 * 1024 * 1024
const MAX_ENTRIES = 100_000

export interface QdpxImportReport {
  study: { id: string; name: string }
  origin: string
  sources: number
  codes: { created: number; updated: number; unchanged: number }
  codings: number
  annotations: number
  cases: number
  companies: number
  /** Case variables that became company or participant fields, by name. */
  variables: string[]
  insights: number
  /** Code groups (<Sets>) by name: Fieldnote has no such thing, so they are listed, never dropped silently. */
  codeGroups: string[]
  skipped: { item: string; reason: string }[]
}

/** The archive's entries, refusing what is not a zip, what unpacks too large, and names that climb out. */
function unpack(bytes: Uint8Array): { files: ProjectFiles; skipped: QdpxImportReport['skipped'] } {
  if (bytes[0] === 0x3c || (bytes[0] === 0xef && bytes[3] === 0x3c))
    // A bare project.qde (XML): a project without its sources folder.
    return { files: { 'project.qde': bytes }, skipped: [] }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
    throw new AppError(
      'VALIDATION',
      'This file is not a REFI-QDA project: a .qdpx is a zip archive, and this is not one.',
    )
  const skipped: QdpxImportReport['skipped'] = []
  let total = 0
  let count = 0
  let files: ProjectFiles
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        count++
        total += f.originalSize
        if (count > MAX_ENTRIES || total > MAX_PROJECT_BYTES)
          throw new AppError(
            'VALIDATION',
            `This project unpacks to more than ${MAX_PROJECT_BYTES / 1024 / 1024 / 1024} GB or ${MAX_ENTRIES} files; Fieldnote does not open it (it may be a zip bomb).`,
          )
        if (f.name.split(/[\\/]/).includes('..') || /^([\\/]|[a-z]:)/i.test(f.name)) {
          skipped.push({ item: `Archive entry "${f.name}"`, reason: 'its name points outside the project' })
          return false
        }
        return !f.name.endsWith('/')
      },
    })
  } catch (err) {
    if (err instanceof AppError) throw err
    throw new AppError(
      'VALIDATION',
      `This .qdpx is damaged and cannot be unpacked (${(err as Error).message}).`,
    )
  }
  const actual = Object.values(files).reduce((n, b) => n + b.length, 0)
  if (actual > MAX_PROJECT_BYTES)
    throw new AppError('VALIDATION', 'This project unpacks to more than 1 GB; Fieldnote does not open it.')
  return { files, skipped }
}

function sidecarOf(files: ProjectFiles): Sidecar | null {
  const bytes = files[QDPX_SIDECAR]
  if (!bytes) return null
  try {
    const s = JSON.parse(strFromU8(bytes)) as Sidecar
    return s.format === SIDECAR_FORMAT && s.version === 1 ? s : null
  } catch {
    return null
  }
}

const FIELD_OF_VARIABLE: Record<string, string> = {
  company: 'company',
  organisation: 'company',
  organization: 'company',
  компания: 'company',
  role: 'role',
  роль: 'role',
  segment: 'segment',
  сегмент: 'segment',
  plan: 'plan',
  тариф: 'plan',
  mrr: 'mrr',
  currency: 'currency',
  status: 'status',
  статус: 'status',
  'customer since': 'customerSince',
  'churned on': 'churnedOn',
}

/** A case's variables by Fieldnote field; the rest are reported once each by name. */
function caseFields(
  project: ParsedProject,
  c: RefiCase,
  used: Set<string>,
  skipped: QdpxImportReport['skipped'],
): Record<string, string> {
  const names = new Map(project.variables.map((v) => [v.guid, v.name]))
  const out: Record<string, string> = {}
  for (const v of c.values) {
    const name = names.get(v.variableGuid) ?? v.variableGuid
    const field =
      FIELD_OF_VARIABLE[
        name
          .replace(/^cases?:\s*/i, '')
          .trim()
          .toLowerCase()
      ]
    if (field && v.value) {
      out[field] = v.value
      used.add(name)
    } else if (v.value && !skipped.some((s) => s.item === `Variable "${name}"`))
      skipped.push({ item: `Variable "${name}"`, reason: 'Fieldnote keeps no such field for a participant' })
  }
  return out
}

function companyInput(fields: Record<string, string>): Record<string, unknown> {
  const segment = /^[ABCD]$/i.test(fields['segment'] ?? '')
    ? (fields['segment'] as string).toUpperCase()
    : null
  const mrr = Number((fields['mrr'] ?? '').replace(/[^\d.-]/g, ''))
  const status = (fields['status'] ?? '').toLowerCase()
  const date = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : null)
  return {
    name: fields['company'],
    segment,
    plan: fields['plan'] ?? '',
    mrrMinor: Number.isFinite(mrr) && mrr > 0 ? Math.round(mrr * 100) : 0,
    ...(/^[A-Z]{3}$/.test(fields['currency'] ?? '') ? { currency: fields['currency'] } : {}),
    customerSince: date(fields['customerSince']),
    ...(status === 'churned' || status === 'active' ? { status } : {}),
    ...(status === 'churned' ? { churnedOn: date(fields['churnedOn']) } : {}),
  }
}

function uniqueStudyName(ctx: ServiceContext, name: string): string {
  const taken = new Set(listStudies(ctx).map((s) => s.name.toLocaleLowerCase()))
  if (!taken.has(name.toLocaleLowerCase())) return name
  for (let i = 2; ; i++) if (!taken.has(`${name} (${i})`.toLocaleLowerCase())) return `${name} (${i})`
}

/** The text as a transcript: a paragraph per line (empty lines too), so offsets into it stay where they are. */
function plainTranscript(source: RefiSource, doc: unknown) {
  const fromSidecar = doc as { content?: unknown[] } | undefined
  const parsed = transcriptDoc(
    source.text.split('\n').map((text) => ({ speaker: null, startMs: null, endMs: null, text })),
  )
  // A Fieldnote export's own transcript document keeps its speakers and times when its text is unchanged.
  if (fromSidecar?.content && parsed.plainText === source.text) {
    const own = transcriptDoc(
      (fromSidecar.content as { attrs?: Record<string, unknown>; content?: { text?: string }[] }[]).map(
        (p) => ({
          speaker: typeof p.attrs?.['speaker'] === 'string' ? (p.attrs['speaker'] as string) : null,
          startMs: typeof p.attrs?.['startMs'] === 'number' ? (p.attrs['startMs'] as number) : null,
          endMs: typeof p.attrs?.['endMs'] === 'number' ? (p.attrs['endMs'] as number) : null,
          text: (p.content ?? []).map((c) => c.text ?? '').join(''),
        }),
      ),
    )
    if (own.plainText === source.text) return { format: 'txt' as const, segments: [], ...own }
  }
  return { format: 'txt' as const, segments: [], ...parsed }
}

/**
 * Imports a REFI-QDA project (.qdpx, or a bare .qde) into the open library as a new study, in one
 * transaction: codes merge into the codebook (as the codebook import does), each text source becomes an
 * interview's transcript with its coded selections as highlights (an uncoded selection, an annotation,
 * becomes a highlight without tags whose memo is the annotation), named cases become participants with
 * their company from the case variables, project notes become draft insights. The report lists what came
 * in and everything left out with its reason.
 */
export function importQdpx(ctx: ServiceContext, input: { bytes: Uint8Array }): QdpxImportReport {
  const { files, skipped } = unpack(input.bytes)
  let project: ParsedProject
  try {
    project = parseProject(files)
  } catch (err) {
    if (err instanceof RefiError) throw new AppError('VALIDATION', err.message)
    throw err
  }
  skipped.push(...project.skipped)
  if (project.sources.length === 0 && project.codes.length === 0)
    throw new AppError(
      'VALIDATION',
      'This project holds no text sources and no codes, so there is nothing to import.',
    )
  const sidecar = sidecarOf(files)

  return ctx.sqlite.transaction((): QdpxImportReport => {
    const { counts, tagOfGuid } = mergeCodes(ctx, project.codes)
    const study = createStudy(ctx, {
      name: uniqueStudyName(ctx, [...project.name].slice(0, 200).join('')),
      method: 'discovery',
      goal: project.origin ? `Imported from ${project.origin}` : 'Imported REFI-QDA project',
      targetInterviews: Math.max(1, Math.min(1000, project.sources.length)),
      status: 'active',
    })
    const script = listScripts(ctx, { method: 'discovery' })[0] ?? listScripts(ctx)[0]
    if (!script)
      throw new AppError('NOT_FOUND', 'This library has no interview script to give the interviews.')

    // Participants from named cases; a nameless case that points at one source carries file variables.
    const used = new Set<string>()
    const participantOfSource = new Map<string, string>()
    const companyIndex = companyNameIndex(ctx)
    // Companies this import made: the index above was read before them.
    const madeCompanies = new Map<string, string>()
    let companies = 0
    let cases = 0
    for (const c of project.cases) {
      if (!c.name) {
        if (c.values.length)
          skipped.push({
            item: `Variables of source${c.sourceGuids.length === 1 ? '' : 's'} ${c.sourceGuids.join(', ')}`,
            reason: 'Fieldnote keeps variables on participants and companies, not on single sources',
          })
        continue
      }
      const fields = caseFields(project, c, used, skipped)
      let companyId: string | null = null
      if (fields['company']) {
        const key = nameKey(fields['company'])
        const found = madeCompanies.get(key) ?? companyIndex(fields['company'])?.id
        if (found) companyId = found
        else {
          const parsed = CompanyInputSchema.safeParse(companyInput(fields))
          const company = createCompany(
            ctx,
            parsed.success ? parsed.data : CompanyInputSchema.parse({ name: fields['company'] }),
          )
          if (!parsed.success)
            skipped.push({
              item: `Company fields of "${fields['company']}"`,
              reason: parsed.error.issues[0]?.message ?? 'not valid',
            })
          madeCompanies.set(key, company.id)
          companyId = company.id
          companies++
        }
      }
      const person = createParticipant(ctx, {
        name: [...c.name].slice(0, 200).join(''),
        role: fields['role'] ?? '',
        companyId,
        email: '',
        phone: '',
        consentToRecord: false,
      })
      cases++
      for (const g of c.sourceGuids) if (!participantOfSource.has(g)) participantOfSource.set(g, person.id)
    }

    // Sources → interviews; a Fieldnote export keeps an interview's sources together.
    const titles = new Map<string, number>()
    const interviewOf = new Map<string, string>()
    const linkedNotes = new Map<string, string>()
    for (const l of project.links)
      if (l.originGuid && l.targetGuid) linkedNotes.set(l.targetGuid, l.originGuid)
    const noteText = new Map(project.notes.map((n) => [n.guid, n.text]))
    const notesUsed = new Set<string>()
    let codings = 0
    let annotations = 0
    for (const source of project.sources) {
      const side = sidecar?.sources[source.guid]
      const key = side?.interviewId ?? source.guid
      let interviewId = interviewOf.get(key)
      if (!interviewId) {
        const base = [...source.name].slice(0, 290).join('') || 'Source'
        const n = (titles.get(base) ?? 0) + 1
        titles.set(base, n)
        interviewId = createInterview(ctx, {
          studyId: study.id,
          participantId: participantOfSource.get(source.guid) ?? null,
          scriptId: script.id,
          title: n === 1 ? base : `${base} (${n})`,
          interviewer: project.users[0]?.name ?? '',
          scheduledAt: null,
          plannedMinutes: 60,
        }).id
        interviewOf.set(key, interviewId)
      }
      const [transcriptId] = insertParsedTranscripts(ctx, interviewId, [
        { file: { name: `${source.name}.txt` }, t: plainTranscript(source, side?.doc) },
      ])
      const length = codePointLength(source.text)
      const cps = [...source.text]
      const rows: ImportedHighlight[] = []
      for (const sel of source.selections) {
        const what = `Selection ${sel.start}–${sel.end} in "${source.name}"`
        if (!(sel.end > sel.start) || sel.start < 0 || sel.end > length) {
          skipped.push({ item: what, reason: `it lies outside the source's ${length} characters` })
          continue
        }
        const quote = cps.slice(sel.start, sel.end).join('')
        if (quote.trim() === '') {
          skipped.push({ item: what, reason: 'it covers only spaces or line breaks' })
          continue
        }
        const tagIds = [
          ...new Set(sel.codeGuids.map((g) => tagOfGuid.get(g)).filter((x): x is string => !!x)),
        ]
        for (const g of sel.codeGuids)
          if (!tagOfGuid.has(g))
            skipped.push({
              item: `A coding in "${source.name}"`,
              reason: `its code ${g} is not in the codebook`,
            })
        const linked = [...sel.noteGuids, linkedNotes.get(sel.guid) ?? ''].filter((g) => noteText.has(g))
        linked.forEach((g) => notesUsed.add(g))
        const memo = [sel.description, ...linked.map((g) => noteText.get(g) ?? '')]
          .filter(Boolean)
          .join('\n\n')
        if (tagIds.length === 0 && !memo) {
          skipped.push({ item: what, reason: 'it has neither a code nor an annotation' })
          continue
        }
        rows.push({ start: sel.start, end: sel.end, quote, memo: [...memo].slice(0, 4000).join(''), tagIds })
        if (tagIds.length) codings += tagIds.length
        else annotations++
      }
      insertImportedHighlights(ctx, transcriptId as string, rows)
    }

    let insights = 0
    for (const note of project.notes) {
      if (notesUsed.has(note.guid) || !note.text) continue
      createInsight(ctx, {
        studyId: study.id,
        statement: {
          type: 'doc',
          content: note.text
            .split(/\n{2,}/)
            .map((p) => ({ type: 'paragraph', content: p.trim() ? [{ type: 'text', text: p.trim() }] : [] })),
        },
        status: 'draft',
        owner: '',
        tagIds: [],
        from: { kind: 'none' },
      })
      insights++
    }
    if (sidecar && Object.values(sidecar.tables).some((rows) => rows.length))
      skipped.push({
        item: 'Fieldnote-only data (churn events, ratings, boards)',
        reason:
          'a project import brings sources, codes and codings; move a whole library with the JSON backup',
      })
    return {
      study: { id: study.id, name: study.name },
      origin: project.origin,
      sources: project.sources.length,
      codes: { created: counts.created, updated: counts.updated, unchanged: counts.skipped },
      codings,
      annotations,
      cases,
      companies,
      variables: [...used].sort(),
      insights,
      codeGroups: project.sets.map((s) => s.name).filter(Boolean),
      skipped,
    }
  })()
}
