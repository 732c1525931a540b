import type { scriptsContract } from '../../../shared/ipc/contracts/scripts'
import type { HandlersFor } from '../handler-types'
import * as scripts from '../../services/scripts'

export const scriptsHandlers: HandlersFor<keyof typeof scriptsContract> = {
  'scripts:list': (ctx, i) => scripts.listScripts(ctx, i),
  'scripts:get': (ctx, i) => scripts.getScript(ctx, i.id),
  'scripts:duplicate': (ctx, i) => scripts.duplicateScript(ctx, i),
  'scripts:update': (ctx, i) => scripts.updateScript(ctx, i),
  'scripts:deleteImpact': (ctx, i) => scripts.scriptDeleteImpact(ctx, i.id),
  'scripts:delete': (ctx, i) => scripts.deleteScript(ctx, i.id),
}
