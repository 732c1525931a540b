export const EVIDENCE_CHANNELS = ['search:query', 'evidence:list', 'evidence:filterOptions'] as const
