import type { evidenceContract } from '../../../shared/ipc/contracts/evidence'
import type { HandlersFor } from '../handler-types'
import { evidenceFilterOptions, listEvidence } from '../../services/evidence'

export const evidenceHandlers: HandlersFor<keyof typeof evidenceContract> = {
  'evidence:list': (ctx, i) => listEvidence(ctx, i),
  'evidence:filterOptions': (ctx) => evidenceFilterOptions(ctx),
}
