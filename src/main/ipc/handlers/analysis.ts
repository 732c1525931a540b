import type { HandlersFor } from '../handler-types'
import type { analysisContract } from '../../../shared/ipc/contracts/analysis'

export const analysisHandlers: HandlersFor<keyof typeof analysisContract> = {}
