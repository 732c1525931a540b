// Finds the Electron executable for `npm start` / `npm run dev` and installs it through Electron's own installer
// when it is missing. electron 45 downloads its binary only when `require('electron')` runs, and electron-vite
// never does that: it reads node_modules/electron/path.txt itself and throws "Electron uninstall" without it.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/'

/** Thrown with a message meant for the person at the terminal, printed as it is, without a stack. */
export class StartError extends Error {}

/** The electron package the project resolves, its version and the target the installer picks. */
export function electronPackage(root) {
  let pkgJson
  try {
    pkgJson = createRequire(join(root, 'package.json')).resolve('electron/package.json')
  } catch {
    throw new StartError(
      'Fieldnote cannot start: its dependencies are not installed. Run `npm install` first.',
    )
  }
  const env = process.env
  return {
    dir: dirname(pkgJson),
    version: JSON.parse(readFileSync(pkgJson, 'utf8')).version,
    // The installer's own precedence, so the message names what it really tried to fetch.
    platform: env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform,
    arch: env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch,
  }
}

/** Where the executable sits inside an unpacked Electron, as electron's install.js writes it to path.txt. */
function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  return platform === 'win32' ? 'electron.exe' : 'electron'
}

/**
 * The executable to start, or null when Electron still has to be installed. Mirrors electron's index.js:
 * ELECTRON_OVERRIDE_DIST_PATH wins (and then must hold an Electron), otherwise dist/ as named by path.txt, for
 * this version (after an upgrade the old dist must not be used).
 */
export function installedExecutable(electron) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const exe = join(override, platformExecutable(electron.platform))
    if (!existsSync(exe)) {
      throw new StartError(
        `Fieldnote cannot start: ELECTRON_OVERRIDE_DIST_PATH is set to ${override},\n` +
          `but there is no Electron executable at ${exe}.\n` +
          `Point it at the folder of an unpacked Electron ${electron.version} ` +
          `(electron-v${electron.version}-${electron.platform}-${electron.arch}.zip), or unset it to download Electron once.`,
      )
    }
    return exe
  }
  try {
    const version = readFileSync(join(electron.dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '')
    const exe = join(electron.dir, 'dist', readFileSync(join(electron.dir, 'path.txt'), 'utf8'))
    return version === electron.version && existsSync(exe) ? exe : null
  } catch {
    return null
  }
}

function mirrorOf(env) {
  return (
    env.ELECTRON_MIRROR ||
    env.npm_config_electron_mirror ||
    env.npm_package_config_electron_mirror ||
    DEFAULT_MIRROR
  )
}

/** The one line of the installer's error worth showing: its message, without the stack that follows it. */
export function errorLine(output) {
  const lines = output.split(/\r?\n/).map((l) => l.trim())
  const error = lines.find((l) => /^([A-Z]\w*)?Error\b[^:]*:\s*\S/.test(l))
  const line =
    error ?? lines.find((l) => l && !l.startsWith('at ')) ?? 'the installer stopped without a reason'
  return line.replace(/^([A-Z]\w*)?Error\b[^:]*:\s*/, '').slice(0, 400)
}

export function downloadFailedMessage(electron, reason, env = process.env) {
  const zip = `electron-v${electron.version}-${electron.platform}-${electron.arch}.zip`
  // fetch's own message for a refused connection, an unknown host or no network says nothing of where.
  const why = reason === 'fetch failed' ? `could not connect to ${new URL(mirrorOf(env)).host}` : reason
  return [
    `Fieldnote cannot start: Electron ${electron.version}, the desktop runtime it runs in, is not installed yet,`,
    `and downloading it (${zip}) failed: ${why}`,
    '',
    'The first start needs the internet once, to download Electron (about 100 MB); later starts work offline.',
    'Without access to GitHub (or with a mirror that lacks it), either',
    `  - point at a mirror that has v${electron.version}/${zip}:`,
    '      ELECTRON_MIRROR=https://your-mirror.example/electron/ npm start',
    `  - or use an Electron ${electron.version} you already have, unpacked:`,
    '      ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start',
  ].join('\n')
}

function largestFile(dir) {
  let size = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    try {
      size = Math.max(size, statSync(join(entry.parentPath, entry.name)).size)
    } catch {
      // Moved into Electron's cache between listing and stat: the download is over.
    }
  }
  return size
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`

/**
 * Runs electron's install.js (the `install-electron` bin), which honours ELECTRON_MIRROR,
 * electron_use_remote_checksums, electron_config_cache and the rest, and returns the executable it installed.
 * Progress: the installer downloads into its temp folder, so it gets one of ours and we report how much of the
 * zip has arrived (its own bar only appears after 30 s, and only on a terminal).
 */
export async function installElectron(electron, out = process.stderr) {
  const scratch = mkdtempSync(join(tmpdir(), 'fieldnote-electron-'))
  const started = Date.now()
  const where = new URL(mirrorOf(process.env)).host
  out.write(
    `Electron ${electron.version} (${electron.platform}-${electron.arch}) is not installed yet: ` +
      `downloading it once from ${where}...\n`,
  )
  const child = spawn(process.execPath, [join(electron.dir, 'install.js')], {
    env: { ...process.env, TMPDIR: scratch, TEMP: scratch, TMP: scratch, ELECTRON_GET_NO_PROGRESS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const tty = out.isTTY === true
  let shown = -Infinity
  const tick = setInterval(() => {
    const size = largestFile(scratch)
    // On a terminal one line is rewritten; in a log, a line per 10 MB keeps it short.
    if (tty) out.write(`\r  ${mb(size)} downloaded   `)
    else if (size > 0 && size >= shown + 10e6) {
      out.write(`  ${mb(size)} downloaded\n`)
      shown = size
    }
  }, 500)
  tick.unref()
  const result = await new Promise((resolve) => {
    child.on('error', (err) => resolve({ code: 1, signal: null, spawnError: err }))
    child.on('close', (code, signal) => resolve({ code, signal }))
  })
  clearInterval(tick)
  if (tty) out.write('\n')
  rmSync(scratch, { recursive: true, force: true })
  if (result.signal)
    throw new StartError(`Electron's download was stopped (${result.signal}); nothing was started.`)
  if (result.code !== 0) {
    const reason = result.spawnError ? result.spawnError.message : errorLine(output)
    throw new StartError(downloadFailedMessage(electron, reason))
  }
  const exe = installedExecutable(electron)
  if (!exe) {
    throw new StartError(
      `Fieldnote cannot start: Electron's installer finished, but ${join(electron.dir, 'path.txt')} ` +
        `does not name an executable in ${join(electron.dir, 'dist')}.\n` +
        'Delete node_modules/electron, run `npm install`, then `npm start` again.',
    )
  }
  out.write(`Electron ${electron.version} installed in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`)
  return exe
}
