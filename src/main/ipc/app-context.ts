import type { LibraryManager } from '../library/library-manager'

/** Shell-specific abilities; the web bridge has no native file dialogs. */
export interface ShellServices {
  kind: 'electron' | 'web'
  version: string
  chooseLibraryFile?: (mode: 'open' | 'create', defaultPath: string) => Promise<string | null>
}

export interface AppContext {
  libraries: LibraryManager
  shell: ShellServices
}
