import { dirname } from 'node:path'
import { AppError } from '../../../shared/ipc/errors'
import type { libraryContract } from '../../../shared/ipc/contracts/library'
import type { HandlersFor } from '../handler-types'
import { listFolder } from '../../library/folder-browser'

export const libraryHandlers: HandlersFor<keyof typeof libraryContract> = {
  'library:current': (app) => app.libraries.current(),
  'library:open': (app, i) => app.libraries.open(i.path),
  'library:create': (app, i) => app.libraries.create(i.path),
  'library:recent': (app) => app.libraries.recent(),
  'library:choose': async (app, i) => ({
    path: app.shell.chooseLibraryFile
      ? await app.shell.chooseLibraryFile(i.mode, app.libraries.defaultLibraryPath)
      : null,
  }),
  'library:browse': (app, i) => {
    // Where the system dialog exists, the page has no business listing folders itself.
    if (app.shell.chooseLibraryFile)
      throw new AppError('FORBIDDEN', 'The desktop app chooses library files with the system dialog.')
    const current = app.libraries.current()?.path ?? app.libraries.defaultLibraryPath
    return listFolder(i.dir, dirname(current))
  },
}
