import type { boardsContract } from '../../../shared/ipc/contracts/boards'
import type { HandlersFor } from '../handler-types'
import * as boards from '../../services/boards'

export const boardsHandlers: HandlersFor<keyof typeof boardsContract> = {
  'boards:list': (ctx, i) => boards.listBoards(ctx, i),
  'boards:get': (ctx, i) => boards.getBoard(ctx, i.id),
  'boards:insights': (ctx, i) => boards.boardInsights(ctx, i.id),
  'boards:create': (ctx, i) => boards.createBoard(ctx, i),
  'boards:save': (ctx, i) => boards.saveBoard(ctx, i),
  'boards:duplicate': (ctx, i) => boards.duplicateBoard(ctx, i),
  'boards:copyCards': (ctx, i) => boards.copyCards(ctx, i),
  'boards:deleteImpact': (ctx, i) => boards.boardDeleteImpact(ctx, i.id),
  'boards:delete': (ctx, i) => boards.deleteBoard(ctx, i.id),
  'boards:walkthrough': (ctx, i) => boards.walkthroughScript(ctx, i),
}
