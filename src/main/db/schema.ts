import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import { LANE_KINDS, OPPORTUNITY_STATUSES, PRIORITIES } from '../../shared/domain/board'
import { LANGUAGES, SEGMENTS } from '../../shared/domain/common'
import { CHURN_TYPES, COMPANY_STATUSES } from '../../shared/domain/company'
import { TRANSCRIPT_FORMATS } from '../../shared/domain/highlight'
import { INSIGHT_STATUSES, STANCES } from '../../shared/domain/insight'
import { INTERVIEW_STATUSES } from '../../shared/domain/interview'
import { INTERVIEW_METHODS } from '../../shared/domain/script'
import { STUDY_STATUSES } from '../../shared/domain/study'
import { TAG_KINDS } from '../../shared/domain/tag'

const timestamps = {
  createdAt: text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
}

export const studies = sqliteTable('studies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  goal: text('goal').notNull().default(''),
  method: text('method', { enum: INTERVIEW_METHODS }).notNull(),
  status: text('status', { enum: STUDY_STATUSES }).notNull().default('planning'),
  targetInterviews: integer('target_interviews').notNull().default(10),
  ...timestamps,
})

export const companies = sqliteTable(
  'companies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    segment: text('segment', { enum: SEGMENTS }),
    plan: text('plan').notNull().default(''),
    /** Monthly recurring revenue in minor units (cents), so sums stay exact. */
    mrrMinor: integer('mrr_minor').notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    customerSince: text('customer_since'),
    status: text('status', { enum: COMPANY_STATUSES }).notNull().default('active'),
    churnedOn: text('churned_on'),
    churnType: text('churn_type', { enum: CHURN_TYPES }),
    notes: text('notes').notNull().default(''),
    /** C1, C2… in an anonymized report: given once at creation and never reused, so reports agree. */
    aliasNumber: integer('alias_number'),
    ...timestamps,
  },
  (t) => [index('companies_name_idx').on(t.name), uniqueIndex('companies_alias_idx').on(t.aliasNumber)],
)

export const participants = sqliteTable(
  'participants',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    companyId: text('company_id').references(() => companies.id, { onDelete: 'set null' }),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    consentToRecord: integer('consent_to_record', { mode: 'boolean' }).notNull().default(false),
    /** P1, P2… in an anonymized report: given once at creation and never reused, so reports agree. */
    aliasNumber: integer('alias_number'),
    ...timestamps,
  },
  (t) => [
    index('participants_company_idx').on(t.companyId),
    uniqueIndex('participants_alias_idx').on(t.aliasNumber),
  ],
)

export const scripts = sqliteTable('scripts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  method: text('method', { enum: INTERVIEW_METHODS }).notNull(),
  language: text('language', { enum: LANGUAGES }).notNull(),
  /** ScriptBody JSON (sections → questions → probes), validated by zod on every write. */
  body: text('body').notNull(),
  ...timestamps,
})

