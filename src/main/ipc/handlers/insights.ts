import type { insightsContract } from '../../../shared/ipc/contracts/insights'
import type { HandlersFor } from '../handler-types'
import * as insights from '../../services/insights'

export const insightsHandlers: HandlersFor<keyof typeof insightsContract> = {
  'insights:list': (ctx, i) => insights.listInsights(ctx, i ?? {}),
  'insights:get': (ctx, i) => insights.getInsight(ctx, i.id),
  'insights:create': (ctx, i) => insights.createInsight(ctx, i),
  'insights:update': (ctx, i) => insights.updateInsight(ctx, i),
  'insights:link': (ctx, i) => insights.linkEvidence(ctx, i),
  'insights:unlink': (ctx, i) => insights.unlinkEvidence(ctx, i),
  'insights:delete': (ctx, i) => insights.deleteInsight(ctx, i.id),
}
