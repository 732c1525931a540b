import { backupsEn } from './features/backups.en'
import { boardsEn } from './features/boards.en'
import { reportsEn } from './features/reports.en'
import { insightsEn } from './features/insights.en'
import { churnEn } from './features/churn.en'
import { companiesEn } from './features/companies.en'
import { evidenceEn } from './features/evidence.en'
import { forcesEn } from './features/forces.en'
import { highlightsEn } from './features/highlights.en'
import { importsEn } from './features/imports.en'
import { interviewsEn } from './features/interviews.en'
import { libraryEn } from './features/library.en'
import { matrixEn } from './features/matrix.en'
import { notesEn } from './features/notes.en'
import { participantsEn } from './features/participants.en'
import { scriptsEn } from './features/scripts.en'
import { searchEn } from './features/search.en'
import { storiesEn } from './features/stories.en'
import { studiesEn } from './features/studies.en'
import { tagsEn } from './features/tags.en'
import { exchangeEn } from './features/exchange.en'

/** English UI strings. Every key here must exist in ru.ts too (test/renderer/i18n.test.ts checks). */
export const en = {
  nav: {
    label: 'Main',
    studies: 'Studies',
    companies: 'Companies',
    people: 'People',
    scripts: 'Scripts',
    codebook: 'Codebook',
    evidence: 'Evidence & search',
    churn: 'Churn reasons',
    forces: 'JTBD forces',
    boards: 'Journey boards',
    insights: 'Insights',
    reports: 'Reports',
    library: 'Library',
  },
  // Each domain keeps its strings in i18n/features/<domain>.<lang>.ts.
  library: libraryEn,
  backups: backupsEn,
  studies: studiesEn,
  companies: companiesEn,
  participants: participantsEn,
  scripts: scriptsEn,
  interviews: interviewsEn,
  tags: tagsEn,
  exchange: exchangeEn,
  highlights: highlightsEn,
  notes: notesEn,
  evidence: evidenceEn,
  search: searchEn,
  churn: churnEn,
  forces: forcesEn,
  matrix: matrixEn,
  stories: storiesEn,
  imports: importsEn,
  boards: boardsEn,
  insights: insightsEn,
  reports: reportsEn,
  common: {
    cancel: 'Cancel',
    save: 'Save',
    edit: 'Edit',
    delete: 'Delete',
    search: 'Search…',
    loading: 'Loading…',
    yes: 'Yes',
    no: 'No',
    errorTitle: 'Could not do that:',
    scope: 'Study',
    wholeLibrary: 'Whole library',
    openInterview: 'Open interview',
    split: {
      A: 'Segment A',
      B: 'Segment B',
      C: 'Segment C',
      D: 'Segment D',
      unsegmented: 'No segment',
      early: 'Within 90 days',
      later: 'After 90 days',
      unknown: 'Unknown',
      voluntary: 'Voluntary',
      involuntary: 'Involuntary',
    },
    untitledInterview: 'Untitled interview',
    quotes_one: '{{count}} quote',
    quotes_other: '{{count}} quotes',
    interview: 'Interview',
  },
  textFile: {
    binary: '“{{file}}” is a binary file (it contains NUL bytes), not a text file.',
    encoding: '“{{file}}” is not UTF-8 or UTF-16 text. Save it as “CSV UTF-8” and choose it again.',
  },
  settings: { language: 'Language' },
  errors: {
    VALIDATION: 'Please check what you entered:',
    NOT_FOUND: 'Not found:',
    CONFLICT: 'Already exists:',
    FORBIDDEN: 'Not allowed:',
    NO_LIBRARY: 'No library is open:',
    LIBRARY_NOT_FOUND: 'Library not found:',
    LIBRARY_EMPTY_FILE: 'Empty file:',
    LIBRARY_NOT_SQLITE: 'Not a library:',
    LIBRARY_FOREIGN: 'Not a library:',
    LIBRARY_DAMAGED: 'Damaged library:',
    LIBRARY_READ_ONLY: 'Read-only:',
    LIBRARY_NEWER_VERSION: 'Made by a newer Fieldnote:',
    LIBRARY_EXISTS: 'File already exists:',
    LIBRARY_IS_FOLDER: 'That is a folder:',
    LIBRARY_UNREADABLE: 'Cannot read the file:',
    BACKUP_FAILED: 'Backup failed:',
    CANCELLED: 'Cancelled:',
    TOO_LARGE: 'Too large:',
    INTERNAL: 'Something went wrong:',
    detail: {
      LIBRARY_NOT_FOUND: 'There is no library at “{{path}}”.',
      LIBRARY_EMPTY_FILE:
        '“{{path}}” is an empty file (0 bytes), not a Fieldnote library. It was left untouched.',
      LIBRARY_NOT_SQLITE:
        '“{{path}}” is not a Fieldnote library (it is not a SQLite database). It was left untouched.',
      LIBRARY_FOREIGN:
        '“{{path}}” is a SQLite database from another program, not a Fieldnote library. It was left untouched.',
      LIBRARY_DAMAGED:
        '“{{path}}” is damaged and cannot be opened safely. It was left untouched; restore it from a backup.',
      LIBRARY_READ_ONLY:
        '“{{path}}” is read-only (or its folder is). Copy it to a folder you can write to, then open the copy.',
      LIBRARY_NEWER_VERSION:
        '“{{path}}” was written by a newer version of Fieldnote. Update Fieldnote to open it; the file was left untouched.',
      LIBRARY_EXISTS:
        '“{{path}}” already exists. Open it, or choose another name; Fieldnote never overwrites a file.',
      LIBRARY_IS_FOLDER:
        '“{{path}}” is a folder, not a library file. Open a .fieldnote file inside it, or add a file name to create a new library there.',
      LIBRARY_UNREADABLE:
        '“{{path}}” cannot be read (no permission). Check its permissions; it was left untouched.',
    },
  },
  method: {
    jtbd_switch: 'JTBD switch interview',
    exit: 'Exit interview',
    journey: 'Journey walk-through',
    discovery: 'Discovery interview',
  },
  studyStatus: { planning: 'Planning', active: 'Active', completed: 'Completed', archived: 'Archived' },
  interviewStatus: { planned: 'Planned', in_progress: 'In progress', done: 'Done' },
  companyStatus: { active: 'Active', churned: 'Churned' },
  churnType: { voluntary: 'Voluntary', involuntary: 'Involuntary' },
  segmentHelp: {
    A: 'essential to them, buy readily',
    B: 'need it, occasional objections',
    C: 'poor fit, long cycle, churn easily',
    D: 'never buy, heavy support load',
  },
  jtbdPhase: {
    first_thought: 'First thought',
    passive_looking: 'Passive looking',
    active_looking: 'Active looking',
    deciding: 'Deciding',
    first_use: 'First use',
    ongoing_use: 'Ongoing use',
  },
  journeyStage: {
    awareness: 'Awareness',
    consideration: 'Consideration',
    decision: 'Decision / purchase',
    onboarding: 'Onboarding & first use',
    regular_use: 'Regular use',
    support: 'Support & service',
    retention: 'Retention / renewal',
    expansion: 'Expansion',
    advocacy: 'Loyalty / advocacy',
    offboarding: 'Offboarding / exit',
  },
  capture: { none: 'No rating', nps: 'NPS 0–10', csat: 'CSAT 1–5', ces: 'CES 1–7', csi: 'CSI drivers 1–5' },
  delete: {
    title: 'Delete {{what}} “{{name}}”?',
    confirm: 'Delete permanently',
    /** The record's name inside the title; other languages need it inflected (ru: accusative). */
    what: {
      study: 'study',
      company: 'company',
      participant: 'participant',
      script: 'script',
      interview: 'interview',
    },
    impact: {
      study: {
        interviews_one: 'Its {{count}} interview will be deleted.',
        interviews_other: 'Its {{count}} interviews will be deleted.',
      },
      company: {
        participants_one: '{{count}} person stays, without a company.',
        participants_other: '{{count}} people stay, without a company.',
        interviews_one: '{{count}} interview stays; it loses the link to this company.',
        interviews_other: '{{count}} interviews stay; they lose the link to this company.',
      },
      participant: {
        interviews_one: '{{count}} interview stays, without a participant.',
        interviews_other: '{{count}} interviews stay, without a participant.',
      },
      script: {
        interviews_one: '{{count}} interview used it; it keeps its own copy of the script.',
        interviews_other: '{{count}} interviews used it; each keeps its own copy of the script.',
      },
      interview: { interviews_one: 'The interview itself.', interviews_other: 'The interviews themselves.' },
      notes_one: '{{count}} question’s notes will be deleted.',
      notes_other: '{{count}} questions’ notes will be deleted.',
      nothingElse: 'Nothing else is affected.',
    },
  },
  editor: {
    toolbar: 'Formatting',
    heading: 'Heading',
    bold: 'Bold',
    italic: 'Italic',
    bulletList: '• List',
    orderedList: '1. List',
    quote: 'Quote',
  },
  ratings: {
    title: 'Ratings',
    nps: {
      question: 'How likely is it that you would recommend us to a friend or colleague?',
      label: 'NPS',
      reason: 'Main reason for the score',
      scaleHint: '0 = not at all likely, 10 = extremely likely',
    },
    csat: {
      question: 'How satisfied are you with your experience with us?',
      label: 'CSAT',
      reason: 'Main reason for the rating',
      scaleHint: '1 = very poor, 5 = excellent',
    },
    ces: {
      question: '“The company made it easy for me to handle my issue.”',
      label: 'CES',
      reason: 'Reason for the rating',
      scaleHint: '1 = strongly disagree, 7 = strongly agree',
    },
    csi: { question: 'Satisfaction with each driver (1 = very dissatisfied, 5 = very satisfied)' },
  },
  metrics: {
    title: 'Metrics',
    nps: 'Recommendation index (NPS)',
    npsShort: 'NPS',
    promoters_one: '{{count}} promoter',
    promoters_other: '{{count}} promoters',
    passives_one: '{{count}} passive',
    passives_other: '{{count}} passives',
    detractors_one: '{{count}} detractor',
    detractors_other: '{{count}} detractors',
    csat: 'CSAT',
    csatDetail_one: 'top-2-box {{top2}}% · {{count}} answer',
    csatDetail_other: 'top-2-box {{top2}}% · {{count}} answers',
    ces: 'CES (ease, 1–7)',
    csi: 'CSI (1–5)',
    csiDetail_one: '{{pct}}% · {{count}} rating',
    csiDetail_other: '{{pct}}% · {{count}} ratings',
    respondents_one: '{{count}} answer',
    respondents_other: '{{count}} answers',
    noAnswers: 'No answers yet',
  },
}

export type Messages = typeof en
