import { z } from 'zod'
import type { Domain } from './domains'

/** The answer of a write that has nothing else to say. */
export const OkSchema = z.object({ ok: z.literal(true) })

export interface ChannelSpec {
  input: z.ZodType
  output: z.ZodType
  /** A read changes nothing; a write names the read domains it may change (see `affects`). */
  kind: 'read' | 'write'
  /**
   * The domains whose reads this write may change. The renderer refreshes exactly these after it succeeds
   * (lib/queries.ts), and test/main/affects.test.ts runs every write on a seeded library and fails when a read
   * outside them changed.
   */
  affects?: readonly Domain[]
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
  /**
   * The library's data as a file (a JSON backup): asked once, on a click, and never cached by a screen. Every
   * write changes it, so no write names its domain in `affects` (test/main/affects.test.ts leaves it out).
   */
  snapshot?: true
}

/** Reads the open library in one transaction. */
export function read<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, kind: 'read' as const }
}

/** Reads the library's data into a file the user keeps (see ChannelSpec.snapshot). */
export function snapshotRead<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, kind: 'read' as const, snapshot: true as const }
}

/** Writes the open library in one transaction; `affects` names the read domains it may change. */
export function write<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  affects: readonly Domain[],
) {
  return { input, output, kind: 'write' as const, affects }
}

/** A write that must await (file parsing, batches of a large import); it opens its own transactions. */
export function asyncWrite<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  affects: readonly Domain[],
) {
  return { input, output, kind: 'write' as const, affects, ownTransaction: true as const }
}

/**
 * A read that must await (writing an office file, printing a PDF): its handler opens its own read
 * transaction for the data and runs holding the library alone, so no write lands while the report is built.
 */
export function asyncRead<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, kind: 'read' as const, ownTransaction: true as const }
}

/** Reads what a running exclusive job reports; answered while that job holds the library. */
export function progressRead<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, kind: 'read' as const, concurrent: true as const, shell: true as const }
}

/**
 * Steers a running exclusive job (cancels an export): answered at once, like its progress, and changes no
 * library data, so it refreshes nothing.
 */
export function jobControl<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return {
    input,
    output,
    kind: 'write' as const,
    affects: [] as const,
    concurrent: true as const,
    shell: true as const,
  }
}

/** Switches the open library: it closes the connection a running import writes on, so it takes its turn. */
export function switchLibrary<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  affects: readonly Domain[],
) {
  return { input, output, kind: 'write' as const, affects, exclusive: true as const, shell: true as const }
}

/** Reads the app or the library manager, with no library needed (see ChannelSpec.shell). */
export function shellRead<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, kind: 'read' as const, shell: true as const }
}

/** Changes the app's own state (not the library's), with no library needed. */
export function shellWrite<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  affects: readonly Domain[],
) {
  return { input, output, kind: 'write' as const, affects, shell: true as const }
}
