/**
 * How much one question's notes may hold, checked by the renderer before it sends a save and by the
 * notes:save schema, so both refuse the same note with the same reason (docs/decisions.md, "Note size limit").
 *
 * Live notes of a 60-minute interview are tens of KB and a full verbatim transcript 60–100 KB of text, so
 * 250,000 characters (~40,000 words) never stops real note-taking, while a pasted transcript dump of
 * megabytes — which belongs in Transcripts — is refused at once instead of being sent and retried.
 */
export const MAX_NOTE_TEXT_CHARS = 250_000
/**
 * The stored tiptap JSON: stamps, formatting and highlight marks make it a few times the text, so this bound
 * is only ever met by a note over the text limit or one made of thousands of tiny marks.
 */
export const MAX_NOTE_DOC_CHARS = 2_000_000

/** A note that cannot be saved, with what was measured: params of the TOO_LARGE error (strings, for i18n). */
export interface NoteSizeProblem {
  what: 'text' | 'doc'
  limit: number
  size: number
}

/** The first limit a note breaks (text first: it is the one a person can act on), or null. */
export function noteSizeProblem(textLength: number, docJsonLength: number): NoteSizeProblem | null {
  if (textLength > MAX_NOTE_TEXT_CHARS) return { what: 'text', limit: MAX_NOTE_TEXT_CHARS, size: textLength }
  if (docJsonLength > MAX_NOTE_DOC_CHARS)
    return { what: 'doc', limit: MAX_NOTE_DOC_CHARS, size: docJsonLength }
  return null
}

export function noteSizeMessage(p: NoteSizeProblem): string {
  return p.what === 'text'
    ? `This note has ${p.size} characters; one question's notes may hold at most ${p.limit}.`
    : `This note's formatting takes ${p.size} characters; one question's notes may take at most ${p.limit}.`
}

/** Zod issue params that dispatch turns into the non-retryable TOO_LARGE error code. */
export function tooLargeParams(p: NoteSizeProblem): Record<string, string> {
  return { code: 'TOO_LARGE', what: p.what, limit: String(p.limit), size: String(p.size) }
}
