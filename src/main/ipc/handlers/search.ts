import type { searchContract } from '../../../shared/ipc/contracts/search'
import type { HandlersFor } from '../handler-types'
import { searchLibrary } from '../../services/search'

export const searchHandlers: HandlersFor<keyof typeof searchContract> = {
  'search:query': (ctx, i) => searchLibrary(ctx, i),
}
