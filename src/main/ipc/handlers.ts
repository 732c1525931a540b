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

  'studies:list': (app, i) => studies.listStudies(app.libraries.context(), i),
  'studies:get': (app, i) => studies.getStudy(app.libraries.context(), i.id),
  'studies:create': (app, i) => studies.createStudy(app.libraries.context(), i),
  'studies:update': (app, i) => studies.updateStudy(app.libraries.context(), i),
  'studies:deleteImpact': (app, i) => studies.studyDeleteImpact(app.libraries.context(), i.id),
  'studies:delete': (app, i) => studies.deleteStudy(app.libraries.context(), i.id),

  'companies:list': (app, i) => companies.listCompanies(app.libraries.context(), i),
  'companies:get': (app, i) => companies.getCompany(app.libraries.context(), i.id),
  'companies:create': (app, i) => companies.createCompany(app.libraries.context(), i),
  'companies:update': (app, i) => companies.updateCompany(app.libraries.context(), i),
  'companies:deleteImpact': (app, i) => companies.companyDeleteImpact(app.libraries.context(), i.id),
  'companies:delete': (app, i) => companies.deleteCompany(app.libraries.context(), i.id),
  'companies:segmentShares': (app) => companies.companySegmentShares(app.libraries.context()),

  'participants:list': (app, i) => participants.listParticipants(app.libraries.context(), i),
  'participants:get': (app, i) => participants.getParticipant(app.libraries.context(), i.id),
  'participants:create': (app, i) => participants.createParticipant(app.libraries.context(), i),
  'participants:update': (app, i) => participants.updateParticipant(app.libraries.context(), i),
  'participants:deleteImpact': (app, i) =>
    participants.participantDeleteImpact(app.libraries.context(), i.id),
  'participants:delete': (app, i) => participants.deleteParticipant(app.libraries.context(), i.id),

  'scripts:list': (app, i) => scripts.listScripts(app.libraries.context(), i),
  'scripts:get': (app, i) => scripts.getScript(app.libraries.context(), i.id),
  'scripts:duplicate': (app, i) => scripts.duplicateScript(app.libraries.context(), i),
  'scripts:update': (app, i) => scripts.updateScript(app.libraries.context(), i),
  'scripts:deleteImpact': (app, i) => scripts.scriptDeleteImpact(app.libraries.context(), i.id),
  'scripts:delete': (app, i) => scripts.deleteScript(app.libraries.context(), i.id),

  'interviews:list': (app, i) => interviews.listInterviews(app.libraries.context(), i),
  'interviews:get': (app, i) => interviews.getInterview(app.libraries.context(), i.id),
  'interviews:create': (app, i) => interviews.createInterview(app.libraries.context(), i),
  'interviews:update': (app, i) => interviews.updateInterview(app.libraries.context(), i),
  'interviews:timer': (app, i) => interviews.interviewTimer(app.libraries.context(), i),
  'interviews:deleteImpact': (app, i) => interviews.interviewDeleteImpact(app.libraries.context(), i.id),
  'interviews:delete': (app, i) => interviews.deleteInterview(app.libraries.context(), i.id),

  'notes:list': (app, i) => notes.listNotes(app.libraries.context(), i),
  'notes:save': (app, i) => notes.saveNote(app.libraries.context(), i),

  ...codebookHandlers,
  ...highlightsHandlers,
  ...evidenceHandlers,
  ...analysisHandlers,
}
