import type { HandlersFor } from '../handler-types'
import type { analysisContract } from '../../../shared/ipc/contracts/analysis'
import * as survey from '../../services/churn-survey'
import * as imports from '../../services/imports'
import { progressOf } from '../../services/job-progress'
import * as stories from '../../services/job-stories'
import * as rollups from '../../services/rollups'

export const analysisHandlers: HandlersFor<keyof typeof analysisContract> = {
  'churn:rollup': (app, i) => rollups.churnReasonRollup(app.libraries.context(), i),
  'churn:quotes': (app, i) => rollups.churnQuotes(app.libraries.context(), i),
  'churn:uncoded': (app, i) => rollups.uncodedExitInterviews(app.libraries.context(), i),
  'churn:forInterview': (app, i) => rollups.interviewChurnReasons(app.libraries.context(), i.interviewId),
  'churn:setPrimary': (app, i) => rollups.setPrimaryReason(app.libraries.context(), i),
  'churn:unmapped': (app) => survey.unmappedReasons(app.libraries.context()),
  'churn:surveyResponses': (app, i) => survey.surveyResponsesForCompany(app.libraries.context(), i),
  'churn:mapReason': (app, i) => survey.mapReason(app.libraries.context(), i),
  'imports:preview': (app, i) => imports.previewImport(app.libraries.context(), i),
  'imports:companies': (app, i) => imports.importCompanies(app.libraries.context(), i),
  'imports:churnSurvey': (app, i) => imports.importChurnSurvey(app.libraries.context(), i),
  'imports:progress': (app) => (app.libraries.current() ? progressOf(app.libraries.context().sqlite) : null),
  'forces:summary': (app, i) => rollups.forcesSummary(app.libraries.context(), i),
  'forces:timeline': (app, i) => rollups.switchTimeline(app.libraries.context(), i.interviewId),
  'stories:list': (app, i) => stories.listJobStories(app.libraries.context(), i),
  'stories:create': (app, i) => stories.createJobStory(app.libraries.context(), i),
  'stories:update': (app, i) => stories.updateJobStory(app.libraries.context(), i),
  'stories:delete': (app, i) => stories.deleteJobStory(app.libraries.context(), i.id),
  'matrix:cooccurrence': (app, i) => rollups.cooccurrenceMatrix(app.libraries.context(), i),
  'matrix:segments': (app, i) => rollups.segmentMatrix(app.libraries.context(), i),
}
