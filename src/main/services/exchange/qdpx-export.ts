import { strToU8, zipSync } from 'fflate'
import { guidForTagId, codeElements } from '../../../shared/taxonomy/qdc'
import type {
  RefiCase,
  RefiProject,
  RefiSelection,
  RefiSet,
  RefiSource,
  RefiVariable,
} from '../../../shared/refi/project'
import { guidFor, writeProjectXml } from '../../../shared/refi/project-xml'
import { AppError } from '../../../shared/ipc/errors'
import { nowIso, type ServiceContext } from '../../db/context'
import { listTags } from '../tags/list'
import { QDPX_SIDECAR, SIDECAR_FORMAT, type Sidecar } from './qdpx-sidecar'

/**
 * A study, or the whole library, as a REFI-QDA project (.qdpx): a zip of project.qde and Sources/<guid>.txt.
 * What REFI-QDA has a place for goes there — each question's notes and each transcript as a text source,
 * highlights as selections with their codes (memos as the selection's description), participants as cases
 * with their company's variables, insights as notes, tag kinds as code sets. What only Fieldnote knows (the
 * note and transcript documents with speakers and times, churn events, boards, survey answers) rides in a
 * sidecar JSON beside it, which other tools ignore.
 */

const USER_GUID = guidFor('fieldnote:user')

const VARIABLES: (RefiVariable & { column: string })[] = [
  ['Company', 'Text', 'company_name'],
  ['Role', 'Text', 'role'],
  ['Segment', 'Text', 'segment'],
  ['Plan', 'Text', 'plan'],
  ['MRR', 'Float', 'mrr'],
  ['Currency', 'Text', 'currency'],
  ['Status', 'Text', 'status'],
  ['Customer since', 'Date', 'customer_since'],
  ['Churned on', 'Date', 'churned_on'],
].map(([name, type, column]) => ({
  guid: guidFor(`fieldnote:variable:${name}`),
  name: name as string,
  type: type as RefiVariable['type'],
  description: '',
  column: column as string,
}))

const KIND_SETS: Record<string, string> = {
  churn_reason: 'Churn reasons',
  jtbd_force: 'JTBD forces',
  jtbd_phase: 'JTBD timeline',
  journey_stage: 'Journey stages',
  emotion: 'Emotions',
  satisfaction_driver: 'Satisfaction drivers',
  theme: 'Themes',
  custom: 'Custom codes',
}

interface InterviewRow {
  id: string
  title: string
  script_name: string
  script_snapshot: string
  participant_id: string | null
  created_at: string
}

interface SourceRow {
  kind: 'note' | 'transcript'
  id: string
  interview_id: string
  label: string
  /** A transcript's document (speakers and times); a note's is not needed to rebuild it. */
  doc: string | null
  plain_text: string
  created_at: string
}

interface HighlightRow {
  id: string
  source_id: string
  start_offset: number
  end_offset: number
  memo: string
  created_at: string
  tag_ids: string | null
}

function questionTexts(snapshot: string): Map<string, string> {
  const out = new Map<string, string>()
  try {
    const body = JSON.parse(snapshot) as { sections?: { questions?: { id?: string; text?: string }[] }[] }
    for (const s of body.sections ?? [])
      for (const q of s.questions ?? []) if (q.id) out.set(q.id, q.text ?? '')
  } catch {
    // A snapshot that is not JSON names no questions; the source is then named by its interview only.
  }
  return out
}

