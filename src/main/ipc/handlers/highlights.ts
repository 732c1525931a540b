import type { HandlersFor } from '../handler-types'
import type { highlightsContract } from '../../../shared/ipc/contracts/highlights'
import * as highlights from '../../services/highlights'
import * as transcripts from '../../services/transcripts'

export const highlightsHandlers: HandlersFor<keyof typeof highlightsContract> = {
  'highlights:listForInterview': (app, i) =>
    highlights.listHighlightsForInterview(app.libraries.context(), i),
  'highlights:create': (app, i) => highlights.createHighlight(app.libraries.context(), i),
  'highlights:setTags': (app, i) => highlights.setHighlightTags(app.libraries.context(), i),
  'highlights:update': (app, i) => highlights.updateHighlight(app.libraries.context(), i),
  'highlights:delete': (app, i) => highlights.deleteHighlight(app.libraries.context(), i),

  'transcripts:import': (app, i) => transcripts.importTranscripts(app.libraries.context(), i),
  'transcripts:list': (app, i) => transcripts.listTranscripts(app.libraries.context(), i),
  'transcripts:get': (app, i) => transcripts.getTranscript(app.libraries.context(), i),
  'transcripts:delete': (app, i) => transcripts.deleteTranscript(app.libraries.context(), i),
}
