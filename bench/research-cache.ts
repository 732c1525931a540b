/**
 * The research library (bench/generate-research-library.ts) kept between bench runs: generating it takes
 * minutes on two cores, and the in-page benches only need a copy of the same file to change. The cached file
 * is keyed by a digest of everything that decides its bytes — the generator and its helpers, the starter
 * codebooks and script templates it draws from, and the migrations — so a change to any of them makes a new
 * one instead of measuring a stale library. Each run gets its own copy; the cache itself is never opened.
 */
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { generateResearchLibrary } from './generate-research-library'

const INPUTS = [
  'bench/generate-research-library.ts',
  'bench/research-text.ts',
  'bench/fixture-vocabulary.ts',
  'bench/prng.ts',
  'src/shared/taxonomy',
  'src/shared/templates',
  'resources/drizzle',
]

function files(root: string, path: string): string[] {
  const full = join(root, path)
  if (!statSync(full).isDirectory()) return [full]
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((name) => join(full, name))
    .filter((p) => statSync(p).isFile())
    .sort()
}

function inputsDigest(root: string): string {
  const hash = createHash('sha256')
  for (const path of INPUTS.flatMap((p) => files(root, p))) {
    hash.update(relative(root, path))
    hash.update(readFileSync(path))
  }
  return hash.digest('hex').slice(0, 16)
}

/** A fresh copy of the research library at `target`; generates the cached file first when there is none. */
export async function researchLibraryCopy(
  root: string,
  target: string,
): Promise<{ generatedMs: number | null }> {
  const dir = join(root, 'node_modules', '.cache', 'fieldnote-research')
  const cached = join(dir, `research-${inputsDigest(root)}.fieldnote`)
  let generatedMs: number | null = null
  // The marker is written last, so a run stopped mid-generation leaves no file that passes for the library.
  const done = `${cached}.done`
  if (!existsSync(done)) {
    // Older keys are libraries nobody will measure again: a few hundred MB each.
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const stats = await generateResearchLibrary(cached, join(root, 'resources', 'drizzle'))
    writeFileSync(done, `${JSON.stringify(stats)}\n`)
    generatedMs = stats.ms
  }
  copyFileSync(cached, target)
  return { generatedMs }
}
