import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handlers } from '../../src/main/ipc/handlers'
import { CHANNEL_NAMES } from '../../src/shared/ipc/channel-names'
import { CHANNELS, contract, isChannel } from '../../src/shared/ipc/contracts'
import { DOMAINS, domainOf } from '../../src/shared/ipc/domains'
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

  it('the transport module the preload bundles imports only the generated name list, which imports nothing', () => {
    const read = (f: string) => readFileSync(join(ROOT, 'src', 'shared', 'ipc', f), 'utf8')
    const importsOf = (s: string) => [...s.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '')
    expect(importsOf(read('transport.ts'))).toEqual(['./channel-names'])
    expect(importsOf(read('channel-names.ts'))).toEqual([])
  })

  it('channel-names.ts is generated from the contract (npm run gen:ipc writes it)', () => {
    const file = join(ROOT, 'src', 'shared', 'ipc', 'channel-names.ts')
    const expected = renderChannelNames(CHANNELS)
    if (process.env['FIELDNOTE_WRITE_GENERATED'] === '1') writeFileSync(file, expected)
    expect(readFileSync(file, 'utf8'), 'channel-names.ts is stale: run npm run gen:ipc').toBe(expected)
  })

  it('one file per domain: contracts/<domain>.ts and handlers/<domain>.ts hold exactly that domain', async () => {
    const ipc = join(ROOT, 'src', 'shared', 'ipc', 'contracts')
    const files = (dir: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .map((f) => f.slice(0, -3))
        .sort()
    expect(files(ipc)).toEqual([...DOMAINS].sort())
    expect(files(join(ROOT, 'src', 'main', 'ipc', 'handlers'))).toEqual([...DOMAINS].sort())
    for (const domain of DOMAINS) {
      const own = (await import(`../../src/shared/ipc/contracts/${domain}.ts`)) as Record<string, object>
      const handlerModule = (await import(`../../src/main/ipc/handlers/${domain}.ts`)) as Record<
        string,
        object
      >
      const names = Object.keys(own[`${domain}Contract`] ?? {})
      expect(names.length, domain).toBeGreaterThan(0)
      expect(new Set(names.map(domainOf)), domain).toEqual(new Set([domain]))
      expect(sorted(Object.keys(handlerModule[`${domain}Handlers`] ?? {})), domain).toEqual(sorted(names))
    }
    for (const name of CHANNELS) expect(DOMAINS as readonly string[]).toContain(domainOf(name))
  })

  it('every channel is a read or a write, and every write names what it affects', () => {
    for (const name of CHANNELS) {
      const spec = contract[name] as { kind: string; affects?: readonly string[] }
      expect(['read', 'write'], name).toContain(spec.kind)
      if (spec.kind === 'write') {
        expect(Array.isArray(spec.affects), name).toBe(true)
        for (const d of spec.affects ?? []) expect(DOMAINS as readonly string[], name).toContain(d)
      } else expect(spec.affects, name).toBeUndefined()
    }
  })

  it('handlers get the library context from dispatch; none reaches for it', () => {
    const dir = join(ROOT, 'src', 'main', 'ipc')
    for (const file of readdirSync(join(dir, 'handlers')).map((f) => `handlers/${f}`))
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/libraries\.context\(\)/)
  })

  it('only shell channels answer without a library: every other channel is refused before its handler', async () => {
    const t = await setupApp({ create: false })
    try {
      const shell = CHANNEL_NAMES.filter((name) => 'shell' in contract[name])
      expect(sorted(shell)).toEqual(
        sorted(
          CHANNEL_NAMES.filter(
            (n) =>
              /^(app|library|backups):/.test(n) ||
              /^(imports:progress|reports:progress|reports:cancel|exchange:importJson)$/.test(n),
          ),
        ),
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
      expect(await invoke(t.app, 'reports:progress', undefined)).toEqual({ ok: true, value: null })
      expect(await invoke(t.app, 'reports:cancel', undefined)).toEqual({
        ok: true,
        value: { cancelled: false },
      })
      expect((await invoke(t.app, 'library:current', undefined)).ok).toBe(true)
    } finally {
      t.app.libraries.close()
      removeTempDir(t.dir)
    }
  })
})

function renderChannelNames(names: readonly string[]): string {
  return [
    '// Generated from src/shared/ipc/contracts by `npm run gen:ipc`; test/main/contract.test.ts fails when it is stale.',
    '// The sandboxed preload holds its allowlist from this list, so it never bundles zod or the schemas.',
    'export const CHANNEL_NAMES = [',
    ...names.map((n) => `  '${n}',`),
    '] as const',
    'export type ChannelName = (typeof CHANNEL_NAMES)[number]',
    '',
  ].join('\n')
}
