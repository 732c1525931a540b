/**
 * The app in browser mode for the benchmarks that drive the real renderer in Chromium: the built web server
 * (out/main/web.js) on a loopback port, and plain calls to its bridge to lay out the data before the page opens.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startApp } from '../test/e2e/harness'

/** The running browser-mode server, with the origin and token a plain fetch needs. */
export interface Server {
  origin: string
  token: string
  stop(): Promise<void>
}

/**
 * The built app's web server on its own data folder; says which bench needs the build when it is missing.
 * `args` go to the server as well (e.g. --library FILE).
 */
export async function startServer(
  root: string,
  dataDir: string,
  bench: string,
  args: string[] = [],
): Promise<Server> {
  if (!existsSync(join(root, 'out', 'main', 'web.js')))
    throw new Error(`the ${bench} bench needs the built app: run \`npx electron-vite build\` first`)
  mkdirSync(dataDir, { recursive: true })
  const app = await startApp(dataDir, ['--port', '0', ...args], root)
  const url = new URL(app.url)
  return { origin: url.origin, token: url.searchParams.get('token') ?? '', stop: app.stop }
}

export async function invoke<T>(server: Server, channel: string, input: unknown): Promise<T> {
  const res = await fetch(`${server.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldnote-token': server.token },
    body: JSON.stringify({ channel, input }),
  })
  const env = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } }
  if (!env.ok) throw new Error(`${channel} failed: ${env.error?.code} ${env.error?.message}`)
  return env.value as T
}
