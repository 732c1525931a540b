import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNEL } from '../../shared/ipc/transport'
import type { AppContext } from './app-context'
import { dispatch } from './dispatch'
import { RENDERER_INDEX_URL } from '../window/create-window'
import { isAppUrl } from '../window/security'

/** One ipcMain handler for all channels; the sender frame must be our own top-level page. */
export function registerIpc(app: AppContext, devServerUrl: string | undefined): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isAppUrl(frame.url, devServerUrl, RENDERER_INDEX_URL))
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Fieldnote window.' },
      }
    return dispatch(app, channel, input)
  })
}
