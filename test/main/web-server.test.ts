import { request, type IncomingHttpHeaders } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startWebServer, TOKEN_HEADER, type RunningWebServer } from '../../src/main/bridge/web-server'
import { CONTENT_SECURITY_POLICY } from '../../src/main/window/security'
import { rowCounts, setupApp, sqliteOf, type TestApp } from './helpers'

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

interface Req {
  method?: string
  path: string
  host?: string
  headers?: Record<string, string>
  body?: string
}

let t: TestApp
let server: RunningWebServer | null
let rendererDir: string

function send(req: Req): Promise<Reply> {
  const port = server!.port
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? 'GET',
        path: req.path,
        agent: false,
        headers: { Host: req.host ?? `127.0.0.1:${port}`, ...req.headers },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    r.on('error', reject)
    r.end(req.body)
  })
}

function invokeReq(channel: string, input: unknown, headers: Record<string, string> = {}): Req {
  return {
    method: 'POST',
    path: '/api/invoke',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server!.token, ...headers },
    body: JSON.stringify({ channel, input }),
  }
}

beforeEach(async () => {
  t = await setupApp()
  rendererDir = join(t.dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fieldnote test</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(t.dir, 'secret.txt'), 'outside the renderer')
  server = await startWebServer({ app: t.app, rendererDir })
})

afterEach(async () => {
  await server?.close()
  server = null
  t.cleanup()
})

