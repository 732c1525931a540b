import type { storiesContract } from '../../../shared/ipc/contracts/stories'
import type { HandlersFor } from '../handler-types'
import * as stories from '../../services/stories'

export const storiesHandlers: HandlersFor<keyof typeof storiesContract> = {
  'stories:list': (ctx, i) => stories.listJobStories(ctx, i),
  'stories:create': (ctx, i) => stories.createJobStory(ctx, i),
  'stories:update': (ctx, i) => stories.updateJobStory(ctx, i),
  'stories:delete': (ctx, i) => stories.deleteJobStory(ctx, i.id),
}
