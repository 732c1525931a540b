import type { interviewsContract } from '../../../shared/ipc/contracts/interviews'
import type { HandlersFor } from '../handler-types'
import * as interviews from '../../services/interviews'

export const interviewsHandlers: HandlersFor<keyof typeof interviewsContract> = {
  'interviews:list': (ctx, i) => interviews.listInterviews(ctx, i),
  'interviews:get': (ctx, i) => interviews.getInterview(ctx, i.id),
  'interviews:create': (ctx, i) => interviews.createInterview(ctx, i),
  'interviews:update': (ctx, i) => interviews.updateInterview(ctx, i),
  'interviews:timer': (ctx, i) => interviews.interviewTimer(ctx, i),
  'interviews:deleteImpact': (ctx, i) => interviews.interviewDeleteImpact(ctx, i.id),
  'interviews:delete': (ctx, i) => interviews.deleteInterview(ctx, i.id),
}
