import type { HandlersFor } from '../handler-types'
import type { highlightsContract } from '../../../shared/ipc/contracts/highlights'

export const highlightsHandlers: HandlersFor<keyof typeof highlightsContract> = {}
