import type { HandlersFor } from '../handler-types'
import type { highlightsContract } from '../../../shared/ipc/contracts/highlights'
import * as highlights from '../../services/highlights'
import * as transcripts from '../../services/transcripts'

export const highlightsHandlers: HandlersFor<keyof typeof highlightsContract> = {
  'highlights:listForInterview': (ctx, i) => highlights.listHighlightsForInterview(ctx, i),
  'highlights:create': (ctx, i) => highlights.createHighlight(ctx, i),
  'highlights:setTags': (ctx, i) => highlights.setHighlightTags(ctx, i),
  'highlights:update': (ctx, i) => highlights.updateHighlight(ctx, i),
  'highlights:delete': (ctx, i) => highlights.deleteHighlight(ctx, i),

  'transcripts:import': (ctx, i) => transcripts.importTranscripts(ctx, i),
  'transcripts:list': (ctx, i) => transcripts.listTranscripts(ctx, i),
  'transcripts:get': (ctx, i) => transcripts.getTranscript(ctx, i),
  'transcripts:delete': (ctx, i) => transcripts.deleteTranscript(ctx, i),
}
