import { boardSvg } from '../../../shared/boards/board-svg'
import { REPORT_LABELS, type ReportLabels } from '../../../shared/reports/labels'
import type { ReportDocument, ReportSection, ReportSectionId } from '../../../shared/reports/model'
import type { ReportOptions } from '../../../shared/reports/options'
import type { ServiceContext } from '../../db/context'
import { mustExist, mustExistId } from '../../db/rows'
import { boardInsights, getBoard, listBoards } from '../boards'
import { insightsSection } from '../insights'
import { subtreeIds } from '../tags/tree'
import { quotesTable } from './data-tables'
import { appendixSection, churnSection, forcesSection, type ChartOf } from './sections-evidence'
import { methodSection, metricsSection, peopleSection } from './sections-study'
import { interviewScope } from './scope'

/**
 * The report model of a study (or the whole library) as the options ask: the sections in their order, each
 * built from the same services the screens use, so a report never says what the app does not show.
 */
export interface ReportDeps {
  chartOf: ChartOf
  /** Whether to add the spreadsheet-only tables (XLSX, CSV): every quote of the scope, one row each. */
  dataTables?: boolean
}

export function buildReport(ctx: ServiceContext, options: ReportOptions, deps: ReportDeps): ReportDocument {
  if (options.studyId) mustExistId(ctx.sqlite, 'studies', options.studyId)
  if (options.filters.tagId)
    mustExist(
      ctx.sqlite
        .prepare('select id from tags where id = ? and deleted_at is null')
        .get(options.filters.tagId),
      'Tag',
      options.filters.tagId,
    )
  const labels = REPORT_LABELS[options.language]
  const scope = interviewScope(options)
  // Churn counts companies by their segment and the date they churned; forces count interviews by theirs.
  const slice = { segment: options.filters.segment, from: options.filters.from, to: options.filters.to }
  const tagIds = options.filters.tagId ? subtreeIds(ctx, options.filters.tagId) : null
  const study = options.studyId
    ? (ctx.sqlite.prepare('select name from studies where id = ?').pluck().get(options.studyId) as string)
    : labels.wholeLibrary
  const createdOn = ctx.now().toISOString().slice(0, 10)

  const make: Record<ReportSectionId, () => Omit<ReportSection, 'id' | 'title'> | null> = {
    summary: () =>
      options.summary.trim()
        ? {
            blocks: options.summary
              .split(/\n\s*\n/)
              .map((p) => p.trim())
              .filter(Boolean)
              .map((p) => ({ kind: 'paragraph' as const, runs: [{ text: p }] })),
          }
        : null,
    method: () => methodSection(ctx, scope, labels),
    insights: () => insightsSection(ctx, options, labels),
    churn: () => churnSection(ctx, options.studyId, slice, labels, deps.chartOf),
    forces: () => forcesSection(ctx, options.studyId, slice, labels, deps.chartOf),
    journey: () => journeySection(ctx, options),
    metrics: () => metricsSection(ctx, scope, labels),
    people: () => peopleSection(ctx, scope, labels),
    appendix: () => appendixSection(ctx, scope, tagIds, labels),
  }
  const sections: ReportSection[] = []
  for (const id of options.sections) {
    const body = make[id]()
    if (body) sections.push({ id, title: labels.sections[id], ...body })
  }
  return {
    title: options.title.trim() || `${labels.untitled}: ${study}`,
    subtitle: subtitleOf(ctx, options, labels, study, createdOn),
    language: options.language,
    createdOn,
    anonymized: false,
    sections,
    // Only spreadsheets carry them: the preview and the documents never read a row of it.
    ...(deps.dataTables ? { dataTables: [quotesTable(ctx, scope, tagIds, labels)] } : {}),
  }
}

function subtitleOf(
  ctx: ServiceContext,
  options: ReportOptions,
  labels: ReportLabels,
  study: string,
  createdOn: string,
): string {
  const f = options.filters
  const tag = f.tagId
    ? (ctx.sqlite.prepare('select name from tags where id = ?').pluck().get(f.tagId) as string)
    : null
  return [
    study,
    f.segment && `${labels.filters.segment} ${f.segment}`,
    f.from && `${labels.filters.from} ${f.from}`,
    f.to && `${labels.filters.to} ${f.to}`,
    tag && `${labels.filters.tag}: ${tag}`,
    `${labels.madeOn} ${createdOn}`,
  ]
    .filter(Boolean)
    .join(' · ')
}

/** Every journey board of the study, drawn as the board export draws it (the same SVG as the screen's curve). */
function journeySection(ctx: ServiceContext, options: ReportOptions) {
  if (!options.studyId) return null
  const boards = listBoards(ctx, { studyId: options.studyId })
  if (!boards.length) return null
  return {
    blocks: boards.map((b) => {
      const board = getBoard(ctx, b.id)
      const svg = boardSvg(board, boardInsights(ctx, b.id), { language: options.language })
      const [width, height] = ['width', 'height'].map((a) =>
        Number(new RegExp(`${a}="(\\d+(?:\\.\\d+)?)"`).exec(svg)?.[1] ?? 0),
      )
      return {
        kind: 'figure' as const,
        caption: board.name,
        svg,
        width: width ?? 0,
        height: height ?? 0,
        alt: `${board.name}: ${board.content.stages.map((s) => s.name).join(' → ')}`,
      }
    }),
  }
}
