import type { exchangeContract } from '../../../shared/ipc/contracts/exchange'
import type { HandlersFor } from '../handler-types'
import * as exchange from '../../services/exchange'

export const exchangeHandlers: HandlersFor<keyof typeof exchangeContract> = {
  'exchange:exportQdpx': (ctx, i) => {
    const { bytes, ...file } = exchange.exportQdpx(ctx, { studyId: i?.studyId ?? undefined })
    return { ...file, base64: Buffer.from(bytes).toString('base64') }
  },
  'exchange:importQdpx': (ctx, i) => exchange.importQdpx(ctx, { bytes: Buffer.from(i.base64, 'base64') }),
  'exchange:exportJson': (ctx, i) => exchange.exportLibraryJson(ctx, { studyId: i?.studyId ?? null }),
  // Checked whole before any file exists; then written into the new library before it opens.
  'exchange:importJson': async (app, i) => {
    const file = exchange.readLibraryJson(i.json)
    const made = await app.libraries.createFilled(i.path, (ctx) => exchange.writeLibraryJson(ctx, file))
    return { library: made.info, ...made.result }
  },
}
