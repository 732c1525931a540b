import { dirname } from 'node:path'
import { AppError } from '../../shared/ipc/errors'
import { listFolder } from '../library/folder-browser'
import * as companies from '../services/companies'
import * as interviews from '../services/interviews'
import * as notes from '../services/notes'
import * as participants from '../services/participants'
import * as scripts from '../services/scripts'
import * as studies from '../services/studies'
import type { HandlerTable } from './handler-types'
import { analysisHandlers } from './handlers/analysis'
import { codebookHandlers } from './handlers/codebook'
import { evidenceHandlers } from './handlers/evidence'
import { highlightsHandlers } from './handlers/highlights'

export type { HandlerTable } from './handler-types'

/** Each handler is one line: pick the library context and call a service. Logic lives in services. */
export const handlers: HandlerTable = {
  'app:info': (app) => ({
    version: app.shell.version,
    shell: app.shell.kind,
    canChooseFiles: Boolean(app.shell.chooseLibraryFile),
    defaultLibraryPath: app.libraries.defaultLibraryPath,
    startupError: app.libraries.startupError,
  }),
  'app:setLanguage': (app, i) => {
    app.shell.setLanguage?.(i.language)
    return { ok: true }
  },
  'library:current': (app) => app.libraries.current(),
  'library:open': (app, i) => app.libraries.open(i.path),
  'library:create': (app, i) => app.libraries.create(i.path),
  'library:recent': (app) => app.libraries.recent(),
  'library:choose': async (app, i) => ({
    path: app.shell.chooseLibraryFile
      ? await app.shell.chooseLibraryFile(i.mode, app.libraries.defaultLibraryPath)
      : null,
  }),
  'library:browse': (app, i) => {
    // Where the system dialog exists, the page has no business listing folders itself.
    if (app.shell.chooseLibraryFile)
      throw new AppError('FORBIDDEN', 'The desktop app chooses library files with the system dialog.')
    const current = app.libraries.current()?.path ?? app.libraries.defaultLibraryPath
    return listFolder(i.dir, dirname(current))
  },

  'studies:list': (ctx, i) => studies.listStudies(ctx, i),
  'studies:get': (ctx, i) => studies.getStudy(ctx, i.id),
  'studies:create': (ctx, i) => studies.createStudy(ctx, i),
  'studies:update': (ctx, i) => studies.updateStudy(ctx, i),
  'studies:deleteImpact': (ctx, i) => studies.studyDeleteImpact(ctx, i.id),
  'studies:delete': (ctx, i) => studies.deleteStudy(ctx, i.id),

  'companies:list': (ctx, i) => companies.listCompanies(ctx, i),
  'companies:get': (ctx, i) => companies.getCompany(ctx, i.id),
  'companies:create': (ctx, i) => companies.createCompany(ctx, i),
  'companies:update': (ctx, i) => companies.updateCompany(ctx, i),
  'companies:deleteImpact': (ctx, i) => companies.companyDeleteImpact(ctx, i.id),
  'companies:delete': (ctx, i) => companies.deleteCompany(ctx, i.id),
  'companies:segmentShares': (ctx) => companies.companySegmentShares(ctx),

  'participants:list': (ctx, i) => participants.listParticipants(ctx, i),
  'participants:get': (ctx, i) => participants.getParticipant(ctx, i.id),
  'participants:create': (ctx, i) => participants.createParticipant(ctx, i),
  'participants:update': (ctx, i) => participants.updateParticipant(ctx, i),
  'participants:deleteImpact': (ctx, i) => participants.participantDeleteImpact(ctx, i.id),
  'participants:delete': (ctx, i) => participants.deleteParticipant(ctx, i.id),

  'scripts:list': (ctx, i) => scripts.listScripts(ctx, i),
  'scripts:get': (ctx, i) => scripts.getScript(ctx, i.id),
  'scripts:duplicate': (ctx, i) => scripts.duplicateScript(ctx, i),
  'scripts:update': (ctx, i) => scripts.updateScript(ctx, i),
  'scripts:deleteImpact': (ctx, i) => scripts.scriptDeleteImpact(ctx, i.id),
  'scripts:delete': (ctx, i) => scripts.deleteScript(ctx, i.id),

  'interviews:list': (ctx, i) => interviews.listInterviews(ctx, i),
  'interviews:get': (ctx, i) => interviews.getInterview(ctx, i.id),
  'interviews:create': (ctx, i) => interviews.createInterview(ctx, i),
  'interviews:update': (ctx, i) => interviews.updateInterview(ctx, i),
  'interviews:timer': (ctx, i) => interviews.interviewTimer(ctx, i),
  'interviews:deleteImpact': (ctx, i) => interviews.interviewDeleteImpact(ctx, i.id),
  'interviews:delete': (ctx, i) => interviews.deleteInterview(ctx, i.id),

  'notes:list': (ctx, i) => notes.listNotes(ctx, i),
  'notes:save': (ctx, i) => notes.saveNote(ctx, i),

  ...codebookHandlers,
  ...highlightsHandlers,
  ...evidenceHandlers,
  ...analysisHandlers,
}