export function exportQdpx(
  ctx: ServiceContext,
  input: { studyId?: string | undefined },
): { fileName: string; mime: string; bytes: Uint8Array } {
  const db = ctx.sqlite
  const study = input.studyId
    ? (db.prepare('select id, name from studies where id = ?').get(input.studyId) as
        { id: string; name: string } | undefined)
    : undefined
  if (input.studyId && !study) throw new AppError('NOT_FOUND', 'That study is no longer in the library.')
  const interviews = db
    .prepare(
      `select id, title, script_name, script_snapshot, participant_id, created_at from interviews
       ${study ? 'where study_id = ?' : ''} order by created_at, id`,
    )
    .all(...(study ? [study.id] : [])) as InterviewRow[]
  const byInterview = new Map(interviews.map((i) => [i.id, i]))
  // Joined on the study rather than listed by id: a library of thousands of interviews would make the
  // lists longer than SQLite's parameters allow, and the joins walk the interview indexes anyway.
  const scope = study ? 'i.study_id = ?' : '1'
  const scopeParams = study ? [study.id] : []
  const sources = db
    .prepare(
      `select 'note' as kind, n.id, n.interview_id, n.question_id as label, null as doc, n.plain_text, n.created_at
         from interview_notes n join interviews i on i.id = n.interview_id where ${scope} and n.plain_text <> ''
       union all
       select 'transcript', t.id, t.interview_id, t.title, t.doc, t.plain_text, t.created_at
         from transcripts t join interviews i on i.id = t.interview_id where ${scope}
       order by 3, 1, 7, 2`,
    )
    .all(...scopeParams, ...scopeParams) as SourceRow[]
  const highlights = db
    .prepare(
      `select h.id, coalesce(h.note_id, h.transcript_id) as source_id, h.start_offset, h.end_offset, h.memo,
              h.created_at, (select group_concat(ht.tag_id, ' ') from highlight_tags ht
                             join tags t on t.id = ht.tag_id and t.deleted_at is null
                             where ht.highlight_id = h.id) as tag_ids
       from highlights h join interviews i on i.id = h.interview_id
       where ${scope} and h.survey_response_id is null
       order by h.start_offset, h.end_offset, h.id`,
    )
    .all(...scopeParams) as HighlightRow[]
  const selections = new Map<string, RefiSelection[]>()
  for (const h of highlights) {
    let list = selections.get(h.source_id)
    if (!list) selections.set(h.source_id, (list = []))
    list.push({
      guid: guidFor(h.id),
      start: h.start_offset,
      end: h.end_offset,
      description: h.memo,
      codeGuids: (h.tag_ids ?? '').split(' ').filter(Boolean).map(guidForTagId),
      noteGuids: [],
      creatingUser: USER_GUID,
      createdAt: h.created_at,
    })
  }

  const questions = new Map<string, Map<string, string>>()
  const refiSources: RefiSource[] = sources.map((s) => {
    const interview = byInterview.get(s.interview_id) as InterviewRow
    const title = interview.title || interview.script_name
    let part = s.label
    if (s.kind === 'note') {
      if (!questions.has(interview.id)) questions.set(interview.id, questionTexts(interview.script_snapshot))
      part = questions.get(interview.id)?.get(s.label) || 'Notes'
    }
    const guid = guidFor(s.id)
    return {
      guid,
      name: `${title} — ${part}`,
      description: '',
      plainTextFile: `${guid}.txt`,
      text: s.plain_text,
      selections: selections.get(s.id) ?? [],
      values: [],
      createdAt: s.created_at,
    }
  })

  const people = db
    .prepare(
      `select p.id, p.name, p.role, c.name as company_name, c.segment, c.plan, c.mrr_minor, c.currency, c.status,
              c.customer_since, c.churned_on
       from participants p left join companies c on c.id = p.company_id
       where p.id in (select i.participant_id from interviews i where ${scope})
       order by p.name, p.id`,
    )
    .all(...scopeParams) as Record<string, string | number | null>[]
  const sourcesOfPerson = new Map<string, string[]>()
  for (const src of sources) {
    const person = byInterview.get(src.interview_id)?.participant_id
    if (!person) continue
    let list = sourcesOfPerson.get(person)
    if (!list) sourcesOfPerson.set(person, (list = []))
    list.push(guidFor(src.id))
  }
  const sourcesOf = (participantId: string) => sourcesOfPerson.get(participantId) ?? []
  const cases: RefiCase[] = people.map((p) => ({
    guid: guidFor(String(p['id'])),
    name: String(p['name']),
    description: '',
    values: VARIABLES.flatMap((v) => {
      const raw =
        v.column === 'mrr' ? (p['mrr_minor'] === null ? null : Number(p['mrr_minor']) / 100) : p[v.column]
      return raw === null ||
        raw === undefined ||
        raw === '' ||
        (v.column === 'company_name' && !p['company_name'])
        ? []
        : [{ variableGuid: v.guid, value: v.type === 'Float' ? Number(raw).toFixed(2) : String(raw) }]
    }),
    sourceGuids: sourcesOf(String(p['id'])),
  }))

  const tags = listTags(ctx)
  const sets: RefiSet[] = Object.entries(KIND_SETS).flatMap(([kind, name]) => {
    const members = tags.filter((t) => t.kind === kind).map((t) => guidForTagId(t.id))
    return members.length
      ? [
          {
            guid: guidFor(`fieldnote:set:${kind}`),
            name,
            description: `Fieldnote tag kind: ${kind}`,
            codeGuids: members,
            sourceGuids: [],
          },
        ]
      : []
  })
  const insights = db
    .prepare(
      `select id, statement_text, status, owner, created_at from insights
       ${study ? 'where study_id = ?' : ''} order by created_at, id`,
    )
    .all(...(study ? [study.id] : [])) as { id: string; statement_text: string; created_at: string }[]

  const name = study?.name ?? 'Fieldnote library'
  const project: RefiProject = {
    name,
    origin: 'Fieldnote',
    users: [{ guid: USER_GUID, name: 'Fieldnote' }],
    variables: cases.some((c) => c.values.length) ? VARIABLES.map(({ column: _c, ...v }) => v) : [],
    cases,
    sources: refiSources,
    notes: insights.map((i) => ({
      guid: guidFor(i.id),
      name: [...i.statement_text].slice(0, 80).join('') || 'Insight',
      text: i.statement_text,
      createdAt: i.created_at,
    })),
    sets,
    links: [],
  }
  const at = nowIso(ctx)
  const qde = encodeChunks((sink) => writeProjectXml(project, codeElements(tags, 3), at, sink))
  const sidecar: Omit<Sidecar, 'sources'> = {
    format: SIDECAR_FORMAT,
    version: 1,
    study: study ? { id: study.id, name: study.name } : null,
    tables: sidecarTables(ctx, study?.id ?? null),
  }
  // The documents go in as stored (JSON the app wrote): parsing and re-serialising thousands of them
  // cost more than the rest of the export together.
  const sourceEntries = sources.map((s) => {
    const { doc: _doc, ...meta } = {
      kind: s.kind,
      id: s.id,
      interviewId: s.interview_id,
      label: s.label,
      doc: null,
    }
    const head = JSON.stringify(meta).slice(0, -1)
    return `${JSON.stringify(guidFor(s.id))}:${head}${s.doc ? `,"doc":${s.doc}` : ''}}`
  })
  const sidecarJson = `${JSON.stringify(sidecar).slice(0, -1)},"sources":{${sourceEntries.join(',')}}}`
  const files: Record<string, Uint8Array> = { 'project.qde': qde }
  for (const s of refiSources) {
    files[`Sources/${s.plainTextFile}`] = strToU8(s.text)
    s.text = ''
  }
  files[QDPX_SIDECAR] = strToU8(sidecarJson)
  for (const src of sources) src.doc = null
  // Level 1: text still shrinks to about a third, in a fraction of level 6's time.
  const bytes = zipSync(files, { level: 1, mtime: new Date(at) })
  const day = at.slice(0, 10)
  return {
    fileName: `${name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Fieldnote'} ${day}.qdpx`,
    mime: 'application/zip',
    bytes,
  }
}

