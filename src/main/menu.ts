import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { MENU_EVENT, type MenuCommand } from '../shared/ipc/transport'

const LABELS = {
  en: { file: 'File', newLibrary: 'New Library…', openLibrary: 'Open Library…', libraries: 'Libraries and Recent…', edit: 'Edit', view: 'View', window: 'Window' },
  ru: { file: 'Файл', newLibrary: 'Новая библиотека…', openLibrary: 'Открыть библиотеку…', libraries: 'Библиотеки и недавние…', edit: 'Правка', view: 'Вид', window: 'Окно' },
} as const

export function installMenu(getWindow: () => BrowserWindow | null, language: keyof typeof LABELS = 'en'): void {
  const l = LABELS[language]
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_EVENT, command)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.file,
      submenu: [
        { label: l.newLibrary, accelerator: 'CmdOrCtrl+Shift+N', click: send('library:new') },
        { label: l.openLibrary, accelerator: 'CmdOrCtrl+O', click: send('library:open') },
        { label: l.libraries, click: send('library:manage') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu', label: l.edit },
    { role: 'viewMenu', label: l.view },
    { role: 'windowMenu', label: l.window },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
