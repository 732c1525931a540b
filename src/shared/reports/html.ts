import { esc } from '../boards/svg'
import { cellText, confidenceLine, isNumeric } from './cells'
import { REPORT_CSS } from './html-style'
import { REPORT_LABELS, type ReportLabels } from './labels'
import type { ReportBlock, ReportDocument, TextRun } from './model'

/**
 * The report as ONE self-contained HTML file: inline CSS and SVG, no script, nothing loaded from anywhere (the
 * Content-Security-Policy says so to the browser too), so it opens offline and can be mailed as it is. It is
 * also what the preview shows and what Chromium prints to PDF: h1 for the title, h2 per section, h3 per
 * sub-section give the PDF its outline. Every user string goes through esc(); the only markup not escaped
 * is the charts' and figures' SVG, drawn by our own code (and the main process sanitizes the whole file).
 */

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

export function reportHtml(doc: ReportDocument): string {
  const labels = REPORT_LABELS[doc.language]
  const sections = doc.sections.map((s, i) => {
    const children = (s.children ?? []).map(
      (c) =>
        `<section><h3>${esc(c.title)}</h3>${c.blocks.map((b) => block(b, doc, labels)).join('')}</section>`,
    )
    return (
      `<section id="section-${i + 1}"><h2>${esc(s.title)}</h2>` +
      s.blocks.map((b) => block(b, doc, labels)).join('') +
      children.join('') +
      '</section>'
    )
  })
  const contents = doc.sections.length
    ? `<nav aria-label="${esc(labels.formats.contents)}"><h2>${esc(labels.formats.contents)}</h2><ol>${doc.sections
        .map((s, i) => `<li><a href="#section-${i + 1}">${esc(s.title)}</a></li>`)
        .join('')}</ol></nav>`
    : ''
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.language === 'ru' ? 'ru' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(doc.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(doc.title)}</h1>`,
    doc.subtitle ? `<p class="subtitle">${esc(doc.subtitle)}</p>` : '',
    doc.anonymized ? `<p class="note">${esc(labels.anonymized)}</p>` : '',
    '</header>',
    contents,
    `<main>${sections.join('')}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function runsHtml(runs: readonly TextRun[]): string {
  return runs
    .map((r) => {
      let t = esc(r.text)
      if (r.italic) t = `<em>${t}</em>`
      if (r.bold) t = `<strong>${t}</strong>`
      return t
    })
    .join('')
}

/**
 * One element and its attribution per quote, not a figure around a blockquote and a caption: an appendix holds
 * thousands, and each element is laid out twice and tagged when printed (bench: report_pdf_ms). The tagged
 * PDF also reads better: a BlockQuote holding its words and who said them, where a Figure (an illustration,
 * to PDF readers) had wrapped them.
 */
function quoteHtml(text: string, attribution: string, against?: string): string {
  const stance = against ? `<span class="stance">${esc(against)}:</span>` : ''
  return (
    `<blockquote class="quote${against ? ' against' : ''}">${stance}${esc(text)}` +
    (attribution ? `<footer>— ${esc(attribution)}</footer>` : '') +
    '</blockquote>'
  )
}

/**
 * A picture of ours: the SVG itself, its text alternative for screen readers, its caption under it. Inline SVG
 * in HTML needs no namespace declaration, so the file holds no URL at all, not even the SVG namespace's.
 */
function pictureHtml(svg: string, alt: string, caption: string): string {
  const inline = svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '<svg')
  return `<figure><div role="img" aria-label="${esc(alt)}">${inline}</div><figcaption>${esc(caption)}</figcaption></figure>`
}

function block(b: ReportBlock, doc: ReportDocument, labels: ReportLabels): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${runsHtml(b.runs)}</p>`
    case 'bullets':
      return `<ul>${b.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</ul>`
    case 'quote':
      return quoteHtml(b.text, b.attribution)
    case 'chart':
      return pictureHtml(b.chart.svg, `${b.chart.title} (${b.chart.unit})`, b.chart.title)
    case 'figure':
      return pictureHtml(b.svg, b.alt, b.caption)
    case 'table': {
      const head = b.columns.map(
        (c) => `<th scope="col"${isNumeric(c) ? ' class="num"' : ''}>${esc(c.header)}</th>`,
      )
      const rows = b.rows.map(
        (r) =>
          `<tr>${b.columns
            .map((c, i) => {
              const text = esc(cellText(r[i] ?? null, c, doc.language))
              return isNumeric(c) ? `<td class="num">${text}</td>` : `<td>${text}</td>`
            })
            .join('')}</tr>`,
      )
      return `<table><caption>${esc(b.caption)}</caption><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
    }
    case 'insight': {
      const c = b.confidence
      const reasons = c.reasons.length
        ? `<ul class="reasons">${c.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`
        : ''
      const quotes = b.quotes.map((q) =>
        quoteHtml(q.text, q.attribution, q.stance === 'against' ? labels.insights.against : undefined),
      )
      return (
        `<article class="insight"><p class="statement">${runsHtml(b.statement)}</p>` +
        `<p class="confidence">${esc(confidenceLine(b, labels))}</p>${reasons}${quotes.join('')}</article>`
      )
    }
  }
}