/** Text written in pieces, encoded as UTF-8 piece by piece and joined once: no one huge string. */
function encodeChunks(write: (sink: (chunk: string) => void) => void): Uint8Array {
  const chunks: Uint8Array[] = []
  let size = 0
  write((chunk) => {
    const bytes = strToU8(chunk)
    chunks.push(bytes)
    size += bytes.length
  })
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** Fieldnote-only rows of the export's scope, as stored: churn events, survey answers, boards. */
function sidecarTables(ctx: ServiceContext, studyId: string | null): Sidecar['tables'] {
  const db = ctx.sqlite
  const all = (sql: string) => db.prepare(sql).all(...(studyId ? [studyId] : [])) as Record<string, unknown>[]
  const boardsIn = studyId ? 'board_id in (select id from boards where study_id = ?)' : '1'
  return {
    churn_survey_responses: all(
      `select * from churn_survey_responses ${studyId ? 'where study_id = ?' : ''} order by id`,
    ),
    interview_ratings: all(
      `select id, nps, nps_reason, csat, csat_reason, ces, ces_reason, csi_ratings, primary_churn_reason_tag_id
       from interviews ${studyId ? 'where study_id = ?' : ''} order by id`,
    ),
    boards: all(`select * from boards ${studyId ? 'where study_id = ?' : ''} order by id`),
    board_stages: all(`select * from board_stages where ${boardsIn} order by rowid`),
    board_lanes: all(`select * from board_lanes where ${boardsIn} order by rowid`),
    board_cards: all(`select * from board_cards where ${boardsIn} order by rowid`),
    board_card_evidence: all(
      `select * from board_card_evidence where card_id in (select id from board_cards where ${boardsIn}) order by rowid`,
    ),
  }
}
