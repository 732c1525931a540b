import type { z } from 'zod'

export interface ChannelSpec {
  input: z.ZodType
  output: z.ZodType
  /**
   * The handler is async (it parses files first, say) and writes inside its own sqlite.transaction;
   * dispatch then does not wrap it in one. Every other data channel is synchronous and wrapped.
   */
  ownTransaction?: true
}

export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}

/** For handlers that must await (file parsing) before writing; they open their own transaction. */
export function asyncChannel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, ownTransaction: true as const }
}
