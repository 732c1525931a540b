import type { HandlersFor } from '../handler-types'
import type { analysisContract } from '../../../shared/ipc/contracts/analysis'
import * as survey from '../../services/churn-survey'
import * as imports from '../../services/imports'
import { progressOf } from '../../services/job-progress'
import * as stories from '../../services/job-stories'
import * as rollups from '../../services/rollups'

export const analysisHandlers: HandlersFor<keyof typeof analysisContract> = {
  'churn:rollup': (ctx, i) => rollups.churnReasonRollup(ctx, i),
  'churn:quotes': (ctx, i) => rollups.churnQuotes(ctx, i),
  'churn:uncoded': (ctx, i) => rollups.uncodedExitInterviews(ctx, i),
  'churn:forInterview': (ctx, i) => rollups.interviewChurnReasons(ctx, i.interviewId),
  'churn:setPrimary': (ctx, i) => rollups.setPrimaryReason(ctx, i),
  'churn:unmapped': (ctx) => survey.unmappedReasons(ctx),
  'churn:surveyResponses': (ctx, i) => survey.surveyResponsesForCompany(ctx, i),
  'churn:mapReason': (ctx, i) => survey.mapReason(ctx, i),
  'imports:preview': (ctx, i) => imports.previewImport(ctx, i),
  'imports:companies': (ctx, i) => imports.importCompanies(ctx, i),
  'imports:churnSurvey': (ctx, i) => imports.importChurnSurvey(ctx, i),
  'imports:progress': (app) => {
    const sqlite = app.libraries.connection()
    return sqlite ? progressOf(sqlite) : null
  },
  'forces:summary': (ctx, i) => rollups.forcesSummary(ctx, i),
  'forces:timeline': (ctx, i) => rollups.switchTimeline(ctx, i.interviewId),
  'stories:list': (ctx, i) => stories.listJobStories(ctx, i),
  'stories:create': (ctx, i) => stories.createJobStory(ctx, i),
  'stories:update': (ctx, i) => stories.updateJobStory(ctx, i),
  'stories:delete': (ctx, i) => stories.deleteJobStory(ctx, i.id),
  'matrix:cooccurrence': (ctx, i) => rollups.cooccurrenceMatrix(ctx, i),
  'matrix:segments': (ctx, i) => rollups.segmentMatrix(ctx, i),
}
