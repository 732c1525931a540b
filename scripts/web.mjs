// npm run web: browser mode. Builds the app, then serves the real renderer and services on 127.0.0.1 with
// an access token kept in the data folder, for development and tests where the Electron binary is not
// available. Flags after `--` go to the server: --data-dir DIR, --port N, --library FILE, --new-token,
// --no-build.
import { spawn, spawnSync } from 'node:child_process'
import { constants } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const args = process.argv.slice(2)
if (!args.includes('--no-build')) {
  const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const server = spawn(
  process.execPath,
  [join(root, 'out', 'main', 'web.js'), ...args.filter((a) => a !== '--no-build')],
  {
    cwd: root,
    stdio: 'inherit',
  },
)
// A terminal's Ctrl+C reaches the server too (same process group); forwarding covers a plain `kill` of
// this wrapper. The server treats a repeated signal as the same request to stop.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)))
