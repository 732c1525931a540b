// `npm install` on a fresh clone must leave package-lock.json as it is. npm ci (CI) only refuses a lock whose
// dependencies disagree with package.json; what it lets through, and a fresh install then rewrites, is the root
// package's own fields (bin, engines) and the hasInstallScript marks. Both are checked here against what npm
// would write: package.json for the root, the installed packages for the marks.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '../..')

interface Manifest {
  name?: string
  version?: string
  bin?: Record<string, string> | string
  engines?: Record<string, string>
  license?: string
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  scripts?: Record<string, string>
}
interface LockEntry extends Manifest {
  hasInstallScript?: boolean
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T
const pkg = readJson<Manifest>(join(repo, 'package.json'))
const lock = readJson<{ name: string; version: string; packages: Record<string, LockEntry> }>(
  join(repo, 'package-lock.json'),
)

/**
 * npm's rule: an install lifecycle script, or a binding.gyp (npm then runs `node-gyp rebuild` itself; the mark is
 * kept even with "gypfile": false, as better-sqlite3 shows).
 */
function hasInstallScript(dir: string, manifest: Manifest): boolean {
  const s = manifest.scripts ?? {}
  if (s.preinstall || s.install || s.postinstall) return true
  return existsSync(join(dir, 'binding.gyp'))
}

describe('package-lock.json', () => {
  it('records the root package as package.json declares it', () => {
    const root = lock.packages['']!
    expect({ name: lock.name, version: lock.version }).toEqual({ name: pkg.name, version: pkg.version })
    for (const field of [
      'name',
      'version',
      'bin',
      'engines',
      'license',
      'dependencies',
      'devDependencies',
    ] as const) {
      expect({ [field]: root[field] }).toEqual({ [field]: pkg[field] })
    }
  })

  it('marks exactly the installed packages that have install scripts', () => {
    const wrong: string[] = []
    let checked = 0
    for (const [path, entry] of Object.entries(lock.packages)) {
      const dir = join(repo, path)
      // Skipped optional packages for other platforms, and the root itself.
      if (!path || !existsSync(join(dir, 'package.json'))) continue
      checked++
      const expected = hasInstallScript(dir, readJson<Manifest>(join(dir, 'package.json')))
      if (expected !== (entry.hasInstallScript === true))
        wrong.push(`${path}: lock says ${!!entry.hasInstallScript}`)
    }
    expect(wrong).toEqual([])
    expect(checked).toBeGreaterThan(100)
  })
})
