import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contracts'

/**
 * A participant to forget whose words carry a canary, and one to keep. The canary's FTS5 tokens ("qz7canary",
 * "7f3a91e2") start with letters no other indexed word starts with, so a leaf page of the index cannot store
 * them as a suffix after a shared prefix: a raw-bytes search finds them wherever they are.
 */
export const CANARY = 'QZ7CANARY-7f3a91e2'
export const CANARY_TOKENS = ['qz7canary', '7f3a91e2']
export const ZELDA = { name: 'Zelda Brightwater', email: 'zelda@brightwater.test' }
/** The kept participant's word, in every kind of text search indexes. */
export const KEPT_WORD = 'lighthouse'

type Call = <C extends Channel>(channel: C, input?: ChannelInput<C>) => Promise<ChannelOutput<C>>

const p = (...content: object[]) => ({ type: 'paragraph', content })
const txt = (text: string, ids?: string[]) =>
  ids ? { type: 'text', text, marks: [{ type: 'highlight', attrs: { ids } }] } : { type: 'text', text }

/** A note with one highlighted passage, as the editor saves it. */
async function note(
  call: Call,
  interviewId: string,
  questionId: string,
  before: string,
  quote: string,
  id: string,
) {
  await call('notes:save', {
    interviewId,
    questionId,
    doc: { type: 'doc', content: [p(txt(before), txt(quote, [id]))] },
    plainText: `${before}${quote}`,
    elapsedMs: 60_000,
  })
  const all = await call('highlights:listForInterview', { interviewId })
  const h = all.find((x) => x.id === id)
  if (!h) throw new Error(`no highlight ${id}`)
  return h
}

export async function seedForget(call: Call, tick: () => void) {
  const study = await call('studies:create', { name: 'Exit study', method: 'exit', targetInterviews: 5 })
  const acme = await call('companies:create', { name: 'Acme', segment: 'A', mrrMinor: 50_000 })
  const beta = await call('companies:create', { name: 'Beta', segment: 'B', mrrMinor: 20_000 })
  tick()
  const zelda = await call('participants:create', { ...ZELDA, companyId: acme.id, role: 'Ops lead' })
  const bob = await call('participants:create', { name: 'Bob Roe', companyId: beta.id })
  const script = 'builtin:exit:en'
  const zi = await call('interviews:create', { studyId: study.id, participantId: zelda.id, scriptId: script })
  const bi = await call('interviews:create', { studyId: study.id, participantId: bob.id, scriptId: script })
  const q = zi.currentQuestionId ?? ''
  // Autosave history: a long first draft (overflow pages) and edits, each leaving an older copy behind.
  for (const draft of [`Long draft ${CANARY} `.repeat(300), `Shorter draft ${CANARY}`, 'Draft'])
    await call('notes:save', {
      interviewId: zi.id,
      questionId: q,
      doc: { type: 'doc', content: [p(txt(draft))] },
      plainText: draft,
      elapsedMs: 30_000,
    })
  const zNote = await note(call, zi.id, q, 'She said ', `pricing broke us ${CANARY}`, 'h-zelda-note')
  await call('highlights:update', { id: zNote.id, memo: `memo ${CANARY}` })
  const bNote = await note(
    call,
    bi.id,
    bi.currentQuestionId ?? '',
    'Bob: ',
    `the ${KEPT_WORD} onboarding was slow`,
    'h-bob-note',
  )
  const zt = await call('transcripts:import', {
    interviewId: zi.id,
    files: [{ name: 'zelda.txt', text: `Zelda: We left because ${CANARY} cost too much.` }],
  })
  const zTranscript = zt.imported[0]?.id ?? ''
  const zQuote = await call('highlights:create', {
    source: { type: 'transcript', transcriptId: zTranscript },
    start: 0,
    end: 20,
    memo: `transcript memo ${CANARY}`,
  })
  const bt = await call('transcripts:import', {
    interviewId: bi.id,
    files: [{ name: 'bob.txt', text: `Bob: The ${KEPT_WORD} report saved us hours.` }],
  })
  await call('interviews:update', { id: zi.id, nps: 3, npsReason: `because ${CANARY}` })
  await call('interviews:update', { id: bi.id, nps: 9, npsReason: `the ${KEPT_WORD} view` })
  await call('stories:create', {
    interviewId: zi.id,
    situation: `When ${CANARY} happened`,
    motivation: 'I want',
    outcome: 'so that',
  })
  await call('imports:churnSurvey', {
    csv: 'date,company,reason,comment,mrr\n2025-04-01,Acme,Too expensive,Acme found the pricebook rigid,500\n',
    studyId: study.id,
    skipInvalid: false,
    dryRun: false,
  })
  const insight = await call('insights:create', {
    studyId: study.id,
    statement: { type: 'doc', content: [p(txt('Pricing drives exits'))] },
    from: { kind: 'highlights', highlightIds: [zNote.id, bNote.id] },
  })
  const board = await call('boards:create', {
    studyId: study.id,
    name: 'Exit journey',
    template: 'saas_default',
    language: 'en',
  })
  const [card, ...rest] = board.content.cards
  if (!card) throw new Error('the template has no card')
  await call('boards:save', {
    id: board.id,
    baseRevision: board.revision,
    content: { ...board.content, cards: [{ ...card, evidence: [zQuote.id, bNote.id] }, ...rest] },
  })
  const theme = await call('tags:create', { name: 'Pricing', kind: 'theme' })
  const spare = await call('tags:create', { name: 'Cost', kind: 'theme' })
  await call('highlights:setTags', { id: zNote.id, tagIds: [theme.id] })
  await call('highlights:setTags', { id: bNote.id, tagIds: [theme.id] })
  const merged = await call('tags:merge', { sourceId: theme.id, targetId: spare.id })
  tick()
  return {
    study,
    acme,
    zelda,
    bob,
    zi,
    bi,
    zNote,
    bNote,
    zQuote,
    bobTranscript: bt.imported[0]?.id ?? '',
    insight,
    board,
    cardId: card.id,
    theme,
    mergeId: merged.mergeId,
  }
}
