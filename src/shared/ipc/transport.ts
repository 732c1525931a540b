import { CHANNEL_NAMES, type ChannelName } from './channel-names'

/** The single Electron IPC channel that carries every contract call as (channel, input). */
export const INVOKE_CHANNEL = 'fieldnote:invoke'
/** Main → renderer: a menu command (File > New library…). */
export const MENU_EVENT = 'fieldnote:menu'
/** Main asks the renderer to save pending edits before the window closes; the renderer answers FLUSH_DONE. */
export const FLUSH_REQUEST = 'fieldnote:flush-request'
export const FLUSH_DONE = 'fieldnote:flush-done'

export const MENU_COMMANDS = ['library:new', 'library:open', 'library:manage'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** The preload's allowlist: exactly the contract's channels. */
export const ALLOWED_CHANNELS: ReadonlySet<string> = new Set<string>(CHANNEL_NAMES)

export interface FieldnoteApi {
  invoke(channel: ChannelName, input?: unknown): Promise<unknown>
  onMenu(listener: (command: MenuCommand) => void): () => void
  /** The listener saves everything pending and says whether all of it reached the library. */
  onFlushRequest(listener: () => Promise<boolean | void>): () => void
}
