import { contextBridge, ipcRenderer } from 'electron'
import {
  ALLOWED_CHANNELS,
  FLUSH_DONE,
  FLUSH_REQUEST,
  INVOKE_CHANNEL,
  MENU_COMMANDS,
  MENU_EVENT,
  type FieldnoteApi,
  type MenuCommand,
} from '../shared/ipc/transport'

const menuCommands = new Set<string>(MENU_COMMANDS)

// Only this object crosses into the page: no ipcRenderer, no Node, and only the contract's channels.
const api: FieldnoteApi = {
  invoke(channel, input) {
    if (!ALLOWED_CHANNELS.has(channel))
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel)}` },
      })
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input)
  },
  onMenu(listener) {
    const wrapped = (_e: unknown, command: unknown) => {
      if (typeof command === 'string' && menuCommands.has(command)) listener(command as MenuCommand)
    }
    ipcRenderer.on(MENU_EVENT, wrapped)
    return () => ipcRenderer.removeListener(MENU_EVENT, wrapped)
  },
  onFlushRequest(listener) {
    const wrapped = () => {
      listener().then(
        (saved) => ipcRenderer.send(FLUSH_DONE, saved !== false),
        () => ipcRenderer.send(FLUSH_DONE, false),
      )
    }
    ipcRenderer.on(FLUSH_REQUEST, wrapped)
    return () => ipcRenderer.removeListener(FLUSH_REQUEST, wrapped)
  },
}

contextBridge.exposeInMainWorld('api', api)
