import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './helpers'

/** The real command line, run as a user runs it: `node bin/fieldnote.mjs …` in a folder. */
export const BIN = join(ROOT, 'bin', 'fieldnote.mjs')

export function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 180_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
