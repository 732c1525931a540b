import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contracts'
import { docPlainText, type JsonNode } from '../../src/shared/text/plain-text'
import { nameKey } from '../../src/shared/text/name-key'
import { PAYLOADS, type Payload } from './xss-corpus'
import {
  codebookQdc,
  companiesCsv,
  oneLine,
  projectQdpx,
  speakersTxt,
  surveyCsv,
  transcriptSrt,
  transcriptTxt,
  transcriptVtt,
} from './xss-files'

/**
 * A library full of the XSS corpus, put there through the app's own channels (the main tests' dispatch, or the
 * browser tests' web bridge): every payload is a board card, a paragraph of notes, a transcript paragraph and a
 * survey comment; slices of them name studies, companies, people, interviews, script questions, tags, speakers,
 * memos, stages, lanes and insights; CSV, transcript, codebook and REFI-QDA imports carry more. Notes also hold
 * tiptap JSON no editor would write (a javascript: link mark, unknown nodes, attributes with markup).
 */
export type Invoke = <C extends Channel>(channel: C, input?: ChannelInput<C>) => Promise<ChannelOutput<C>>

export const JTBD_EN = 'builtin:jtbd-switch:en'

export interface XssLibrary {
  studyId: string
  studyName: string
  importedStudyId: string
  /** The board of the report's study (40 cards). */
  reportBoardId: string
  /** A board with every payload a card, in a study of its own. */
  boardId: string
  interviewIds: string[]
  /** The interview whose notes and transcripts hold the whole corpus. */
  interviewId: string
  questionIds: string[]
  transcriptId: string
  tagIds: string[]
  insightIds: string[]
  companyNames: string[]
  participantNames: string[]
}

/** `n` payloads starting at `from`, wrapping around the corpus. */
export const slice = (from: number, n: number): Payload[] =>
  Array.from({ length: n }, (_, i) => PAYLOADS[(from + i) % PAYLOADS.length]!)

/** Distinct one-line names (as the app compares names) from the payloads, at most `n`. */
export function names(payloads: readonly Payload[], n: number, max = 200): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const p of payloads) {
    const name = oneLine(p, max)
    if (!name || seen.has(nameKey(name))) continue
    seen.add(nameKey(name))
    out.push(name)
    if (out.length === n) break
  }
  return out
}

const text = (t: string, marks?: JsonNode['marks']): JsonNode => ({
  type: 'text',
  text: t,
  ...(marks && { marks }),
})
const para = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content })
const doc = (content: JsonNode[]) => ({ type: 'doc' as const, content })

/** Every payload a paragraph; some bold or italic, and every sixth one a highlight (mark ids of our own). */
function corpusNote(payloads: readonly Payload[]) {
  return doc(
    payloads.map((p) => {
      const line = p.text.replace(/\n/g, ' ')
      const marks: NonNullable<JsonNode['marks']> = []
      if (p.id % 6 === 0) marks.push({ type: 'highlight', attrs: { ids: [`xss-note-${p.id}`] } })
      if (p.id % 4 === 1) marks.push({ type: 'bold' })
      if (p.id % 4 === 2) marks.push({ type: 'italic' })
      return para(text(line, marks.length ? marks : undefined))
    }),
  )
}

/** Blocks of every kind the notes editor has, each holding payloads. */
function blocksNote(payloads: readonly Payload[]) {
  const [a, b, c, d, e, f] = payloads.map((p) => p.text)
  return doc([
    { type: 'heading', attrs: { level: 3 }, content: [text(a!)] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para(text(b!))] },
        { type: 'listItem', content: [para(text(c!))] },
      ],
    },
    { type: 'orderedList', content: [{ type: 'listItem', content: [para(text(d!))] }] },
    { type: 'blockquote', content: [para(text(e!))] },
    para(text(f!, [{ type: 'bold' }, { type: 'italic' }])),
  ])
}

/**
 * tiptap JSON that only a crafted file or request could hold: one per note, since an editor refuses a whole
 * document it cannot read. Exported so the tests can say what they looked for.
 */
