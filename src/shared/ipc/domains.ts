/**
 * The domains of Fieldnote, one name each through every layer: the channel prefix, contracts/<domain>.ts,
 * src/main/ipc/handlers/<domain>.ts, src/main/services/<domain>, src/renderer/src/features/<domain>/ and
 * test/main/<domain>.test.ts (docs/architecture.md has the table). A renderer query is keyed by its channel,
 * so the domain of a cached read is its channel's prefix: that is what a write's `affects` names.
 */
export const DOMAINS = [
  'app',
  'library',
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
] as const
export type Domain = (typeof DOMAINS)[number]

/** Every domain whose reads a library switch changes: all of them. */
export const ALL_DOMAINS: readonly Domain[] = DOMAINS

export function domainOf(channel: string): string {
  return channel.slice(0, channel.indexOf(':'))
}
