import type { HandlersFor } from '../handler-types'
import type { codebookContract } from '../../../shared/ipc/contracts/codebook'

export const codebookHandlers: HandlersFor<keyof typeof codebookContract> = {}
