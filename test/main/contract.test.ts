import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handlers } from '../../src/main/ipc/handlers'
import { CHANNEL_NAMES } from '../../src/shared/ipc/channels'
import { CHANNELS, contract, isChannel } from '../../src/shared/ipc/contract'
import { ALLOWED_CHANNELS } from '../../src/shared/ipc/transport'
import { ROOT } from './helpers'

const sorted = (xs: Iterable<string>) => [...xs].sort()

describe('IPC contract', () => {
  it('channel list, contract and handler table name the same channels', () => {
    const names = sorted(CHANNEL_NAMES)
    expect(new Set(names).size).toBe(CHANNEL_NAMES.length)
    expect(sorted(Object.keys(contract))).toEqual(names)
    expect(sorted(Object.keys(handlers))).toEqual(names)
    expect(sorted(CHANNELS)).toEqual(names)
    expect(names.length).toBeGreaterThanOrEqual(40)
  })

  it('every channel is named domain:action', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/)
  })

  it('the preload allowlist is exactly the contract', () => {
    expect(sorted(ALLOWED_CHANNELS)).toEqual(sorted(Object.keys(contract)))
  })

  it('isChannel accepts only contract channels, not inherited keys', () => {
    expect(isChannel('studies:list')).toBe(true)
    expect(isChannel('toString')).toBe(false)
    expect(isChannel('__proto__')).toBe(false)
    expect(isChannel(42)).toBe(false)
  })

  it('every handler is a function and every contract entry has input and output schemas', () => {
    for (const name of CHANNEL_NAMES) {
      expect(typeof handlers[name]).toBe('function')
      expect(typeof contract[name].input.safeParse).toBe('function')
      expect(typeof contract[name].output.safeParse).toBe('function')
    }
  })

  it('the preload imports only electron and the schema-free transport module', () => {
    const source = readFileSync(join(ROOT, 'src', 'preload', 'index.ts'), 'utf8')
    const specifiers = [
      ...source.matchAll(/\bimport\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g),
      ...source.matchAll(/\bexport\s+[^'"]*?\s+from\s+['"]([^'"]+)['"]/g),
      ...source.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((m) => m[1])
    expect(specifiers.length).toBeGreaterThan(0)
    expect(new Set(specifiers)).toEqual(new Set(['electron', '../shared/ipc/transport']))
  })

  it('the transport module the preload bundles imports no schema library or Node module', () => {
    const transport = readFileSync(join(ROOT, 'src', 'shared', 'ipc', 'transport.ts'), 'utf8')
    const channels = readFileSync(join(ROOT, 'src', 'shared', 'ipc', 'channels.ts'), 'utf8')
    const importsOf = (s: string) => [...s.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '')
    expect(importsOf(transport)).toEqual(['./channels'])
    // channels.ts only gathers the per-area name lists, which import nothing at all.
    const areaLists = importsOf(channels)
    expect(areaLists.every((p) => p.startsWith('./channels/'))).toBe(true)
    for (const area of areaLists) {
      const source = readFileSync(join(ROOT, 'src', 'shared', 'ipc', `${area.slice(2)}.ts`), 'utf8')
      expect(importsOf(source)).toEqual([])
    }
  })
})
