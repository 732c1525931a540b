import { chartNumber } from './charts'
import { cellText, confidenceLine, isNumeric } from './cells'
import { REPORT_LABELS, type ReportLabels } from './labels'
import type { ReportBlock, ReportChart, ReportDocument, TextRun } from './model'

/**
 * The report as GitHub-flavoured Markdown, for wikis, tickets and repositories: headings # / ## / ###, quotes as
 * `>`, tables as GFM tables, a chart as the table of its numbers and a figure as its text alternative (a
 * Markdown file carries no pictures of its own). User text is escaped so that it stays text in any renderer:
 * no HTML, no link, no emphasis, no list or heading it did not ask for.
 */

/** Punctuation CommonMark lets a backslash escape; these could open HTML, links, emphasis, code or tables. */
const INLINE = /[\\`*_{}[\]<>#|~&!@]/g

/**
 * User text made literal inside a line. GFM also links bare URLs, www. names and e-mail addresses: the ://,
 * the www. and the @ are escaped so none becomes a link.
 */
export function mdText(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/\t/g, ' ')
}

/** User text with its newlines kept, as hard line breaks. */
const mdLines = (text: string): string => text.replace(/\r\n?/g, '\n').split('\n').map(mdText).join('  \n')

/** A line start that would make a list, a heading underline or a code block is made neutral. */
const blockStarts = (md: string): string =>
  md
    .split('\n')
    .map((l) =>
      l
        .trimStart()
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n')

const oneLine = (text: string): string => mdText(text.replace(/\s*[\r\n]+\s*/g, ' ').trim())

function mdRuns(runs: readonly TextRun[]): string {
  return blockStarts(runs.map(markRun).join(''))
}

function markRun(r: TextRun): string {
  const t = mdLines(r.text)
  const mark = r.bold && r.italic ? '***' : r.bold ? '**' : r.italic ? '*' : ''
  if (!mark || !t.trim()) return t
  // Emphasis may not start or end on a space: the spaces go outside the marks.
  const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(t) ?? ['', '', t, '']
  return `${lead}${mark}${body}${mark}${trail}`
}

function mdQuote(text: string, attribution: string, prefix = ''): string {
  const lines = blockStarts(mdLines(text).replace(/ {2}\n/g, '\n')).split('\n')
  if (prefix) lines[0] = `**${mdText(prefix)}:** ${lines[0]}`
  const body = lines.map((l) => `> ${l}`).join('  \n')
  return attribution ? `${body}\n>\n> — ${oneLine(attribution)}` : body
}

function mdTable(headers: string[], numeric: boolean[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    line(headers.map(oneLine)),
    line(numeric.map((n) => (n ? '---:' : '---'))),
    ...rows.map((r) => line(r.map((c) => oneLine(c) || ' '))),
  ].join('\n')
}

function chartTable(chart: ReportChart, labels: ReportLabels): string {
  const pareto = chart.bars.some((b) => b.cumulativeShare !== undefined)
  const headers = [labels.formats.item, chart.unit, ...(pareto ? [labels.formats.cumulativeShare] : [])]
  const rows = chart.bars.map((b) => [
    b.label,
    chartNumber(b.value),
    ...(pareto ? [b.cumulativeShare === undefined ? '' : `${Math.round(b.cumulativeShare * 100)}%`] : []),
  ])
  return `**${oneLine(chart.title)}**\n\n${mdTable(
    headers,
    headers.map((_, i) => i > 0),
    rows,
  )}`
}

function mdBlock(b: ReportBlock, doc: ReportDocument, labels: ReportLabels): string {
  switch (b.kind) {
    case 'paragraph':
      return mdRuns(b.runs)
    case 'bullets':
      return b.items.map((item) => `- ${mdRuns(item).replace(/ {2}\n/g, '  \n  ')}`).join('\n')
    case 'quote':
      return mdQuote(b.text, b.attribution)
    case 'chart':
      return chartTable(b.chart, labels)
    case 'figure':
      return `*${oneLine(b.caption)}*: ${oneLine(b.alt)}`
    case 'table':
      return `**${oneLine(b.caption)}**\n\n${mdTable(
        b.columns.map((c) => c.header),
        b.columns.map(isNumeric),
        b.rows.map((r) => b.columns.map((c, i) => cellText(r[i] ?? null, c, doc.language))),
      )}`
    case 'insight':
      return [
        `**${oneLine(b.statement.map((r) => r.text).join(''))}**`,
        oneLine(confidenceLine(b, labels)),
        b.confidence.reasons.map((r) => `- ${oneLine(r)}`).join('\n'),
        ...b.quotes.map((q) =>
          mdQuote(
            q.text,
            q.attribution,
            q.stance === 'against' ? labels.insights.against : labels.formats.for,
          ),
        ),
      ]
        .filter(Boolean)
        .join('\n\n')
  }
}

export function reportMarkdown(doc: ReportDocument): string {
  const labels = REPORT_LABELS[doc.language]
  const out = [`# ${oneLine(doc.title)}`]
  if (doc.subtitle) out.push(blockStarts(mdLines(doc.subtitle)))
  if (doc.anonymized) out.push(`*${mdText(labels.anonymized)}*`)
  for (const s of doc.sections) {
    out.push(`## ${oneLine(s.title)}`, ...s.blocks.map((b) => mdBlock(b, doc, labels)))
    for (const c of s.children ?? [])
      out.push(`### ${oneLine(c.title)}`, ...c.blocks.map((b) => mdBlock(b, doc, labels)))
  }
  return `${out.join('\n\n')}\n`
}
