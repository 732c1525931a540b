#!/usr/bin/env node
// `npx fieldnote <command>`: the Fieldnote command line (see README and src/main/cli/main.ts).
//
// Same approach as scripts/bench.mjs: our main-process code is TypeScript with extensionless imports, which
// Node will not load directly, so Vite's SSR build bundles src/main/cli/main.ts (and the services it uses)
// into node_modules/.cache/cli/main.mjs, with every package left external (better-sqlite3, drizzle-orm and
// zod load from node_modules, as in the app). The bundle is rebuilt only when it is missing or older than a
// source file, so Vite is not even loaded on ordinary runs. The build goes to a private folder and is
// renamed into place, so two first runs at once cannot see half a file.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = join(import.meta.dirname, '..')
const cacheDir = join(root, 'node_modules', '.cache', 'cli')
const bundle = join(cacheDir, 'main.mjs')

function newestSource() {
  let newest = statSync(join(root, 'package.json')).mtimeMs
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.(ts|mts|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs)
    }
  }
  walk(join(root, 'src', 'main'))
  walk(join(root, 'src', 'shared'))
  return newest
}

async function ensureBundle() {
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) return
  const { build } = await import('vite')
  const outDir = join(cacheDir, `build-${process.pid}`)
  mkdirSync(cacheDir, { recursive: true })
  await build({
    configFile: false,
    envDir: false,
    root,
    logLevel: 'error',
    publicDir: false,
    build: {
      ssr: join(root, 'src', 'main', 'cli', 'main.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      reportCompressedSize: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
    },
  })
  renameSync(join(outDir, 'main.mjs'), bundle)
  rmSync(outDir, { recursive: true, force: true })
}

try {
  await ensureBundle()
} catch (err) {
  console.error(`fieldnote: could not build the command line: ${String(err?.message ?? err).split('\n')[0]}`)
  process.exit(1)
}
const { runCli } = await import(pathToFileURL(bundle).href)
process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  root,
})
