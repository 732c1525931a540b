import type { MenuCommand } from '../../../shared/ipc/transport'

/**
 * A File-menu library command waiting for the library screen: the menu navigates there first, and the
 * screen takes the command when it mounts (or at once, through the event, if it is already open).
 */
let pending: MenuCommand | null = null

export function setPendingLibraryCommand(command: MenuCommand): void {
  pending = command
}

export function takePendingLibraryCommand(): MenuCommand | null {
  const command = pending
  pending = null
  return command
}
