export const CODEBOOK_CHANNELS = [] as const