export const CRAFTED_NOTES: { name: string; doc: ReturnType<typeof doc> }[] = [
  {
    name: 'javascript: link mark',
    doc: doc([
      para(
        text('a link mark with a javascript: href', [
          { type: 'link', attrs: { href: 'javascript:__xss(9001)', target: '_blank' } },
        ]),
      ),
    ]),
  },
  {
    name: 'data: link mark',
    doc: doc([
      para(
        text('a data: link', [
          { type: 'link', attrs: { href: 'data:text/html,<script>top.__xss(9002)</script>' } },
        ]),
      ),
    ]),
  },
  {
    name: 'image and iframe nodes',
    doc: doc([
      { type: 'image', attrs: { src: 'x', alt: '<img src=x onerror=__xss(9003)>', onerror: '__xss(9003)' } },
      {
        type: 'iframe',
        attrs: { src: 'javascript:top.__xss(9004)', srcdoc: '<script>top.__xss(9004)</script>' },
      },
    ]),
  },
  {
    name: 'attributes with markup',
    doc: doc([
      {
        type: 'heading',
        attrs: { level: '3"><img src=x onerror=__xss(9005)>' },
        content: [text('heading level payload')],
      },
      para(
        text('a bold mark with an onclick', [
          { type: 'bold', attrs: { onclick: '__xss(9006)', style: 'x:expression(__xss(9006))' } },
        ]),
      ),
      {
        type: 'paragraph',
        attrs: { elapsedMs: '"><img src=x onerror=__xss(9007)>', class: 'x" onmouseover="__xss(9007)' },
        content: [text('a paragraph whose attributes are payloads')],
      },
      para(
        text('highlight ids that are payloads', [
          { type: 'highlight', attrs: { ids: ['"><img src=x onerror=__xss(9008)>'] } },
        ]),
      ),
    ]),
  },
]

const plain = (d: ReturnType<typeof doc>): string => docPlainText(d).text

type BoardContent = ChannelOutput<'boards:get'>['content']

/** A board's content with payloads for stage and lane names and a card per payload (every ninth citing quotes). */
function boardContent(
  template: BoardContent,
  cards: readonly Payload[],
  highlightIds: readonly string[],
  prefix: string,
) {
  const cardLanes = template.lanes.filter((l) => ['text', 'touchpoints', 'opportunities'].includes(l.kind))
  const stageNames = names(slice(120, 60), template.stages.length)
  const laneNames = names(slice(180, 60), template.lanes.length)
  return {
    stages: template.stages.map((s, i) => ({ ...s, name: stageNames[i]!, emotionNote: PAYLOADS[i]!.text })),
    lanes: template.lanes.map((l, i) => ({ ...l, name: laneNames[i]! })),
    cards: cards.map((p, i) => ({
      id: `${prefix}-${p.id}`,
      laneId: cardLanes[i % cardLanes.length]!.id,
      stageId: template.stages[Math.floor(i / cardLanes.length) % template.stages.length]!.id,
      text: p.text,
      channel: oneLine(PAYLOADS[(p.id + 1) % PAYLOADS.length]!) ?? '',
      owner: oneLine(PAYLOADS[(p.id + 2) % PAYLOADS.length]!) ?? '',
      evidence: i % 9 === 0 && highlightIds.length ? highlightIds.slice(i % 5, (i % 5) + 2) : [],
    })),
  }
}

