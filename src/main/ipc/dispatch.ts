import { z } from 'zod'
import { contract, isChannel } from '../../shared/ipc/contracts'
import { AppError, type Envelope } from '../../shared/ipc/errors'
import type { ServiceContext } from '../db/context'
import type { AppContext } from './app-context'
import { isExclusiveRunning, runExclusive, waitForExclusive } from './exclusive'
import { handlers } from './handlers'

function issuesOf(err: z.ZodError): string[] {
  return err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
}

/**
 * A schema's size limit (issue params code TOO_LARGE, e.g. notes:save) when it is the only thing wrong with
 * the input: the caller can act on it (shorten, move elsewhere), and no retry of the same input can succeed.
 */
function tooLargeIssue(err: z.ZodError): { message: string; params: Record<string, string> } | null {
  const [first] = err.issues
  const isTooLarge = (i: z.core.$ZodIssue) => i.code === 'custom' && i.params?.['code'] === 'TOO_LARGE'
  if (!first || !err.issues.every(isTooLarge) || first.code !== 'custom') return null
  const { code: _code, ...params } = first.params as Record<string, string>
  return { message: first.message, params }
}

/**
 * The one path every call takes, over Electron IPC and over the web bridge alike: known channel → zod-parsed
 * input → service → zod-checked output → envelope. Errors keep a stable code; unexpected ones are logged and
 * reported as INTERNAL without leaking internals.
 */
export async function dispatch(
  app: AppContext,
  channel: unknown,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel))
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel).slice(0, 80)}` },
    }
  const spec = contract[channel]
  const parsed = spec.input.safeParse(rawInput)
  if (!parsed.success) {
    const issues = issuesOf(parsed.error)
    const tooLarge = tooLargeIssue(parsed.error)
    if (tooLarge)
      return { ok: false, error: { code: 'TOO_LARGE', message: tooLarge.message, params: tooLarge.params } }
    return { ok: false, error: { code: 'VALIDATION', message: issues[0] ?? 'Invalid input', issues } }
  }
  try {
    // A shell handler takes the app; a library handler the open library's context, resolved here only.
    const handler = handlers[channel] as (
      target: AppContext | ServiceContext,
      input: unknown,
      shell?: AppContext['shell'],
    ) => unknown
    const shell = 'shell' in spec
    const target = () => (shell ? app : app.libraries.context())
    if ('concurrent' in spec)
      return { ok: true, value: spec.output.parse(await handler(target(), parsed.data)) }
    // runExclusive queues behind a running job itself; the context is resolved once the job has its turn.
    if ('ownTransaction' in spec || 'exclusive' in spec)
      return {
        ok: true,
        value: spec.output.parse(
          await runExclusive(app, async () => handler(target(), parsed.data, app.shell)),
        ),
      }
    if (isExclusiveRunning(app)) await waitForExclusive(app)
    if (shell) return { ok: true, value: spec.output.parse(await handler(app, parsed.data)) }
    // One transaction per call: a failure anywhere, even in the output check, leaves the library as it was.
    const ctx = app.libraries.context()
    const value = ctx.sqlite.transaction(() => spec.output.parse(handler(ctx, parsed.data)))()
    return { ok: true, value }
  } catch (err) {
    if (err instanceof AppError)
      return {
        ok: false,
        error: {
          code: err.code,
          message: err.message,
          ...(err.issues ? { issues: err.issues } : {}),
          ...(err.params ? { params: err.params } : {}),
        },
      }
    console.error(`[fieldnote] ${channel} failed`, err)
    // A channel with its own transaction has committed before its output is checked.
    const kept = 'ownTransaction' in spec && err instanceof z.ZodError
    const message = kept
      ? 'The app produced data it could not check; the change may have been saved, so look before repeating it.'
      : err instanceof z.ZodError
        ? 'The app produced data it could not check; nothing was changed.'
        : // The screen puts "Something went wrong:" in front; this says what it means for the user's data.
          'Fieldnote hit an unexpected error and stopped; nothing was changed.'
    return { ok: false, error: { code: 'INTERNAL', message } }
  }
}
