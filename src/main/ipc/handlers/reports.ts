import type { reportsContract } from '../../../shared/ipc/contracts/reports'
import type { HandlersFor } from '../handler-types'
import * as reports from '../../services/reports'

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')

export const reportsHandlers: HandlersFor<keyof typeof reportsContract> = {
  'reports:preview': (ctx, i) => reports.previewReport(ctx, i),
  'reports:render': async (ctx, i, shell) => {
    const file = await reports.renderReport(ctx, i, { printToPdf: shell.printToPdf })
    return { fileName: file.fileName, mime: file.mime, base64: toBase64(file.bytes) }
  },
}
