import type { AppContext } from '../src/main/ipc/app-context'
import type { Channel, ChannelInput, ChannelOutput } from '../src/shared/ipc/contracts'

/** bench/run.ts's dispatch() for a call that must succeed (an error envelope throws). */
export type Call = <C extends Channel>(
  app: AppContext,
  channel: C,
  input?: ChannelInput<C>,
) => Promise<ChannelOutput<C>>

/** bench/run.ts's report(): records and prints one figure; a goal is an upper bound. */
export type Report = (name: string, value: number, unit: string, goal?: number) => void
