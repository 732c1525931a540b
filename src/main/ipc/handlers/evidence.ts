import type { HandlersFor } from '../handler-types'
import type { evidenceContract } from '../../../shared/ipc/contracts/evidence'

export const evidenceHandlers: HandlersFor<keyof typeof evidenceContract> = {}
