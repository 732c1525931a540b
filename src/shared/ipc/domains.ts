/**
 * The domains of Fieldnote, one name each through every layer: the channel prefix, contracts/<domain>.ts,
 * src/main/ipc/handlers/<domain>.ts, src/main/services/<domain>, src/renderer/src/features/<domain>/ and
 * test/main/<domain>.test.ts (docs/architecture.md has the table). A renderer query is keyed by its channel,
 * so the domain of a cached read is its channel's prefix: that is what a write's `affects` names.
 */
export const DOMAINS = [
  'app',
  'library',
  'backups',
  'studies',
  'companies',
  'participants',
  'scripts',
  'interviews',
  'notes',
  'transcripts',
  'tags',
  'highlights',
  'evidence',
  'search',
  'churn',
  'forces',
  'matrix',
  'stories',
  'imports',
  'boards',
  'insights',
  'reports',
  'exchange',
] as const
export type Domain = (typeof DOMAINS)[number]

/** Every domain whose reads a library switch changes: all of them. */
export const ALL_DOMAINS: readonly Domain[] = DOMAINS

export function domainOf(channel: string): string {
  return channel.slice(0, channel.indexOf(':'))
}

/**
 * Groups of read domains that writes change together, so a write's `affects` says what it touches in a few
 * words. A group may name a read the write does not move in every case; it must never leave one out
 * (test/main/affects.test.ts).
 */
/** Reads that list or count studies, companies, participants and their interviews. */
export const PEOPLE_READS = [
  'studies',
  'companies',
  'participants',
  'interviews',
  // An insight's confidence counts segments and dates of the companies and interviews behind its quotes.
  'insights',
  'reports',
] as const satisfies readonly Domain[]
/** A quote's own lists: the codebook's counts and an interview's highlights. */
export const TAGGING_READS = ['tags', 'highlights'] as const satisfies readonly Domain[]
/** Reads computed from quotes — what was said, tagged how, by whom: evidence, search and every roll-up. */
export const QUOTE_READS = [
  'evidence',
  'search',
  'churn',
  'forces',
  'matrix',
  'stories',
  'boards',
  'insights',
  'reports',
] as const satisfies readonly Domain[]
