import type { SnippetSegment } from '../../../../shared/search/query'

/** A search snippet as text and <mark> elements: user content is never parsed as HTML. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <p className="snippet">
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </p>
  )
}
