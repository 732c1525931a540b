// npm test: build the app, run every test layer (shared, main, renderer, e2e) in one vitest run, and end
// with the line CI reads: "N passed, N failed". Fails when anything failed or when no test ran.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env })

// Static checks and the build come first; each failure counts as one failed check in the summary.
const steps = [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']],
  ['typecheck (renderer and browser tests)', bin('tsc'), ['-p', 'tsconfig.test.json', '--noEmit']],
  ['lint', bin('eslint'), ['.']],
  ['build', bin('electron-vite'), ['build']],
]
let stepFailures = 0
for (const [name, cmd, args] of steps) {
  console.log(`> ${name}`)
  if (run(cmd, args).status !== 0) {
    console.log(`! ${name} failed`)
    stepFailures++
    if (name === 'build') {
      // The browser tests need the build; without it there is nothing more to run.
      console.log(`0 passed, ${stepFailures} failed`)
      process.exit(1)
    }
  }
}

mkdirSync(join(root, 'test-results'), { recursive: true })
const report = join(root, 'test-results', 'vitest.json')
const extra = process.argv.slice(2)
const result = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
])

let passed = 0
let failed = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed = json.numPassedTests ?? 0
  // A file that fails to load has no failed test of its own; count it so it cannot pass silently.
  const brokenFiles = (json.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  )
  failed = (json.numFailedTests ?? 0) + brokenFiles.length
}
failed += stepFailures
console.log(`${passed} passed, ${failed} failed`)
if (result.status !== 0 || failed > 0 || passed === 0) process.exit(1)
