import type { tagsContract } from '../../../shared/ipc/contracts/tags'
import type { HandlersFor } from '../handler-types'
import * as tags from '../../services/tags'

export const tagsHandlers: HandlersFor<keyof typeof tagsContract> = {
  'tags:list': (ctx, i) => tags.listTags(ctx, i),
  'tags:create': (ctx, i) => tags.createTag(ctx, i),
  'tags:update': (ctx, i) => tags.updateTag(ctx, i),
  'tags:move': (ctx, i) => tags.moveTag(ctx, i),
  'tags:merge': (ctx, i) => tags.mergeTags(ctx, i),
  'tags:undoMerge': (ctx, i) => tags.undoMerge(ctx, i.mergeId),
  'tags:deleteImpact': (ctx, i) => tags.tagDeleteImpact(ctx, i.id),
  'tags:delete': (ctx, i) => tags.deleteTag(ctx, i.id),
  'tags:restore': (ctx, i) => tags.restoreTag(ctx, i.id),
  'tags:seedStarter': (ctx, i) => tags.seedStarter(ctx, i),
  'tags:exportQdc': (ctx) => tags.exportQdc(ctx),
  'tags:importQdc': (ctx, i) => tags.importQdc(ctx, i),
}
