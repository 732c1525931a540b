import type { ChannelSpec } from '../channel-spec'

export const highlightsContract = {} satisfies Record<string, ChannelSpec>
