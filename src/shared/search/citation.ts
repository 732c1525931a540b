/** What a citation names; missing parts are left out rather than shown as blanks. */
export interface CitationParts {
  quote: string
  participantName: string | null
  companyName: string | null
  segment: string | null
  studyName: string | null
  /** YYYY-MM-DD or an ISO date-time; only the date is cited. */
  date: string | null
}

/** “quote” — Participant, Company (Segment), Study, YYYY-MM-DD */
export function formatCitation(p: CitationParts): string {
  const company = p.companyName ? (p.segment ? `${p.companyName} (${p.segment})` : p.companyName) : null
  const source = [p.participantName, company, p.studyName, p.date ? p.date.slice(0, 10) : null].filter(
    (s): s is string => Boolean(s && s.trim()),
  )
  const quote = `“${p.quote.trim()}”`
  return source.length ? `${quote} — ${source.join(', ')}` : quote
}
