import type { ReportBlock, ReportDocument, ReportSection } from './model'

/** Someone or something a report must not name, with the pseudonym it gets (P3, C12). */
export interface Pseudonym {
  kind: 'participant' | 'company'
  name: string
  alias: string
  email?: string
  phone?: string
}

/** What anonymizing replaced, for the preview: never exported. */
export interface Replacement {
  original: string
  replacement: string
  count: number
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu
// A phone number: a run of at least 7 digits, allowing spaces, dots, dashes, parentheses and a leading +.
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}])/gu
/** Dates are digit runs with dashes or dots too ("2026-03-02", "02.03.2026"): never a phone number. */
const isDate = (m: string): boolean => /^\s*(\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\s*$/.test(m)
const EMAIL_MARK = '[e-mail]'
const PHONE_MARK = '[phone]'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

interface Rule {
  pattern: RegExp
  replacement: string
  original: string
}

/**
 * Longest names first, so "Acme Cloud" is replaced before "Acme". Notes shorten names, so the parts people
 * write alone go too, as written (capitalised) and when at least three letters: a participant's first and
 * last name ("Ann said…", "Lee agreed"), a company's leading word ("Acme" for "Acme Cloud") unless it is a
 * legal form or an article ("The", "ООО"). Matches are whole words; full names in any letter case.
 */
const NOT_A_NAME = new Set(['the', 'a', 'an', 'ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'llc', 'inc'])

function shortForms(p: Pseudonym, full: string): string[] {
  const words = full.split(/\s+/).filter(Boolean)
  if (words.length < 2) return []
  const parts = p.kind === 'participant' ? [words[0]!, words.at(-1)!] : [words[0]!]
  return parts.filter((w) => [...w].length >= 3 && !NOT_A_NAME.has(w.toLocaleLowerCase()))
}

function rulesFor(people: readonly Pseudonym[], xml: boolean): Rule[] {
  const rules: Rule[] = []
  for (const p of people) {
    const full = p.name.trim()
    // A short form only as written (capitalised): "Max" is a name, "max 5 seats" is not.
    const names: [string, string][] = [
      [full, 'giu'],
      ...shortForms(p, full).map((w): [string, string] => [w, 'gu']),
    ]
    for (const [name, flags] of names) {
      if (!name) continue
      const text = xml ? escapeXml(name) : name
      rules.push({
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, flags),
        replacement: p.alias,
        original: name,
      })
    }
    for (const value of [p.email, p.phone])
      if (value?.trim())
        rules.push({
          pattern: new RegExp(escapeRegExp(xml ? escapeXml(value.trim()) : value.trim()), 'giu'),
          replacement: value === p.email ? EMAIL_MARK : PHONE_MARK,
          original: value.trim(),
        })
  }
  return rules.sort((a, b) => b.original.length - a.original.length)
}

/** A copy of the report with every listed name, every e-mail address and every phone number replaced. */
export function anonymizeReport(
  doc: ReportDocument,
  people: readonly Pseudonym[],
): { document: ReportDocument; replacements: Replacement[] } {
  const counts = new Map<string, Replacement>()
  const count = (original: string, replacement: string, n: number) => {
    if (!n) return
    const key = `${original}\u0000${replacement}`
    const r = counts.get(key) ?? { original, replacement, count: 0 }
    r.count += n
    counts.set(key, r)
  }
  const make = (xml: boolean) => {
    const rules = rulesFor(people, xml)
    return (s: string): string => {
      let out = s
      for (const rule of rules)
        out = out.replace(rule.pattern, () => {
          count(rule.original, rule.replacement, 1)
          return rule.replacement
        })
      out = out.replace(EMAIL, (m) => (count(m, EMAIL_MARK, 1), EMAIL_MARK))
      const phones = (t: string) =>
        t.replace(PHONE, (m) => (isDate(m) ? m : (count(m.trim(), PHONE_MARK, 1), PHONE_MARK)))
      // In SVG only the text people read: coordinates and a viewBox are digit runs too ("0 0 720 380").
      return xml
        ? out
            .replace(/>([^<]+)</g, (_m, t: string) => `>${phones(t)}<`)
            .replace(/(aria-label=")([^"]*)"/g, (_m, a: string, t: string) => `${a}${phones(t)}"`)
        : phones(out)
    }
  }
  const text = make(false)
  const svg = make(true)
  const block = (b: ReportBlock): ReportBlock => {
    switch (b.kind) {
      case 'paragraph':
        return { ...b, runs: b.runs.map((r) => ({ ...r, text: text(r.text) })) }
      case 'bullets':
        return { ...b, items: b.items.map((i) => i.map((r) => ({ ...r, text: text(r.text) }))) }
      case 'quote':
        return { ...b, text: text(b.text), attribution: text(b.attribution) }
      case 'table':
        return {
          ...b,
          caption: text(b.caption),
          columns: b.columns.map((c) => ({ ...c, header: text(c.header) })),
          rows: b.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? text(cell) : cell))),
        }
      case 'chart':
        return {
          ...b,
          chart: {
            ...b.chart,
            title: text(b.chart.title),
            bars: b.chart.bars.map((bar) => ({ ...bar, label: text(bar.label) })),
            svg: svg(b.chart.svg),
          },
        }
      case 'figure':
        return { ...b, caption: text(b.caption), alt: text(b.alt), svg: svg(b.svg) }
      case 'insight':
        return {
          ...b,
          statement: b.statement.map((r) => ({ ...r, text: text(r.text) })),
          confidence: { ...b.confidence, reasons: b.confidence.reasons.map(text) },
          quotes: b.quotes.map((q) => ({ ...q, text: text(q.text), attribution: text(q.attribution) })),
        }
    }
  }
  const section = (s: ReportSection): ReportSection => ({
    ...s,
    title: text(s.title),
    blocks: s.blocks.map(block),
    ...(s.children
      ? { children: s.children.map((c) => ({ title: text(c.title), blocks: c.blocks.map(block) })) }
      : {}),
  })
  const document: ReportDocument = {
    ...doc,
    title: text(doc.title),
    subtitle: text(doc.subtitle),
    anonymized: true,
    sections: doc.sections.map(section),
    ...(doc.dataTables
      ? {
          dataTables: doc.dataTables.map(
            (t) => block(t) as NonNullable<ReportDocument['dataTables']>[number],
          ),
        }
      : {}),
  }
  return {
    document,
    replacements: [...counts.values()].sort(
      (a, b) => b.count - a.count || a.original.localeCompare(b.original),
    ),
  }
}
