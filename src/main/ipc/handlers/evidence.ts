import type { HandlersFor } from '../handler-types'
import type { evidenceContract } from '../../../shared/ipc/contracts/evidence'
import { evidenceFilterOptions, listEvidence } from '../../services/evidence'
import { searchLibrary } from '../../services/search'

export const evidenceHandlers: HandlersFor<keyof typeof evidenceContract> = {
  'search:query': (app, i) => searchLibrary(app.libraries.context(), i),
  'evidence:list': (app, i) => listEvidence(app.libraries.context(), i),
  'evidence:filterOptions': (app) => evidenceFilterOptions(app.libraries.context()),
}
