import type { importsContract } from '../../../shared/ipc/contracts/imports'
import type { HandlersFor } from '../handler-types'
import * as imports from '../../services/imports'

export const importsHandlers: HandlersFor<keyof typeof importsContract> = {
  'imports:preview': (ctx, i) => imports.previewImport(ctx, i),
  'imports:companies': (ctx, i) => imports.importCompanies(ctx, i),
  'imports:churnSurvey': (ctx, i) => imports.importChurnSurvey(ctx, i),
  'imports:progress': (app) => {
    const sqlite = app.libraries.connection()
    return sqlite ? imports.importProgress(sqlite) : null
  },
}
