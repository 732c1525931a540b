import type { HandlerTable } from '../handler-types'
import { appHandlers } from './app'
import { backupsHandlers } from './backups'
import { boardsHandlers } from './boards'
import { churnHandlers } from './churn'
import { companiesHandlers } from './companies'
import { evidenceHandlers } from './evidence'
import { exchangeHandlers } from './exchange'
import { forcesHandlers } from './forces'
import { highlightsHandlers } from './highlights'
import { importsHandlers } from './imports'
import { interviewsHandlers } from './interviews'
import { libraryHandlers } from './library'
import { matrixHandlers } from './matrix'
import { notesHandlers } from './notes'
import { participantsHandlers } from './participants'
import { insightsHandlers } from './insights'
import { reportsHandlers } from './reports'
import { scriptsHandlers } from './scripts'
import { searchHandlers } from './search'
import { storiesHandlers } from './stories'
import { studiesHandlers } from './studies'
import { tagsHandlers } from './tags'
import { transcriptsHandlers } from './transcripts'

export type { HandlerTable } from '../handler-types'

/** Each handler is one line: it calls a service with the context dispatch resolved. Logic lives in services. */
export const handlers: HandlerTable = {
  ...appHandlers,
  ...libraryHandlers,
  ...backupsHandlers,
  ...studiesHandlers,
  ...companiesHandlers,
  ...participantsHandlers,
  ...scriptsHandlers,
  ...interviewsHandlers,
  ...notesHandlers,
  ...transcriptsHandlers,
  ...tagsHandlers,
  ...highlightsHandlers,
  ...evidenceHandlers,
  ...searchHandlers,
  ...churnHandlers,
  ...forcesHandlers,
  ...matrixHandlers,
  ...storiesHandlers,
  ...importsHandlers,
  ...boardsHandlers,
  ...insightsHandlers,
  ...reportsHandlers,
  ...exchangeHandlers,
}
