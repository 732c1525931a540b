import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { MENU_EVENT, type MenuCommand } from '../shared/ipc/transport'

export function installMenu(getWindow: () => BrowserWindow | null): void {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_EVENT, command)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Library…', accelerator: 'CmdOrCtrl+Shift+N', click: send('library:new') },
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: send('library:open') },
        { label: 'Libraries and Recent…', click: send('library:manage') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
