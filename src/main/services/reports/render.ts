import { strToU8, zipSync } from 'fflate'
import type { ReportFormat } from '../../../shared/ipc/contracts/reports'
import { AppError } from '../../../shared/ipc/errors'
import { drawChart } from '../../../shared/reports/charts'
import { reportCsvFiles } from '../../../shared/reports/csv'
import { reportHtml } from '../../../shared/reports/html'
import { reportMarkdown } from '../../../shared/reports/markdown'
import type { ReportDocument } from '../../../shared/reports/model'
import type { ReportOptions } from '../../../shared/reports/options'
import { safeFileBase } from '../../../shared/text/file-name'
import type { ServiceContext } from '../../db/context'
import { reportDocument } from './document'
import type { Checkpoint } from './export-job'
import { preparePrint, type PdfPrinter, type PreparedPrint } from './pdf-printer'
import { reportDocx } from './formats/docx'
import { reportPptx } from './formats/pptx'
import { reportXlsx } from './formats/xlsx'
import { sanitizeReportHtml } from './formats/sanitize'

export interface ReportFile {
  fileName: string
  mime: string
  bytes: Uint8Array
}

export interface RenderDeps {
  /** The shell's PDF printer (Electron, or a local Chromium); absent, a PDF cannot be made here. */
  printToPdf?: PdfPrinter | undefined
  /** Called between the steps of an export: reports progress, and throws CANCELLED when the user stopped it. */
  checkpoint?: Checkpoint
}

const MIME: Record<ReportFormat, string> = {
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  md: 'text/markdown',
}

/** The report's HTML as exported and previewed: every user string escaped by reportHtml. */
export function previewReport(ctx: ServiceContext, options: ReportOptions) {
  const { document, replacements } = reportDocument(ctx, options, { chartOf: drawChart })
  return {
    html: exportedHtml(document),
    title: document.title,
    sections: document.sections.map((s) => ({ id: s.id, title: s.title })),
    replacements,
  }
}

/**
 * One report file. The model is built inside one read transaction, so every section sees the same library;
 * the format is written after it, outside, because the office writers and the PDF printer are asynchronous.
 */
export async function renderReport(
  ctx: ServiceContext,
  options: ReportOptions & { format: ReportFormat },
  deps: RenderDeps,
): Promise<ReportFile> {
  // The printer starts now, alongside the model and the HTML, and is let go of whatever happens to them.
  const printer = options.format === 'pdf' && deps.printToPdf ? preparePrint(deps.printToPdf) : undefined
  try {
    return await render(ctx, options, deps.checkpoint ?? (async () => {}), printer)
  } finally {
    printer?.release()
  }
}

async function render(
  ctx: ServiceContext,
  options: ReportOptions & { format: ReportFormat },
  checkpoint: Checkpoint,
  printer: PreparedPrint | undefined,
): Promise<ReportFile> {
  await checkpoint('model')
  const dataTables = options.format === 'xlsx' || options.format === 'csv'
  const { document } = ctx.sqlite.transaction(() =>
    reportDocument(ctx, options, { chartOf: drawChart, dataTables }),
  )()
  await checkpoint('writing')
  const base = fileBase(document)
  const file = (ext: string, bytes: Uint8Array, mime = MIME[options.format]): ReportFile => ({
    fileName: `${base}.${ext}`,
    mime,
    bytes,
  })
  switch (options.format) {
    case 'html':
      return file('html', strToU8(exportedHtml(document)))
    case 'md':
      return file('md', strToU8(reportMarkdown(document)))
    case 'csv': {
      const files = reportCsvFiles(document)
      if (files.length === 1) return file('csv', strToU8(files[0]!.csv))
      // Several tables: one CSV each, in a zip, so every table keeps its own header row.
      return file(
        'zip',
        zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.csv)]))),
        'application/zip',
      )
    }
    case 'pdf': {
      if (!printer)
        throw new AppError(
          'VALIDATION',
          'PDF export needs the desktop app or a local Chromium, and neither is here.',
        )
      const html = exportedHtml(document)
      await checkpoint('printing')
      return file('pdf', await printer.print(html))
    }
    default:
      return file(options.format, await OFFICE_WRITERS[options.format](document))
  }
}

const OFFICE_WRITERS: Record<'docx' | 'pptx' | 'xlsx', (doc: ReportDocument) => Promise<Uint8Array>> = {
  docx: reportDocx,
  pptx: reportPptx,
  xlsx: reportXlsx,
}

/** What every HTML-made format (the file, its preview, the PDF) is written from. */
const exportedHtml = (doc: ReportDocument): string => sanitizeReportHtml(reportHtml(doc))

/** The file name from the report's title; an anonymized report says so in its name. */
export function fileBase(doc: ReportDocument): string {
  return `${safeFileBase(doc.title, 'Fieldnote report')}${doc.anonymized ? ' (anonymized)' : ''}`
}
