import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { findMigrationsFolder } from './app-paths'
import type { AppContext } from './ipc/app-context'
import { LibraryManager } from './library/library-manager'
import { startWebServer, type RunningWebServer } from './bridge/web-server'
import { loadOrCreateToken } from './bridge/web-token'
import { printHtmlWithChromium } from './bridge/chromium-pdf'

const USAGE = 'Usage: npm run web -- [--data-dir DIR] [--port N] [--library FILE] [--new-token] [--no-build]'

function fail(message: string): never {
  console.error(`fieldnote: ${message}`)
  process.exit(2)
}

function parsePort(raw: string): number {
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port > 65535) fail(`--port takes a number from 0 to 65535, not "${raw}".`)
  return port
}

/**
 * Browser mode: the real services and SQLite behind the loopback bridge, for development and end-to-end
 * tests where the Electron binary is not available. Prints the URL to open; its token stays the same across
 * restarts on the same data folder (unless --new-token), so with a fixed --port an open tab keeps working.
 */
async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '0' },
        library: { type: 'string' },
        'new-token': { type: 'boolean', default: false },
      },
    }))
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`)
  }
  const port = parsePort(String(values['port']))
  const dataDir = resolve(String(values['data-dir'] ?? join(process.cwd(), '.fieldnote-web')))
  mkdirSync(dataDir, { recursive: true })
  const libraries = new LibraryManager({
    dataDir,
    migrationsFolder: findMigrationsFolder([
      join(__dirname, '../../resources/drizzle'),
      join(process.cwd(), 'resources/drizzle'),
    ]),
    autoBackup: true,
  })
  const requested = typeof values['library'] === 'string' ? resolve(values['library']) : undefined
  // A refusal is kept for the library screen, which says it in the user's language; the terminal hears it too.
  await libraries.openAtStartup(requested)
  if (libraries.startupError)
    console.error(`[fieldnote] library not opened: ${libraries.startupError.message}`)
  const app: AppContext = {
    libraries,
    shell: {
      kind: 'web',
      version: process.env['npm_package_version'] ?? '0.1.0',
      printToPdf: printHtmlWithChromium,
    },
  }
  let server: RunningWebServer
  try {
    server = await startWebServer({
      app,
      rendererDir: resolve(__dirname, '../renderer'),
      port,
      token: loadOrCreateToken(dataDir, { renew: values['new-token'] === true }),
    })
  } catch (err) {
    libraries.close()
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE')
      fail(`port ${port} is already in use (is Fieldnote already running there?). Choose another --port.`)
    fail(`could not start the server: ${(err as Error).message}`)
  }
  // The token appears only in the URL the user opens (and in the same URL on the line tests wait for).
  console.log(`Fieldnote is running in browser mode. Open:\n  ${server.url}\nData folder: ${dataDir}`)
  console.log('Press Ctrl+C to stop.')
  console.log(`FIELDNOTE_READY ${JSON.stringify({ url: server.url, port: server.port })}`)

  // Ctrl+C reaches us twice under `npm run web` (from the terminal and forwarded by the wrapper): the
  // first signal starts one shutdown, later ones wait for it instead of closing things twice.
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    // A write that hangs must not keep the process alive forever; SQLite rolls back an unfinished one.
    setTimeout(() => {
      console.error('[fieldnote] a request did not finish within 10 s; stopping anyway.')
      process.exit(1)
    }, 10_000).unref()
    await server.close()
    libraries.close()
    console.log(`Fieldnote stopped (${signal}); the library was closed cleanly.`)
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

void main()
