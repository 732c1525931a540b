export const ANALYSIS_CHANNELS = [] as const
