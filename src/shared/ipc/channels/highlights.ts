export const HIGHLIGHTS_CHANNELS = [] as const
