import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { Language } from '../shared/domain/common'
import { MENU_EVENT, type MenuCommand } from '../shared/ipc/transport'

const DIALOGS = {
  en: {
    fileType: 'Fieldnote library',
    openTitle: 'Open library',
    newTitle: 'New library',
    backupFolderTitle: 'Folder for backups',
    unsavedMessage: 'Some changes could not be saved yet.',
    unsavedDetail: 'Fieldnote is still trying to save them. If you close now, they may be lost.',
    keepOpen: 'Keep window open',
    closeAnyway: 'Close anyway',
  },
  ru: {
    fileType: 'Библиотека Fieldnote',
    openTitle: 'Открыть библиотеку',
    newTitle: 'Новая библиотека',
    backupFolderTitle: 'Папка для резервных копий',
    unsavedMessage: 'Часть изменений ещё не сохранена.',
    unsavedDetail:
      'Fieldnote продолжает попытки сохранить их. Если закрыть окно сейчас, они могут потеряться.',
    keepOpen: 'Оставить окно открытым',
    closeAnyway: 'Всё равно закрыть',
  },
} as const

export function dialogText(language: Language) {
  return DIALOGS[language]
}

const LABELS = {
  en: {
    file: 'File',
    newLibrary: 'New Library…',
    openLibrary: 'Open Library…',
    libraries: 'Libraries and Recent…',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
  },
  ru: {
    file: 'Файл',
    newLibrary: 'Новая библиотека…',
    openLibrary: 'Открыть библиотеку…',
    libraries: 'Библиотеки и недавние…',
    edit: 'Правка',
    view: 'Вид',
    window: 'Окно',
  },
} as const

export function installMenu(getWindow: () => BrowserWindow | null, language: Language = 'en'): void {
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
