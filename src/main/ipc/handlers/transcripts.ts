import type { transcriptsContract } from '../../../shared/ipc/contracts/transcripts'
import type { HandlersFor } from '../handler-types'
import * as transcripts from '../../services/transcripts'

export const transcriptsHandlers: HandlersFor<keyof typeof transcriptsContract> = {
  'transcripts:import': (ctx, i) => transcripts.importTranscripts(ctx, i),
  'transcripts:list': (ctx, i) => transcripts.listTranscripts(ctx, i),
  'transcripts:get': (ctx, i) => transcripts.getTranscript(ctx, i),
  'transcripts:renameSpeaker': (ctx, i) => transcripts.renameTranscriptSpeaker(ctx, i),
  'transcripts:delete': (ctx, i) => transcripts.deleteTranscript(ctx, i),
}
