// npm run bench: build bench/run.ts and run it; it prints one "name: value unit" line per metric and writes
// bench/results.json.
//
// Why a build step: the bench imports the real main-process code, which is TypeScript with extensionless
// relative imports ('../db/schema'). Node 24 strips types but its ESM loader will not resolve those imports,
// nor run TypeScript-only syntax such as constructor parameter properties. Vite is already a dev dependency
// (electron-vite builds the app with it), so its SSR build bundles bench/run.ts and our sources into one ESM
// file in about a second, with every package left external (better-sqlite3, drizzle-orm, zod load from
// node_modules as in the app). The bundle goes under node_modules/.cache so those bare imports resolve.
// The bench then runs in a fresh Node process, without Vite loaded, and its exit code is passed on: non-zero
// only when the bench crashed; a missed goal is reported in the output and results.json, not as a failure.
// The notes-editor figures run the built app in Chromium, so the app is built first (skip with --no-build,
// e.g. right after a build); --research-only needs no app build.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'vite'

const root = join(import.meta.dirname, '..')
const outDir = join(root, 'node_modules', '.cache', 'bench')

const args = process.argv.slice(2)
if (
  !['--no-build', '--research-only', '--reports-only', '--qdpx-only', '--backup-only'].some((a) =>
    args.includes(a),
  )
) {
  const app = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (app.status !== 0) process.exit(app.status ?? 1)
}

await build({
  configFile: false,
  envDir: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: join(root, 'bench', 'run.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'run.mjs' } },
  },
})

const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', '--expose-gc', join(outDir, 'run.mjs'), ...args.filter((a) => a !== '--no-build')],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FIELDNOTE_ROOT: root },
  },
)
if (result.error) throw result.error
process.exit(result.status ?? 1)
