import type { appContract } from '../../../shared/ipc/contracts/app'
import type { HandlersFor } from '../handler-types'

export const appHandlers: HandlersFor<keyof typeof appContract> = {
  'app:info': (app) => ({
    version: app.shell.version,
    shell: app.shell.kind,
    canChooseFiles: Boolean(app.shell.chooseLibraryFile),
    defaultLibraryPath: app.libraries.defaultLibraryPath,
    startupError: app.libraries.startupError,
  }),
  'app:setLanguage': (app, i) => {
    app.shell.setLanguage?.(i.language)
    return { ok: true }
  },
}