export const interviews = sqliteTable(
  'interviews',
  {
    id: text('id').primaryKey(),
    studyId: text('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    participantId: text('participant_id').references(() => participants.id, { onDelete: 'set null' }),
    title: text('title').notNull().default(''),
    /** Where the script came from (a user script id or builtin:key:lang); informative only. */
    scriptSourceId: text('script_source_id'),
    scriptName: text('script_name').notNull(),
    /** The script as it was when the interview was created: editing the script never changes it. */
    scriptSnapshot: text('script_snapshot').notNull(),
    interviewer: text('interviewer').notNull().default(''),
    status: text('status', { enum: INTERVIEW_STATUSES }).notNull().default('planned'),
    scheduledAt: text('scheduled_at'),
    conductedAt: text('conducted_at'),
    plannedMinutes: integer('planned_minutes').notNull().default(60),
    /** Timer: time accumulated while paused plus, when running, now − timerStartedAt. */
    elapsedMs: integer('elapsed_ms').notNull().default(0),
    timerStartedAt: text('timer_started_at'),
    currentQuestionId: text('current_question_id'),
    nps: integer('nps'),
    npsReason: text('nps_reason').notNull().default(''),
    csat: integer('csat'),
    csatReason: text('csat_reason').notNull().default(''),
    ces: integer('ces'),
    cesReason: text('ces_reason').notNull().default(''),
    /** {driverKey: 1..5} */
    csiRatings: text('csi_ratings').notNull().default('{}'),
    /** Set on exit interviews by the researcher; when null the roll-up uses the most-evidenced churn reason. */
    primaryChurnReasonTagId: text('primary_churn_reason_tag_id').references((): AnySQLiteColumn => tags.id, {
      onDelete: 'set null',
    }),
    ...timestamps,
  },
  (t) => [
    index('interviews_study_idx').on(t.studyId),
    index('interviews_participant_idx').on(t.participantId),
    // Covers the churn roll-up's reads of exit interviews: the columns after the large script snapshot
    // would otherwise cost a walk through its overflow pages for every interview.
    index('interviews_rollup_idx').on(
      t.studyId,
      t.participantId,
      t.primaryChurnReasonTagId,
      t.conductedAt,
      t.scheduledAt,
      t.createdAt,
      t.id,
    ),
  ],
)

export const interviewNotes = sqliteTable(
  'interview_notes',
  {
    id: text('id').primaryKey(),
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    /** tiptap/ProseMirror JSON */
    doc: text('doc').notNull(),
    /** Derived plain text, for search and export. */
    plainText: text('plain_text').notNull().default(''),
    /** Elapsed interview time when the first words were written for this question. */
    firstElapsedMs: integer('first_elapsed_ms'),
    revision: integer('revision').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('interview_notes_question_uq').on(t.interviewId, t.questionId)],
)

export const tags = sqliteTable(
  'tags',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnySQLiteColumn => tags.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Stable reason code such as PRC-01; survives renames, so reports stay comparable. */
    code: text('code'),
    kind: text('kind', { enum: TAG_KINDS }).notNull().default('theme'),
    color: text('color').notNull().default('#8a8f98'),
    description: text('description').notNull().default(''),
    ownerTeam: text('owner_team').notNull().default(''),
    prevention: text('prevention').notNull().default(''),
    /** What the tag means to the roll-ups: a force (push…), phase, stage or driver key. */
    semanticKey: text('semantic_key'),
    /** Emotion tags: −2 … +2. */
    emotionScore: integer('emotion_score'),
    position: integer('position').notNull().default(0),
    /** Soft delete, so a delete can be undone; merged tags point at the tag that absorbed them. */
    deletedAt: text('deleted_at'),
    mergedIntoId: text('merged_into_id'),
    ...timestamps,
  },
  (t) => [
    index('tags_parent_idx').on(t.parentId),
    uniqueIndex('tags_code_uq')
      .on(t.code)
      .where(sql`code is not null and deleted_at is null`),
  ],
)

/**
 * What a merge changed, so it can be undone: the source tag's highlight links (and which highlights already
 * had the target), primary reasons, survey mappings, aliases, children and sibling positions, as JSON.
 */
export const tagMerges = sqliteTable(
  'tag_merges',
  {
    id: text('id').primaryKey(),
    sourceId: text('source_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    targetId: text('target_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    snapshot: text('snapshot').notNull(),
    undoneAt: text('undone_at'),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('tag_merges_source_idx').on(t.sourceId)],
)

export const tagAliases = sqliteTable(
  'tag_aliases',
  {
    id: text('id').primaryKey(),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    code: text('code'),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('tag_aliases_tag_idx').on(t.tagId)],
)

export const transcripts = sqliteTable(
  'transcripts',
  {
    id: text('id').primaryKey(),
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    sourceName: text('source_name').notNull().default(''),
    sourceFormat: text('source_format', { enum: TRANSCRIPT_FORMATS }).notNull(),
    /** tiptap JSON: one paragraph per cue/turn, with speaker and start/end times as attributes. */
    doc: text('doc').notNull(),
    plainText: text('plain_text').notNull(),
    ...timestamps,
  },
  (t) => [index('transcripts_interview_idx').on(t.interviewId)],
)

/**
 * What transcript search indexes: consecutive paragraphs of a transcript, cut where a paragraph starts past
 * the next PASSAGE_CHARS boundary of the plain text, so a passage is a few hundred characters. Derived from
 * `transcripts.doc` by triggers (migration 0006) and never written by the app. A hit reads a passage, not a
 * whole transcript, and knows where it is (first paragraph, code-point offset into `plain_text`).
 */
export const transcriptPassages = sqliteTable(
  'transcript_passages',
  {
    /** INTEGER PRIMARY KEY: the FTS index's rowid, which VACUUM must not renumber. */
    id: integer('id').primaryKey(),
    transcriptId: text('transcript_id')
      .notNull()
      .references(() => transcripts.id, { onDelete: 'cascade' }),
    paragraph: integer('paragraph').notNull(),
    start: integer('start').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('transcript_passages_transcript_idx').on(t.transcriptId, t.start)],
)

export const churnSurveyResponses = sqliteTable(
  'churn_survey_responses',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    studyId: text('study_id').references(() => studies.id, { onDelete: 'set null' }),
    respondedOn: text('responded_on').notNull(),
    reasonRaw: text('reason_raw').notNull(),
    /** Null until the reason is mapped to a churn-reason tag (the "unmapped" queue). */
    reasonTagId: text('reason_tag_id').references(() => tags.id, { onDelete: 'set null' }),
    comment: text('comment').notNull().default(''),
    /** MRR lost with this churn, in minor units; null means "use the company's MRR". */
    mrrMinor: integer('mrr_minor'),
    importBatchId: text('import_batch_id'),
    ...timestamps,
  },
  (t) => [index('survey_company_idx').on(t.companyId), index('survey_reason_idx').on(t.reasonTagId)],
)

