import type { HandlersFor } from '../handler-types'
import type { evidenceContract } from '../../../shared/ipc/contracts/evidence'
import { evidenceFilterOptions, listEvidence } from '../../services/evidence'
import { searchLibrary } from '../../services/search'

export const evidenceHandlers: HandlersFor<keyof typeof evidenceContract> = {
  'search:query': (ctx, i) => searchLibrary(ctx, i),
  'evidence:list': (ctx, i) => listEvidence(ctx, i),
  'evidence:filterOptions': (ctx) => evidenceFilterOptions(ctx),
}
