import type { backupsContract } from '../../../shared/ipc/contracts/backups'
import type { HandlersFor } from '../handler-types'
import { previewBackup } from '../../services/backups/preview'
import { restoreBackup } from '../../services/backups/restore'

export const backupsHandlers: HandlersFor<keyof typeof backupsContract> = {
  'backups:status': (app) => app.libraries.backups.status(),
  'backups:run': (app) => app.libraries.backups.run('manual'),
  'backups:setFolder': (app, i) => app.libraries.backups.setFolder(i.folder),
  'backups:chooseFolder': async (app) => ({
    path: app.shell.chooseFolder
      ? await app.shell.chooseFolder(
          app.libraries.backups.status().folder ?? app.libraries.defaultLibraryPath,
        )
      : null,
  }),
  'backups:preview': (app, i) => previewBackup(i.path, app.libraries.migrationsFolder),
  'backups:restore': (app, i) =>
    restoreBackup({
      from: i.from,
      to: i.to,
      openLibraryPath: app.libraries.current()?.path ?? null,
      migrationsFolder: app.libraries.migrationsFolder,
    }),
}
