// `npm start` (node scripts/start.mjs preview) and `npm run dev` (node scripts/start.mjs dev): make sure the
// Electron executable is there, installing it through Electron's own installer on the first start, then run
// electron-vite, which builds (or serves) the app and starts Electron on it.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { electronPackage, installedExecutable, installElectron, StartError } from './electron-runtime.mjs'

const root = join(import.meta.dirname, '..')
const [mode, ...rest] = process.argv.slice(2)
if (mode !== 'preview' && mode !== 'dev') {
  console.error('usage: node scripts/start.mjs preview|dev [electron-vite options]')
  process.exit(2)
}

async function electronExecutable() {
  // electron-vite's own override: whoever set it chose the binary.
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH
  const electron = electronPackage(root)
  return installedExecutable(electron) ?? (await installElectron(electron))
}

let exe
try {
  exe = await electronExecutable()
} catch (err) {
  if (!(err instanceof StartError)) throw err
  console.error(err.message)
  process.exit(1)
}

const vitePkg = createRequire(join(root, 'package.json')).resolve('electron-vite/package.json')
const viteBin = join(dirname(vitePkg), JSON.parse(readFileSync(vitePkg, 'utf8')).bin['electron-vite'])
// ELECTRON_EXEC_PATH makes electron-vite start this executable instead of looking for path.txt again, which
// is what lets ELECTRON_OVERRIDE_DIST_PATH work (electron-vite does not read it).
const child = spawn(process.execPath, [viteBin, mode, ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: exe },
})
// Ctrl+C reaches the whole process group; a SIGTERM sent to this script alone is passed on, so that no
// electron-vite (or Electron) is left running without us.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
