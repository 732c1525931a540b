import type { churnContract } from '../../../shared/ipc/contracts/churn'
import type { HandlersFor } from '../handler-types'
import * as churn from '../../services/churn'

export const churnHandlers: HandlersFor<keyof typeof churnContract> = {
  'churn:rollup': (ctx, i) => churn.churnReasonRollup(ctx, i),
  'churn:quotes': (ctx, i) => churn.churnQuotes(ctx, i),
  'churn:uncoded': (ctx, i) => churn.uncodedExitInterviews(ctx, i),
  'churn:forInterview': (ctx, i) => churn.interviewChurnReasons(ctx, i.interviewId),
  'churn:setPrimary': (ctx, i) => churn.setPrimaryReason(ctx, i),
  'churn:unmapped': (ctx) => churn.unmappedReasons(ctx),
  'churn:surveyResponses': (ctx, i) => churn.surveyResponsesForCompany(ctx, i),
  'churn:mapReason': (ctx, i) => churn.mapReason(ctx, i),
}
