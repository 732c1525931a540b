import type { z } from 'zod'

export interface ChannelSpec {
  input: z.ZodType
  output: z.ZodType
  /**
   * The handler is async (it parses files first, or writes a large import in batches) and opens its own
   * transactions; dispatch does not wrap it in one, and runs it holding the library alone
   * (src/main/ipc/exclusive.ts). Every other data channel is synchronous and wrapped.
   */
  ownTransaction?: true
  /** Runs holding the library alone, like an ownTransaction job, without being one (switching libraries). */
  exclusive?: true
  /** Answers from memory while an exclusive job runs (its progress); never waits, never opens a transaction. */
  concurrent?: true
}

export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}

/** For handlers that must await (file parsing, batches of a large import); they open their own transactions. */
export function asyncChannel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, ownTransaction: true as const }
}

/** Reads what a running exclusive job reports; answered while that job holds the library. */
export function concurrentChannel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, concurrent: true as const }
}

/** Switches the open library: it closes the connection a running import writes on, so it takes its turn. */
export function exclusiveChannel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, exclusive: true as const }
}
