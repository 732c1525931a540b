export const EVIDENCE_CHANNELS = [] as const
