import type { Channel, ChannelInput, ChannelOutput, ReadChannel } from '../../../shared/ipc/contracts'
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

/**
 * Sends any contract call; resolves with its value or throws ApiError with a stable code. Only lib/queries.ts
 * sends writes, so that each one refreshes what it affects; screens read with `call` or `useApi`.
 */
export async function send<C extends Channel>(
  channel: C,
  input?: ChannelInput<C>,
  opts?: { keepalive?: boolean },
): Promise<ChannelOutput<C>> {
  const envelope = await transport().invoke(channel, input, opts)
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value as ChannelOutput<C>
}

/** A read outside a query (a preview, an export, the next page of search): writes go through lib/queries.ts. */
export function call<C extends ReadChannel>(
  channel: C,
  input?: ChannelInput<C>,
  opts?: { keepalive?: boolean },
): Promise<ChannelOutput<C>> {
  return send(channel, input, opts)
}
