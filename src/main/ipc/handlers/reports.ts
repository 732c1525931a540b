import type { reportsContract } from '../../../shared/ipc/contracts/reports'
import type { HandlersFor } from '../handler-types'
import * as reports from '../../services/reports'

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')

export const reportsHandlers: HandlersFor<keyof typeof reportsContract> = {
  'reports:preview': (ctx, i) => reports.previewReport(ctx, i),
  'reports:render': async (ctx, i, shell) => {
    const file = await reports.runExport(ctx.sqlite, (checkpoint) =>
      reports.renderReport(ctx, i, { printToPdf: shell.printToPdf, checkpoint }),
    )
    return { fileName: file.fileName, mime: file.mime, base64: toBase64(file.bytes) }
  },
  'reports:progress': (app) => {
    const sqlite = app.libraries.connection()
    return sqlite ? reports.exportProgress(sqlite) : null
  },
  'reports:cancel': (app) => {
    const sqlite = app.libraries.connection()
    return { cancelled: sqlite ? reports.cancelExport(sqlite) : false }
  },
}
