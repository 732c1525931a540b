import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOMAINS } from '../../src/shared/ipc/domains'

/**
 * docs/architecture.md is the map a newcomer follows; it must match the tree. Every domain has a row in its
 * domain table, every path the table names exists, and every domain folder or file in the layers appears in it.
 */
const ROOT = resolve(import.meta.dirname, '..', '..')
const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8')

interface Row {
  domain: string
  cells: string[]
}

function domainTable(): Row[] {
  const start = doc.indexOf('## Domains')
  expect(start, 'docs/architecture.md has a "## Domains" section').toBeGreaterThan(-1)
  const lines = doc.slice(start).split('\n')
  const rows: Row[] = []
  for (const line of lines.slice(1)) {
    if (line.startsWith('## ')) break
    if (!line.startsWith('| `')) continue
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim())
    rows.push({ domain: cells[0]?.replaceAll('`', '') ?? '', cells: cells.slice(1) })
  }
  return rows
}

/** Paths in backticks inside a cell, relative to the layer folders the table's header names. */
const pathsIn = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')

const LAYER_ROOTS = [
  'src/shared/ipc/contracts',
  'src/main/ipc/handlers',
  'src/main/services',
  'src/renderer/src/features',
  'src/renderer/src/i18n/features',
  'test/main',
]

describe('docs/architecture.md', () => {
  it('has one row per domain, in the order of src/shared/ipc/domains.ts', () => {
    expect(domainTable().map((r) => r.domain)).toEqual([...DOMAINS])
  })

  it('names only paths that exist', () => {
    for (const row of domainTable())
      row.cells.forEach((cell, layer) => {
        for (const p of pathsIn(cell)) {
          // A path from the repository root (src/…) is taken as it is; others are relative to their layer.
          const base = /^(src|test)\//.test(p) ? '' : LAYER_ROOTS[layer]
          expect(base, `${row.domain}: a path in column ${layer + 2} has no layer`).toBeDefined()
          expect(existsSync(join(ROOT, base ?? '', p)), `${row.domain}: ${base}/${p}`).toBe(true)
        }
      })
  })

  it('lists every service and renderer feature of the tree, each in its own column', () => {
    const column = (i: number) => new Set(domainTable().flatMap((r) => pathsIn(r.cells[i] ?? '')))
    const entries = (dir: string) =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).map((e) =>
        e.isDirectory() ? `${e.name}/` : e.name,
      )
    const helpers = doc.slice(doc.indexOf('## Shared helpers'))
    for (const [dir, named] of [
      ['src/main/services', column(2)],
      ['src/renderer/src/features', column(3)],
    ] as const)
      for (const entry of entries(dir))
        expect(
          named.has(entry) || helpers.includes(`\`${entry}\``),
          `${dir}/${entry} is not in docs/architecture.md`,
        ).toBe(true)
  })
})
