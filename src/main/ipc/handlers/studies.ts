import type { studiesContract } from '../../../shared/ipc/contracts/studies'
import type { HandlersFor } from '../handler-types'
import * as studies from '../../services/studies'

export const studiesHandlers: HandlersFor<keyof typeof studiesContract> = {
  'studies:list': (ctx, i) => studies.listStudies(ctx, i),
  'studies:get': (ctx, i) => studies.getStudy(ctx, i.id),
  'studies:create': (ctx, i) => studies.createStudy(ctx, i),
  'studies:update': (ctx, i) => studies.updateStudy(ctx, i),
  'studies:deleteImpact': (ctx, i) => studies.studyDeleteImpact(ctx, i.id),
  'studies:delete': (ctx, i) => studies.deleteStudy(ctx, i.id),
}
