import { request } from 'node:http'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startWebServer, TOKEN_HEADER, type RunningWebServer } from '../../src/main/bridge/web-server'
import { loadOrCreateToken, TOKEN_FILE } from '../../src/main/bridge/web-token'
import { setupApp, type TestApp } from './helpers'

let t: TestApp
let rendererDir: string
let running: RunningWebServer | null = null

/** One call through the bridge as the renderer makes it: POST /api/invoke with the token header. */
function invoke(port: number, token: string, channel: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/invoke',
        agent: false,
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    r.on('error', reject)
    r.end(JSON.stringify({ channel, input: undefined }))
  })
}

/** What web.ts does on each start: the token from the data folder, the port asked for. */
async function start(port: number, renew = false): Promise<RunningWebServer> {
  running = await startWebServer({
    app: t.app,
    rendererDir,
    port,
    token: loadOrCreateToken(t.dataDir, { renew }),
  })
  return running
}

beforeEach(async () => {
  t = await setupApp()
  mkdirSync(t.dataDir, { recursive: true })
  rendererDir = join(t.dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
})

afterEach(async () => {
  await running?.close()
  running = null
  t.cleanup()
})

describe('browser-mode token kept in the data folder', () => {
  it('is 64 random hex characters in a file only its owner can read', () => {
    const token = loadOrCreateToken(t.dataDir)
    expect(token).toMatch(/^[0-9a-f]{64}$/)
    const file = join(t.dataDir, TOKEN_FILE)
    expect(readFileSync(file, 'utf8')).toBe(`${token}\n`)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    // No temporary file is left beside it.
    expect(readdirSync(t.dataDir).filter((f) => f.startsWith(TOKEN_FILE))).toEqual([TOKEN_FILE])
    const other = join(t.dir, 'other-data')
    mkdirSync(other)
    expect(loadOrCreateToken(other)).not.toBe(token)
  })

  it('is reused on the next start, renewed on request, and replaced when the file is damaged', () => {
    const first = loadOrCreateToken(t.dataDir)
    expect(loadOrCreateToken(t.dataDir)).toBe(first)
    const renewed = loadOrCreateToken(t.dataDir, { renew: true })
    expect(renewed).not.toBe(first)
    expect(loadOrCreateToken(t.dataDir)).toBe(renewed)
    writeFileSync(join(t.dataDir, TOKEN_FILE), 'not a token')
    const fresh = loadOrCreateToken(t.dataDir)
    expect(fresh).toMatch(/^[0-9a-f]{64}$/)
    expect(fresh).not.toBe(renewed)
  })

  it('tightens a token file that others could read', () => {
    const token = loadOrCreateToken(t.dataDir)
    const file = join(t.dataDir, TOKEN_FILE)
    chmodSync(file, 0o644)
    expect(loadOrCreateToken(t.dataDir)).toBe(token)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('a restart on the same port and data folder keeps an open page working; --new-token locks it out', async () => {
    const first = await start(0)
    const { port, token, url } = first
    expect(existsSync(join(t.dataDir, TOKEN_FILE))).toBe(true)
    const before = await invoke(port, token, 'library:current')
    expect(before.status).toBe(200)
    expect(JSON.parse(before.body)).toMatchObject({ ok: true, value: { path: t.libraryPath } })
    await first.close()
    running = null

    const second = await start(port)
    expect(second.url).toBe(url)
    const after = await invoke(port, token, 'library:current')
    expect(after.status).toBe(200)
    expect(JSON.parse(after.body)).toMatchObject({ ok: true, value: { path: t.libraryPath } })
    await second.close()
    running = null

    const third = await start(port, true)
    expect(third.token).not.toBe(token)
    expect((await invoke(port, token, 'library:current')).status).toBe(403)
    expect((await invoke(port, third.token, 'library:current')).status).toBe(200)
  })
})
