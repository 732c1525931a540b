/**
 * The JSON Fieldnote puts beside project.qde in a .qdpx: what the exchange standard has no place for.
 * Other tools ignore a file they do not know; Fieldnote reads it back to rebuild notes (per question) and
 * transcripts (speakers and times) from its own export. Its tables are rows as stored, for a person or a
 * later import; a project import reports them rather than merging them into another library.
 */
export const QDPX_SIDECAR = 'fieldnote.json'
export const SIDECAR_FORMAT = 'fieldnote-qdpx-sidecar'

export interface SidecarSource {
  kind: 'note' | 'transcript'
  id: string
  interviewId: string
  /** The question id of a note; the title of a transcript. */
  label: string
  /** A transcript's tiptap document (speakers and times), whose plain text is the source's text. */
  doc?: unknown
}

export interface Sidecar {
  format: typeof SIDECAR_FORMAT
  version: 1
  study: { id: string; name: string } | null
  sources: Record<string, SidecarSource>
  tables: Record<string, Record<string, unknown>[]>
}
