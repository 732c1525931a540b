import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNEL } from '../../shared/ipc/transport'
import type { AppContext } from './app-context'
import { dispatch } from './dispatch'
import { RENDERER_INDEX_URL } from '../window/create-window'
import { isAppUrl } from '../window/security'

/** A message comes from our own page: the top frame (not an iframe in it) showing the app's URL. */
export function fromAppPage(
  event: IpcMainEvent | IpcMainInvokeEvent,
  devServerUrl: string | undefined,
): boolean {
  const frame = event.senderFrame
  return !!frame && frame.parent === null && isAppUrl(frame.url, devServerUrl, RENDERER_INDEX_URL)
}

/** One ipcMain handler for all channels; the sender frame must be our own top-level page. */
export function registerIpc(app: AppContext, devServerUrl: string | undefined): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    if (!fromAppPage(event, devServerUrl))
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Fieldnote window.' },
      }
    return dispatch(app, channel, input)
  })
}