describe('web bridge: static files', () => {
  it('serves index.html at / with the CSP and safety headers, on 127.0.0.1 only', async () => {
    expect(server!.server.address()).toMatchObject({ address: '127.0.0.1' })
    expect(server!.url).toBe(`http://127.0.0.1:${server!.port}/?token=${server!.token}`)
    expect(server!.token).toMatch(/^[0-9a-f]{64}$/)
    const res = await send({ path: '/' })
    expect(res.status).toBe(200)
    expect(res.body).toBe('<!doctype html><title>Fieldnote test</title>')
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const js = await send({ path: '/assets/app.js', host: `localhost:${server!.port}` })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it('a wrong Host header → 421 (DNS rebinding), for pages and for the API', async () => {
    const port = server!.port
    for (const host of [
      `evil.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
    ]) {
      expect((await send({ path: '/', host })).status).toBe(421)
      expect((await send({ ...invokeReq('studies:list', {}), host })).status).toBe(421)
    }
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/nope.html',
    '/assets',
  ])('path traversal and missing files → 404: %s', async (path) => {
    const res = await send({ path })
    expect(res.status).toBe(404)
    expect(res.body).not.toContain('outside the renderer')
  })

  it('a malformed percent-encoding → 404, and the server keeps running', async () => {
    expect((await send({ path: '/%E0%A4%A' })).status).toBe(404)
    expect((await send({ path: '/%' })).status).toBe(404)
    expect((await send({ path: '/' })).status).toBe(200)
  })

  it('a request target that is not a URL path ("//") → 400, and the server keeps running', async () => {
    expect((await send({ path: '//' })).status).toBe(400)
    expect((await send({ path: '/' })).status).toBe(200)
  })

  it('only GET and HEAD for pages', async () => {
    expect((await send({ method: 'DELETE', path: '/' })).status).toBe(405)
    expect((await send({ method: 'GET', path: '/api/invoke' })).status).toBe(405)
  })
})

describe('web bridge: /api/invoke', () => {
  it('without a token → 403', async () => {
    const req = invokeReq('studies:create', { name: 'S', method: 'exit', targetInterviews: 1 })
    delete req.headers![TOKEN_HEADER]
    const res = await send(req)
    expect(res.status).toBe(403)
    expect(rowCounts(sqliteOf(t.app)).studies).toBe(0)
  })

  it('with a wrong token → 403, also one of the right length', async () => {
    for (const token of [
      'wrong',
      server!.token.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
      `${server!.token}x`,
    ]) {
      const res = await send(
        invokeReq(
          'studies:create',
          { name: 'S', method: 'exit', targetInterviews: 1 },
          { [TOKEN_HEADER]: token },
        ),
      )
      expect(res.status).toBe(403)
    }
    expect(rowCounts(sqliteOf(t.app)).studies).toBe(0)
  })

  it('with the token → the dispatch envelope', async () => {
    const created = await send(
      invokeReq('studies:create', { name: 'Over HTTP', method: 'exit', targetInterviews: 3 }),
    )
    expect(created.status).toBe(200)
    expect(created.headers['content-type']).toBe('application/json')
    const env = JSON.parse(created.body) as { ok: boolean; value: { id: string; name: string } }
    expect(env).toMatchObject({ ok: true, value: { id: 'id-0001', name: 'Over HTTP' } })

    const listed = JSON.parse((await send(invokeReq('studies:list', undefined))).body) as {
      ok: boolean
      value: { name: string }[]
    }
    expect(listed.value.map((s) => s.name)).toEqual(['Over HTTP'])

    const invalid = JSON.parse((await send(invokeReq('studies:get', { bogus: 1 }))).body) as {
      ok: boolean
      error: { code: string }
    }
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const unknown = JSON.parse((await send(invokeReq('fs:read', { path: '/etc/passwd' }))).body) as {
      ok: boolean
      error: { code: string }
    }
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it('a body that is not JSON by content type → 415', async () => {
    const res = await send(invokeReq('studies:list', {}, { 'Content-Type': 'text/plain' }))
    expect(res.status).toBe(415)
    const form = await send(
      invokeReq('studies:list', {}, { 'Content-Type': 'application/x-www-form-urlencoded' }),
    )
    expect(form.status).toBe(415)
  })

  it('invalid JSON → 400 with a VALIDATION envelope', async () => {
    const res = await send({ ...invokeReq('studies:list', {}), body: '{"channel": "studies:list", ' })
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('close() waits for an in-flight request to finish, and its write is kept', async () => {
    const port = server!.port
    const body = JSON.stringify({
      channel: 'studies:create',
      input: { name: 'Saved during shutdown', method: 'exit', targetInterviews: 1 },
    })
    let reply: Reply | null = null
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/invoke',
      agent: false,
      headers: {
        Host: `127.0.0.1:${port}`,
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(body)),
        [TOKEN_HEADER]: server!.token,
      },
    })
    const replied = new Promise<Reply>((resolve, reject) => {
      req.on('response', (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text += c))
        res.on('end', () =>
          resolve((reply = { status: res.statusCode ?? 0, headers: res.headers, body: text })),
        )
      })
      req.on('error', reject)
    })
    // Send the headers and half the body; the server's own 'request' listener runs before ours, so the
    // request is in flight once this resolves.
    const started = new Promise<void>((resolve) => server!.server.once('request', () => resolve()))
    const half = Math.floor(body.length / 2)
    req.write(body.slice(0, half))
    await started

    let closed = false
    const closing = server!.close().then(() => (closed = true))
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r))
    expect(closed).toBe(false)
    expect(reply).toBeNull()

    req.end(body.slice(half))
    const res = await replied
    await closing
    expect(closed).toBe(true)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Saved during shutdown' } })
    expect(rowCounts(sqliteOf(t.app)).studies).toBe(1)
    // Once closed, nothing more is accepted.
    await expect(send({ path: '/' })).rejects.toThrow(/ECONNREFUSED/)
    server = null
  })

  it('close() with nothing in flight resolves and refuses new connections', async () => {
    await send({ path: '/' })
    await server!.close()
    await expect(send({ path: '/' })).rejects.toThrow(/ECONNREFUSED/)
    server = null
  })
})

describe('web bridge: a body over its size limit', () => {
  beforeEach(async () => {
    await server?.close()
    server = await startWebServer({ app: t.app, rendererDir, maxBodyBytes: 64 * 1024 })
  })

  it('answers 413 with a TOO_LARGE envelope (not a dropped connection, which reads as "retry")', async () => {
    const res = await send(invokeReq('studies:list', { pad: 'x'.repeat(100 * 1024) }))
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: {
        code: 'TOO_LARGE',
        message: 'The request is larger than the 64 KB the app accepts at once.',
        params: { what: 'request', limit: String(64 * 1024) },
      },
    })
    // The server is still there for the next, normal call.
    const ok = await send(invokeReq('studies:list', undefined))
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true })
  })
})
