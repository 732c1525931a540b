import type { ChannelSpec } from '../channel-spec'

export const evidenceContract = {} satisfies Record<string, ChannelSpec>
