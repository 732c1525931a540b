import type { ChannelSpec } from '../channel-spec'

export const codebookContract = {} satisfies Record<string, ChannelSpec>
