import type { HandlersFor } from '../handler-types'
import type { codebookContract } from '../../../shared/ipc/contracts/codebook'
import * as qdc from '../../services/qdc'
import * as tags from '../../services/tags'

export const codebookHandlers: HandlersFor<keyof typeof codebookContract> = {
  'tags:list': (app, i) => tags.listTags(app.libraries.context(), i),
  'tags:create': (app, i) => tags.createTag(app.libraries.context(), i),
  'tags:update': (app, i) => tags.updateTag(app.libraries.context(), i),
  'tags:move': (app, i) => tags.moveTag(app.libraries.context(), i),
  'tags:merge': (app, i) => tags.mergeTags(app.libraries.context(), i),
  'tags:undoMerge': (app, i) => tags.undoMerge(app.libraries.context(), i.mergeId),
  'tags:deleteImpact': (app, i) => tags.tagDeleteImpact(app.libraries.context(), i.id),
  'tags:delete': (app, i) => tags.deleteTag(app.libraries.context(), i.id),
  'tags:restore': (app, i) => tags.restoreTag(app.libraries.context(), i.id),
  'tags:seedStarter': (app, i) => tags.seedStarter(app.libraries.context(), i),
  'tags:exportQdc': (app) => qdc.exportQdc(app.libraries.context()),
  'tags:importQdc': (app, i) => qdc.importQdc(app.libraries.context(), i),
}
