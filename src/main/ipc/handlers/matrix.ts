import type { matrixContract } from '../../../shared/ipc/contracts/matrix'
import type { HandlersFor } from '../handler-types'
import * as matrix from '../../services/matrix'

export const matrixHandlers: HandlersFor<keyof typeof matrixContract> = {
  'matrix:cooccurrence': (ctx, i) => matrix.cooccurrenceMatrix(ctx, i),
  'matrix:segments': (ctx, i) => matrix.segmentMatrix(ctx, i),
}
