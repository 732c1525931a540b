/// <reference types="node" />
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { AppContext } from '../../src/main/ipc/app-context'
import { dispatch } from '../../src/main/ipc/dispatch'
import { LibraryManager } from '../../src/main/library/library-manager'
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contracts'
import type { Envelope } from '../../src/shared/ipc/errors'
import { setTransport, type Transport } from '../../src/renderer/src/lib/transport'

const MIGRATIONS = resolve(import.meta.dirname, '..', '..', 'resources', 'drizzle')

/** What crosses the wire is JSON: anything that does not survive JSON must not be relied on. */
function overTheWire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

export interface RealBackend {
  app: AppContext
  dir: string
  /** Every channel the renderer called, in order. */
  calls: { channel: string; input: unknown }[]
  /** Calls the real dispatch directly (for arranging data and checking results), bypassing the renderer. */
  call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>
  cleanup(): void
}

/**
 * A temp library behind the real main-process dispatch, installed as the renderer's transport: the renderer's
 * calls take the same path as over Electron IPC or the web bridge (channel → zod → service → SQLite → envelope).
 */
export async function installRealBackend(): Promise<RealBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldnote-renderer-'))
  const app: AppContext = {
    libraries: new LibraryManager({ dataDir: join(dir, 'data'), migrationsFolder: MIGRATIONS }),
    shell: { kind: 'web', version: 'test' },
  }
  await app.libraries.create(join(dir, 't.fieldnote'))
  const calls: RealBackend['calls'] = []
  const transport: Transport = {
    kind: 'web',
    async invoke(channel, input) {
      calls.push({ channel, input })
      const envelope = await dispatch(app, channel, overTheWire(input))
      return overTheWire(envelope) as Envelope<unknown>
    },
    onMenu: () => () => {},
    onFlushRequest: () => () => {},
  }
  setTransport(transport)
  return {
    app,
    dir,
    calls,
    async call(channel, input) {
      const env = await dispatch(app, channel, input)
      if (!env.ok) throw new Error(`${channel} failed: ${env.error.code} ${env.error.message}`)
      return env.value as never
    },
    cleanup() {
      app.libraries.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
