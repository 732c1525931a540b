import type { ChannelSpec } from '../channel-spec'

export const analysisContract = {} satisfies Record<string, ChannelSpec>
