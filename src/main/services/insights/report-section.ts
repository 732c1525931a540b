import type { ReportLabels } from '../../../shared/reports/labels'
import type { ReportBlock, ReportSection, TextRun } from '../../../shared/reports/model'
import type { ReportOptions } from '../../../shared/reports/options'
import type { ServiceContext } from '../../db/context'
import { subtreeIds } from '../tags/tree'
import { getInsight, listInsights } from './insights'

/** Quotes an insight shows in a report: its strongest few; the appendix and the app have the rest. */
const QUOTES_PER_INSIGHT = 4

interface DocNode {
  type?: string
  text?: string
  marks?: { type: string }[]
  content?: DocNode[]
}

/** The statement's text with its bold and italic, paragraphs joined by a space (a statement is one block). */
export function statementRuns(doc: unknown): TextRun[] {
  const runs: TextRun[] = []
  const walk = (n: DocNode, first: { value: boolean }) => {
    if (n.type === 'text' && n.text) {
      const marks = new Set((n.marks ?? []).map((m) => m.type))
      runs.push({
        text: n.text,
        ...(marks.has('bold') && { bold: true }),
        ...(marks.has('italic') && { italic: true }),
      })
      return
    }
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'listItem') {
      if (!first.value) runs.push({ text: ' ' })
      first.value = false
    }
    for (const c of n.content ?? []) walk(c, first)
  }
  walk(doc as DocNode, { value: true })
  return runs
}

/**
 * The report's key insights: the study's (or every) insight, most confident first, each with its
 * confidence worded and its quotes — only those inside the report's segment and period. With a segment or
 * period set, an insight with no backing quote inside it is left out: it says nothing about that slice.
 */
export function insightsSection(
  ctx: ServiceContext,
  options: ReportOptions,
  labels: ReportLabels,
): Omit<ReportSection, 'id' | 'title'> | null {
  const f = options.filters
  const sliced = Boolean(f.segment || f.from || f.to)
  const tagSet = f.tagId ? new Set(subtreeIds(ctx, f.tagId)) : null
  const inScope = (q: { segment: string | null; date: string | null }) =>
    (!f.segment || q.segment === f.segment) &&
    (!f.from || (q.date !== null && q.date >= f.from)) &&
    (!f.to || (q.date !== null && q.date <= f.to))
  const blocks: ReportBlock[] = []
  for (const summary of listInsights(ctx, options.studyId ? { studyId: options.studyId } : {})) {
    const insight = getInsight(ctx, summary.id)
    const quotes = insight.evidence.filter(inScope)
    if (sliced && !quotes.some((q) => q.stance === 'for')) continue
    // A tag filter keeps the insights tagged with it and those whose quotes carry it (sub-tags included).
    if (
      tagSet &&
      !summary.tagIds.some((t) => tagSet.has(t)) &&
      !quotes.some((q) => q.tags.some((t) => tagSet.has(t.id)))
    )
      continue
    const ordered = [
      ...quotes.filter((q) => q.stance === 'for'),
      ...quotes.filter((q) => q.stance === 'against'),
    ].slice(0, QUOTES_PER_INSIGHT)
    blocks.push({
      kind: 'insight',
      statement: statementRuns(insight.statement),
      status: labels.insights.status[insight.status],
      confidence: {
        score: insight.confidence.score / 100,
        label: labels.insights.level[insight.confidence.label],
        reasons: insight.confidence.reasons.map(labels.insights.reason),
      },
      quotes: ordered.map((q) => ({
        text: q.quote,
        attribution: [q.participantName, q.companyName].filter(Boolean).join(', ') || labels.unknownSpeaker,
        stance: q.stance,
      })),
    })
  }
  return blocks.length ? { blocks } : null
}