export const highlights = sqliteTable(
  'highlights',
  {
    id: text('id').primaryKey(),
    interviewId: text('interview_id').references(() => interviews.id, { onDelete: 'cascade' }),
    noteId: text('note_id').references(() => interviewNotes.id, { onDelete: 'cascade' }),
    transcriptId: text('transcript_id').references(() => transcripts.id, { onDelete: 'cascade' }),
    surveyResponseId: text('survey_response_id').references(() => churnSurveyResponses.id, {
      onDelete: 'cascade',
    }),
    /** Unicode code-point offsets into the source's plain text (REFI-QDA PlainTextSelection). */
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
    quote: text('quote').notNull(),
    memo: text('memo').notNull().default(''),
    emotion: integer('emotion'),
    ...timestamps,
  },
  (t) => [
    // (interview_id, id) covers the roll-ups' walk from interviews to highlight tags without reading rows;
    // emotion and created_at let a journey board's curve and quote order come from it too.
    index('highlights_interview_covering_idx').on(t.interviewId, t.id, t.emotion, t.createdAt),
    index('highlights_note_idx').on(t.noteId),
    index('highlights_transcript_idx').on(t.transcriptId),
    index('highlights_survey_idx').on(t.surveyResponseId),
    check(
      'highlights_one_source',
      sql`(note_id is not null) + (transcript_id is not null) + (survey_response_id is not null) = 1`,
    ),
  ],
)

export const highlightTags = sqliteTable(
  'highlight_tags',
  {
    highlightId: text('highlight_id')
      .notNull()
      .references(() => highlights.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    primaryKey({ columns: [t.highlightId, t.tagId] }),
    index('highlight_tags_tag_highlight_idx').on(t.tagId, t.highlightId),
  ],
)

export const jobStories = sqliteTable(
  'job_stories',
  {
    id: text('id').primaryKey(),
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    situation: text('situation').notNull(),
    motivation: text('motivation').notNull(),
    outcome: text('outcome').notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('job_stories_interview_idx').on(t.interviewId)],
)

/**
 * Tags, memo and emotion of note highlights whose text left the note (deleted, cut, or undone). If the
 * same highlight id comes back (undo, paste into another question), they are restored with it.
 */
export const detachedHighlights = sqliteTable('detached_highlights', {
  highlightId: text('highlight_id').primaryKey(),
  interviewId: text('interview_id')
    .notNull()
    .references(() => interviews.id, { onDelete: 'cascade' }),
  tagIds: text('tag_ids').notNull(),
  memo: text('memo').notNull().default(''),
  emotion: integer('emotion'),
  detachedAt: text('detached_at').notNull(),
})

/**
 * How many highlights of each interview carry each tag: a derived index, like the FTS tables, kept exact by
 * triggers on highlight_tags and highlights (resources/drizzle/0005_interview_tag_counts.sql) and rebuilt
 * after every migration. The roll-ups read a few hundred of these rows instead of walking every tagged
 * highlight of every churned company (tens of thousands of index probes in a large library).
 */
export const interviewTagCounts = sqliteTable(
  'interview_tag_counts',
  {
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    highlights: integer('highlights').notNull(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.tagId] })],
)

