import { existsSync } from 'node:fs'
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contracts'
import type { AppContext } from '../ipc/app-context'
import { dispatch } from '../ipc/dispatch'

/** What the command line shares across its commands: every call through dispatch, as the app makes it. */

/** A refusal or failure the user can act on: printed as one line, exit code 1. */
export class CliFailure extends Error {}

/**
 * A command in a file of its own (exchange-json.ts): its FILE arguments, its own options, and the library and
 * study named on the line. main.ts finds it by name in its COMMAND_FILES table.
 */
export type CommandRun = (
  app: AppContext,
  files: string[],
  flags: Record<string, string | true>,
  run: { libraryPath: string; study: string | undefined; io: { out: (line: string) => void; cwd: string } },
) => Promise<void>

export async function callOrFail<C extends Channel>(
  app: AppContext,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const env = await dispatch(app, channel, input)
  if (!env.ok) throw new CliFailure(env.error.message)
  return env.value as ChannelOutput<C>
}

export async function openLibrary(app: AppContext, path: string, createIfMissing: boolean): Promise<void> {
  try {
    if (!existsSync(path)) {
      if (!createIfMissing) throw new CliFailure(`Library not found: ${path}`)
      await app.libraries.create(path)
    } else await app.libraries.open(path)
  } catch (err) {
    if (err instanceof CliFailure) throw err
    throw new CliFailure((err as Error).message)
  }
}

export async function findStudy(app: AppContext, name: string, create: boolean): Promise<string> {
  const studies = await callOrFail(app, 'studies:list', { search: name })
  const found = studies.find((s) => s.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase())
  if (found) return found.id
  if (!create) throw new CliFailure(`No study named "${name}" in this library`)
  return (
    await callOrFail(app, 'studies:create', { name: name.trim(), method: 'exit', targetInterviews: 10 })
  ).id
}
