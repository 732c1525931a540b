import type { participantsContract } from '../../../shared/ipc/contracts/participants'
import type { HandlersFor } from '../handler-types'
import * as participants from '../../services/participants'

export const participantsHandlers: HandlersFor<keyof typeof participantsContract> = {
  'participants:list': (ctx, i) => participants.listParticipants(ctx, i),
  'participants:get': (ctx, i) => participants.getParticipant(ctx, i.id),
  'participants:create': (ctx, i) => participants.createParticipant(ctx, i),
  'participants:update': (ctx, i) => participants.updateParticipant(ctx, i),
  'participants:deleteImpact': (ctx, i) => participants.participantDeleteImpact(ctx, i.id),
  'participants:delete': (ctx, i) => participants.deleteParticipant(ctx, i.id),
}
