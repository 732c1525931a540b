import type { highlightsContract } from '../../../shared/ipc/contracts/highlights'
import type { HandlersFor } from '../handler-types'
import * as highlights from '../../services/highlights'

export const highlightsHandlers: HandlersFor<keyof typeof highlightsContract> = {
  'highlights:listForInterview': (ctx, i) => highlights.listHighlightsForInterview(ctx, i),
  'highlights:create': (ctx, i) => highlights.createHighlight(ctx, i),
  'highlights:setTags': (ctx, i) => highlights.setHighlightTags(ctx, i),
  'highlights:update': (ctx, i) => highlights.updateHighlight(ctx, i),
  'highlights:delete': (ctx, i) => highlights.deleteHighlight(ctx, i),
}