export async function seedXssLibrary(invoke: Invoke): Promise<XssLibrary> {
  await invoke('tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })

  // A script of our own: its sections, questions and probes are payloads, and the runner shows them.
  const script = await invoke('scripts:duplicate', { id: JTBD_EN, name: names(slice(40, 3), 1)[0]! })
  const questionIds: string[] = []
  const sections = [0, 1, 2].map((s) => ({
    id: `xss-s${s}`,
    title: oneLine(PAYLOADS[250 + s]!, 300) ?? 'Section',
    guidance: PAYLOADS[260 + s]!.text,
    minutes: 10,
    questions: [0, 1, 2, 3].map((q) => {
      const id = `xss-q${s * 4 + q}`
      questionIds.push(id)
      return {
        id,
        text: oneLine(PAYLOADS[(s * 4 + q) * 7 + 3]!, 2000) ?? 'Question',
        probes: names(slice((s * 4 + q) * 11, 3), 2),
        capture: s === 0 && q === 3 ? ('nps' as const) : ('none' as const),
      }
    }),
  }))
  await invoke('scripts:update', { id: script.id, body: { sections } })

  const studyName = `${PAYLOADS.find((p) => p.text.startsWith('<img src=x onerror=__xss'))!.text} exit study`
  const study = await invoke('studies:create', {
    name: studyName,
    goal: slice(0, 20)
      .map((p) => p.text)
      .join('\n'),
    method: 'exit',
    targetInterviews: 5,
  })

  const companyNames = names(slice(100, 40), 12)
  const participantNames = names(slice(160, 40), 12)
  const companies = []
  for (const [i, name] of companyNames.entries()) {
    const c = await invoke('companies:create', {
      name,
      segment: (['A', 'B', 'C', 'D'] as const)[i % 4],
      plan: oneLine(PAYLOADS[300 + i]!) ?? '',
      notes: PAYLOADS[310 + i]!.text,
      mrrMinor: 10_000 * (i + 1),
      customerSince: '2025-01-01',
      ...(i % 2 === 0 && {
        status: 'churned' as const,
        churnedOn: '2025-06-01',
        churnType: 'voluntary' as const,
      }),
    })
    companies.push(c)
  }
  const people = []
  for (const [i, name] of participantNames.entries())
    people.push(
      await invoke('participants:create', {
        name,
        role: oneLine(PAYLOADS[200 + i]!) ?? '',
        companyId: companies[i]!.id,
      }),
    )

  const interviewIds: string[] = []
  for (const [i, person] of people.slice(0, 3).entries()) {
    const iv = await invoke('interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: script.id,
      title: oneLine(PAYLOADS[220 + i]!, 300) ?? '',
      interviewer: oneLine(PAYLOADS[230 + i]!) ?? '',
    })
    await invoke('interviews:update', {
      id: iv.id,
      nps: 3 + i,
      npsReason: PAYLOADS[240 + i]!.text,
      csat: 2,
      csatReason: PAYLOADS[243 + i]!.text,
      status: 'done',
      conductedAt: `2025-05-0${i + 1}T10:00:00.000Z`,
    })
    interviewIds.push(iv.id)
  }
  const interviewId = interviewIds[0]!

  // Board first: it makes the journey-stage tags that the quotes below are tagged with.
  const created = await invoke('boards:create', {
    studyId: study.id,
    name: `${oneLine(PAYLOADS.find((p) => p.context === 'svg')!)!} journey`,
    description: PAYLOADS[5]!.text,
    persona: '',
    template: 'saas_default',
    language: 'en',
  })

  const notes: ReturnType<typeof doc>[] = [
    corpusNote(PAYLOADS),
    blocksNote(slice(17, 6)),
    ...CRAFTED_NOTES.map((n) => n.doc),
  ]
  for (const [i, d] of notes.entries())
    await invoke('notes:save', { interviewId, questionId: questionIds[i]!, doc: d, plainText: plain(d) })

  const { imported } = await invoke('transcripts:import', {
    interviewId,
    files: [
      { name: `${oneLine(PAYLOADS[0]!)}.txt`, text: transcriptTxt() },
      { name: `${oneLine(PAYLOADS[2]!)}.vtt`, text: transcriptVtt(slice(30, 80)) },
      { name: `${oneLine(PAYLOADS[4]!)}.srt`, text: transcriptSrt(slice(110, 80)) },
    ],
  })
  await invoke('transcripts:import', {
    interviewId: interviewIds[1]!,
    files: [{ name: 'speakers.txt', text: speakersTxt(slice(190, 40)) }],
  })
  const transcriptId = imported[0]!.id

  const tagIds: string[] = []
  for (const [i, name] of names(slice(60, 120), 40).entries()) {
    const tag = await invoke('tags:create', {
      name,
      kind: i < 5 ? 'churn_reason' : 'theme',
      description: PAYLOADS[(i * 3) % PAYLOADS.length]!.text.slice(0, 4000),
      ownerTeam: oneLine(PAYLOADS[(i * 5 + 1) % PAYLOADS.length]!) ?? '',
      prevention: PAYLOADS[(i * 7 + 2) % PAYLOADS.length]!.text,
    })
    tagIds.push(tag.id)
  }
  const stageTags = created.content.stages.map((s) => s.tagId).filter((t): t is string => !!t)

  // Quotes in the big transcript: a payload each, tagged, with a payload memo and an emotion.
  const t = await invoke('transcripts:get', { id: transcriptId })
  const cps = [...t.plainText]
  const highlightIds: string[] = []
  for (const [i, p] of PAYLOADS.filter((_, k) => k % 6 === 0).entries()) {
    const line = p.text.replace(/[\r\n]+/g, ' ').trim()
    const at = t.plainText.indexOf(line)
    if (at < 0 || !line) continue
    const start = [...t.plainText.slice(0, at)].length
    const h = await invoke('highlights:create', {
      source: { type: 'transcript', transcriptId },
      start,
      end: Math.min(cps.length, start + [...line].length),
      tagIds: [tagIds[i % tagIds.length]!, stageTags[i % stageTags.length]!],
      memo: PAYLOADS[(p.id + 50) % PAYLOADS.length]!.text,
      emotion: ((i % 5) - 2) as -2 | -1 | 0 | 1 | 2,
    })
    highlightIds.push(h.id)
  }
  // Quotes typed in the notes (their rows come from the marks): tagged and given memos too.
  for (const h of (await invoke('highlights:listForInterview', { interviewId })).filter((h) =>
    h.id.startsWith('xss-note-'),
  )) {
    const n = Number(h.id.slice('xss-note-'.length))
    await invoke('highlights:setTags', { id: h.id, tagIds: [tagIds[n % tagIds.length]!] })
    if (n % 12 === 0)
      await invoke('highlights:update', { id: h.id, memo: PAYLOADS[(n + 50) % PAYLOADS.length]!.text })
  }

  // The report's board: 40 payloads as cards, some citing quotes. The whole corpus goes on a board of a study of
  // its own (below), so the report does not rasterize 341 cards into every DOCX and PPTX (that took 10–30 s).
  await invoke('boards:save', {
    id: created.id,
    baseRevision: created.revision,
    content: boardContent(created.content, slice(40, 40), highlightIds, 'xss-report-card'),
  })
  const boardStudy = await invoke('studies:create', {
    name: `${oneLine(PAYLOADS[9]!)} boards`,
    method: 'journey',
    targetInterviews: 1,
  })
  const big = await invoke('boards:create', {
    studyId: boardStudy.id,
    name: `${oneLine(PAYLOADS.filter((p) => p.context === 'svg')[1]!)!} every payload`,
    description: PAYLOADS[6]!.text,
    persona: oneLine(PAYLOADS[8]!) ?? '',
    template: 'saas_default',
    language: 'en',
  })
  await invoke('boards:save', {
    id: big.id,
    baseRevision: big.revision,
    content: boardContent(big.content, PAYLOADS, [], 'xss-card'),
  })

  // Insights: statements of ~40 payloads each (every payload in one), owners, quotes for and against.
  const insightIds: string[] = []
  for (let k = 0; k < 9; k++) {
    const part = PAYLOADS.filter((p) => p.id % 9 === k)
    const statement = doc(
      part.map((p, i) => para(text(p.text, i % 3 === 0 ? [{ type: 'bold' }] : undefined))),
    )
    const insight = await invoke('insights:create', {
      studyId: study.id,
      statement,
      owner: oneLine(PAYLOADS[(k * 13) % PAYLOADS.length]!) ?? '',
      tagIds: [tagIds[k]!],
      from: { kind: 'highlights', highlightIds: highlightIds.slice(k * 4, k * 4 + 6) },
    })
    await invoke('insights:link', {
      id: insight.id,
      highlightIds: highlightIds.slice(50, 52),
      stance: 'against',
    })
    insightIds.push(insight.id)
  }
  insightIds.push(
    (
      await invoke('insights:create', {
        studyId: study.id,
        statement: CRAFTED_NOTES[0]!.doc,
        from: { kind: 'tag', tagId: tagIds[0]! },
      })
    ).id,
  )

  // Imports: a CRM export and a cancellation survey, a codebook, and a REFI-QDA project.
  const csvCompanies = names(slice(10, 120), 40)
  const formulas = PAYLOADS.filter((p) => p.context === 'formula').map((p) => p.text)
  const companyImport = await invoke('imports:companies', {
    csv: companiesCsv(csvCompanies, formulas),
    skipInvalid: true,
  })
  if (companyImport.imported < 20)
    throw new Error(`companies CSV: only ${companyImport.imported} rows imported`)
  const survey = await invoke('imports:churnSurvey', {
    csv: surveyCsv(csvCompanies, PAYLOADS),
    studyId: study.id,
    skipInvalid: true,
  })
  if (survey.imported < 200) throw new Error(`survey CSV: only ${survey.imported} rows imported`)
  await invoke('tags:importQdc', { xml: codebookQdc(slice(270, 20)) })
  const project = await invoke('exchange:importQdpx', {
    name: 'payloads.qdpx',
    base64: Buffer.from(projectQdpx(`${PAYLOADS[7]!.text} project`, slice(20, 60))).toString('base64'),
  })

  return {
    studyId: study.id,
    studyName: study.name,
    importedStudyId: project.study.id,
    reportBoardId: created.id,
    boardId: big.id,
    interviewIds,
    interviewId,
    questionIds,
    transcriptId,
    tagIds,
    insightIds,
    companyNames,
    participantNames,
  }
}