/**
 * Customer journey map boards of a study. The editor saves a board whole (services/boards), so its stages,
 * lanes and cards are rows with the ids they were created with; `revision` refuses a save made from an older
 * copy (another window) instead of silently overwriting it.
 */
export const boards = sqliteTable(
  'boards',
  {
    id: text('id').primaryKey(),
    studyId: text('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    segment: text('segment', { enum: SEGMENTS }),
    persona: text('persona').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('boards_study_idx').on(t.studyId)],
)

export const boardStages = sqliteTable(
  'board_stages',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    /** The journey-stage tag whose quotes feed the stage; a deleted tag keeps the link (it can be restored). */
    tagId: text('tag_id').references(() => tags.id, { onDelete: 'set null' }),
    emotionToBe: real('emotion_to_be'),
    emotionOverride: real('emotion_override'),
    emotionNote: text('emotion_note').notNull().default(''),
  },
  (t) => [index('board_stages_board_idx').on(t.boardId, t.position)],
)

export const boardLanes = sqliteTable(
  'board_lanes',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: LANE_KINDS }).notNull(),
    name: text('name').notNull(),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('board_lanes_board_idx').on(t.boardId, t.position)],
)

export const boardCards = sqliteTable(
  'board_cards',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    laneId: text('lane_id')
      .notNull()
      .references(() => boardLanes.id, { onDelete: 'cascade' }),
    stageId: text('stage_id')
      .notNull()
      .references(() => boardStages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull().default(''),
    tagId: text('tag_id').references(() => tags.id, { onDelete: 'set null' }),
    channel: text('channel').notNull().default(''),
    /** JSON array of team keys (shared/domain/board TEAMS). */
    teams: text('teams').notNull().default('[]'),
    owner: text('owner').notNull().default(''),
    priority: text('priority', { enum: PRIORITIES }),
    status: text('status', { enum: OPPORTUNITY_STATUSES }),
    /** JSON array of the barrier card ids an opportunity answers. */
    answers: text('answers').notNull().default('[]'),
  },
  (t) => [index('board_cards_board_idx').on(t.boardId, t.position)],
)

/** A card's cited quotes; deleting the highlight removes the citation (and only it). */
export const boardCardEvidence = sqliteTable(
  'board_card_evidence',
  {
    cardId: text('card_id')
      .notNull()
      .references(() => boardCards.id, { onDelete: 'cascade' }),
    highlightId: text('highlight_id')
      .notNull()
      .references(() => highlights.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cardId, t.highlightId] }),
    index('board_card_evidence_highlight_idx').on(t.highlightId),
  ],
)

/**
 * A finding stated in rich text with its evidence. study_id is null for an insight spanning studies.
 * Confidence is never stored: it is computed on read from insight_evidence (docs/decisions.md).
 */
export const insights = sqliteTable(
  'insights',
  {
    id: text('id').primaryKey(),
    studyId: text('study_id').references(() => studies.id, { onDelete: 'set null' }),
    /** The statement as a tiptap document (JSON), like notes. */
    statementJson: text('statement_json').notNull(),
    /** Its plain text, for search and exports. */
    statementText: text('statement_text').notNull().default(''),
    status: text('status', { enum: INSIGHT_STATUSES }).notNull().default('draft'),
    owner: text('owner').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('insights_study_idx').on(t.studyId)],
)

/** A linked quote and whether it backs or contradicts the insight; deleting the highlight removes only the link. */
export const insightEvidence = sqliteTable(
  'insight_evidence',
  {
    insightId: text('insight_id')
      .notNull()
      .references(() => insights.id, { onDelete: 'cascade' }),
    highlightId: text('highlight_id')
      .notNull()
      .references(() => highlights.id, { onDelete: 'cascade' }),
    stance: text('stance', { enum: STANCES }).notNull().default('for'),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.insightId, t.highlightId] }),
    index('insight_evidence_highlight_idx').on(t.highlightId),
  ],
)

export const insightTags = sqliteTable(
  'insight_tags',
  {
    insightId: text('insight_id')
      .notNull()
      .references(() => insights.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.insightId, t.tagId] }), index('insight_tags_tag_idx').on(t.tagId)],
)
