import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handlers } from '../../src/main/ipc/handlers'
import { CHANNEL_NAMES } from '../../src/shared/ipc/channels'
import { CHANNELS, contract, isChannel } from '../../src/shared/ipc/contract'
import { ALLOWED_CHANNELS } from '../../src/shared/ipc/transport'
import { invoke, removeTempDir, ROOT, setupApp } from './helpers'

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

  it('handlers get the library context from dispatch; none reaches for it', () => {
    const dir = join(ROOT, 'src', 'main', 'ipc')
    for (const file of ['handlers.ts', ...readdirSync(join(dir, 'handlers')).map((f) => `handlers/${f}`)])
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/libraries\.context\(\)/)
  })

  it('only shell channels answer without a library: every other channel is refused before its handler', async () => {
    const t = await setupApp({ create: false })
    try {
      const shell = CHANNEL_NAMES.filter((name) => 'shell' in contract[name])
      expect(sorted(shell)).toEqual(
        sorted(CHANNEL_NAMES.filter((n) => /^(app|library):/.test(n) || n === 'imports:progress')),
      )
      for (const name of CHANNEL_NAMES) {
        if (shell.includes(name)) continue
        // Input the schema refuses would stop at VALIDATION first; NO_LIBRARY or VALIDATION both prove the
        // handler did not run, so look for the one that says a library is needed whenever input passes.
        const env = await invoke(t.app, name, {})
        expect(env.ok, name).toBe(false)
        if (!env.ok) expect(['NO_LIBRARY', 'VALIDATION'], name).toContain(env.error.code)
      }
      const listed = await invoke(t.app, 'studies:list', {})
      expect(listed.ok ? null : listed.error.code).toBe('NO_LIBRARY')
      const progress = await invoke(t.app, 'imports:progress', undefined)
      expect(progress).toEqual({ ok: true, value: null })
      expect((await invoke(t.app, 'library:current', undefined)).ok).toBe(true)
    } finally {
      t.app.libraries.close()
      removeTempDir(t.dir)
    }
  })
})
