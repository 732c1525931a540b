import type { forcesContract } from '../../../shared/ipc/contracts/forces'
import type { HandlersFor } from '../handler-types'
import * as forces from '../../services/forces'

export const forcesHandlers: HandlersFor<keyof typeof forcesContract> = {
  'forces:summary': (ctx, i) => forces.forcesSummary(ctx, i),
  'forces:timeline': (ctx, i) => forces.switchTimeline(ctx, i.interviewId),
}
