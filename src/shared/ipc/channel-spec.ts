import { z } from 'zod'

/** The answer of a write that has nothing else to say. */
export const OkSchema = z.object({ ok: z.literal(true) })

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
  /**
   * Works on the app and the library manager, not inside the open library (app info, opening or creating a
   * library): no transaction, and its handler gets the app instead of a library context. Every other channel is
   * a library channel: dispatch resolves the open library's context, hands it over, and wraps the call in one
   * transaction unless it is an ownTransaction job.
   */
  shell?: true
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
  return { input, output, concurrent: true as const, shell: true as const }
}

/** Switches the open library: it closes the connection a running import writes on, so it takes its turn. */
export function exclusiveChannel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, exclusive: true as const, shell: true as const }
}

/** Works on the app or the library manager, with no library needed (see ChannelSpec.shell). */
export function shellChannel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, shell: true as const }
}
