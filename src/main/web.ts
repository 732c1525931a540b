import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { findMigrationsFolder } from './app-paths'
import type { AppContext } from './ipc/app-context'
import { LibraryManager } from './library/library-manager'
import { startWebServer } from './bridge/web-server'

/**
 * Browser mode: the real services and SQLite behind the loopback bridge, for development and end-to-end
 * tests where the Electron binary is not available. Prints the URL to open (with its per-run token).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      library: { type: 'string' },
    },
  })
  const dataDir = resolve(values['data-dir'] ?? join(process.cwd(), '.fieldnote-web'))
  mkdirSync(dataDir, { recursive: true })
  const libraries = new LibraryManager({
    dataDir,
    migrationsFolder: findMigrationsFolder([
      join(__dirname, '../../resources/drizzle'),
      join(process.cwd(), 'resources/drizzle'),
    ]),
  })
  try {
    if (values.library) await libraries.open(resolve(values.library))
    else await libraries.openAtStartup()
  } catch (err) {
    console.error(`[fieldnote] library not opened: ${(err as Error).message}`)
  }
  if (libraries.startupError)
    console.error(`[fieldnote] library not opened: ${libraries.startupError.message}`)
  const app: AppContext = {
    libraries,
    shell: { kind: 'web', version: process.env['npm_package_version'] ?? '0.1.0' },
  }
  const server = await startWebServer({
    app,
    rendererDir: resolve(__dirname, '../renderer'),
    port: Number(values.port),
  })
  console.log(`Fieldnote is running in browser mode. Open:\n  ${server.url}\nData folder: ${dataDir}`)
  console.log(
    `FIELDNOTE_READY ${JSON.stringify({ url: server.url, port: server.port, token: server.token })}`,
  )

  const shutdown = async () => {
    await server.close()
    libraries.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown())
  process.on('SIGINT', () => void shutdown())
}

void main()
