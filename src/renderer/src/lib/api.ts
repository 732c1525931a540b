import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contracts'
import type { AppErrorShape, ErrorCode } from '../../../shared/ipc/errors'
import { transport } from './transport'

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly issues: string[]
  readonly params: Record<string, string> | undefined
  constructor(shape: AppErrorShape) {
    super(shape.message)
    this.code = shape.code
    this.issues = shape.issues ?? []
    this.params = shape.params
  }
}

/** Calls a contract channel; resolves with its value or throws ApiError with a stable code. */
export async function call<C extends Channel>(
  channel: C,
  input?: ChannelInput<C>,
  opts?: { keepalive?: boolean },
): Promise<ChannelOutput<C>> {
  const envelope = await transport().invoke(channel, input, opts)
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value as ChannelOutput<C>
}
