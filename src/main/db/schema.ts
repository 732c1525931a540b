import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

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
  method: text('method', { enum: ['jtbd_switch', 'exit', 'journey', 'discovery'] }).notNull(),
  status: text('status', { enum: ['planning', 'active', 'completed', 'archived'] })
    .notNull()
    .default('planning'),
  targetInterviews: integer('target_interviews').notNull().default(10),
  ...timestamps,
})

export const companies = sqliteTable(
  'companies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    segment: text('segment', { enum: ['A', 'B', 'C', 'D'] }),
    plan: text('plan').notNull().default(''),
    /** Monthly recurring revenue in minor units (cents), so sums stay exact. */
    mrrMinor: integer('mrr_minor').notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    customerSince: text('customer_since'),
    status: text('status', { enum: ['active', 'churned'] })
      .notNull()
      .default('active'),
    churnedOn: text('churned_on'),
    churnType: text('churn_type', { enum: ['voluntary', 'involuntary'] }),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('companies_name_idx').on(t.name)],
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
    ...timestamps,
  },
  (t) => [index('participants_company_idx').on(t.companyId)],
)

export const scripts = sqliteTable('scripts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  method: text('method', { enum: ['jtbd_switch', 'exit', 'journey', 'discovery'] }).notNull(),
  language: text('language', { enum: ['en', 'ru'] }).notNull(),
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
    status: text('status', { enum: ['planned', 'in_progress', 'done'] })
      .notNull()
      .default('planned'),
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
    ...timestamps,
  },
  (t) => [
    index('interviews_study_idx').on(t.studyId),
    index('interviews_participant_idx').on(t.participantId),
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
