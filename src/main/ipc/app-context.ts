import type { Language } from '../../shared/domain/common'
import type { LibraryManager } from '../library/library-manager'

/** Shell-specific abilities; the web bridge has no native file dialogs. */
export interface ShellServices {
  kind: 'electron' | 'web'
  version: string
  chooseLibraryFile?: (mode: 'open' | 'create', defaultPath: string) => Promise<string | null>
  /** The system dialog for a folder (where backups go). */
  chooseFolder?: (defaultPath: string) => Promise<string | null>
  /** The desktop menus follow the interface language the user picked. */
  setLanguage?: (language: Language) => void
  /** Prints a self-contained HTML report to PDF: Electron's printToPDF, else a local Chromium. */
  printToPdf?: (html: string) => Promise<Uint8Array>
}

export interface AppContext {
  libraries: LibraryManager
  shell: ShellServices
}
