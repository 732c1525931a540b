import { timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { AppContext } from '../ipc/app-context'
import { dispatch } from '../ipc/dispatch'
import { CONTENT_SECURITY_POLICY } from '../window/security'
import { newToken } from './web-token'

export const TOKEN_HEADER = 'x-fieldnote-token'
// Transcript batches travel as base64 (10 MB per file): room for several files in one import.
const MAX_BODY_BYTES = 64 * 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface WebServerOptions {
  app: AppContext
  /** The built renderer (out/renderer); static files are served only from here. */
  rendererDir: string
  port?: number
  /** Largest request body accepted (tests lower it); MAX_BODY_BYTES by default. */
  maxBodyBytes?: number
  /** Kept across restarts by the caller (web-token.ts); a fresh random one when absent. */
  token?: string
}

export interface RunningWebServer {
  url: string
  port: number
  token: string
  server: Server
  close(): Promise<void>
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

class BodyTooLarge extends Error {}

const byteSize = (n: number) =>
  n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`

/**
 * Reads a request body of up to `limit` bytes. An oversized body is read to its end and dropped, so the client
 * gets a TOO_LARGE answer it can show (a socket destroyed mid-upload reads as a network failure, which
 * autosave would retry forever); only a body four times the limit is cut off.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= limit) chunks.push(c)
      else if (size > 4 * limit) req.destroy(new BodyTooLarge())
      else chunks.length = 0
    })
    req.on('end', () =>
      size > limit ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8')),
    )
    req.on('error', reject)
  })
}

/**
 * The same handler table as the Electron app, over loopback HTTP, so the real renderer runs in plain
 * Chromium against the real services and SQLite. Guards: 127.0.0.1 only; a Host header naming this
 * server (DNS rebinding); a random token (web-token.ts) in a custom header (which also forces a CORS
 * preflight that this server never grants, so other sites cannot call it).
 */
export function startWebServer(opts: WebServerOptions): Promise<RunningWebServer> {
  const token = opts.token ?? newToken()
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES
  let port = 0
  let inFlight = 0
  let onIdle: (() => void) | null = null

  const server = createServer((req, res) => {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'Wrong host')
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://${host}`)
    } catch {
      // A request target like "//" is not a valid URL path; answering beats crashing the server.
      return send(res, 400, 'Bad request')
    }

    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, 'POST only')
      if (!safeEqual(String(req.headers[TOKEN_HEADER] ?? ''), token)) return send(res, 403, 'Bad token')
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
        return send(res, 415, 'JSON only')
      inFlight++
      void (async () => {
        try {
          let payload: { channel?: unknown; input?: unknown }
          try {
            payload = JSON.parse(await readBody(req, maxBody)) as typeof payload
          } catch (err) {
            if (err instanceof BodyTooLarge)
              return send(
                res,
                413,
                JSON.stringify({
                  ok: false,
                  error: {
                    code: 'TOO_LARGE',
                    message: `The request is larger than the ${byteSize(maxBody)} the app accepts at once.`,
                    params: { what: 'request', limit: String(maxBody) },
                  },
                }),
                'application/json',
              )
            return send(
              res,
              400,
              JSON.stringify({
                ok: false,
                error: { code: 'VALIDATION', message: 'The request was not valid JSON.' },
              }),
              'application/json',
            )
          }
          const envelope = await dispatch(opts.app, payload.channel, payload.input)
          send(res, 200, JSON.stringify(envelope), 'application/json')
        } finally {
          inFlight--
          if (inFlight === 0) onIdle?.()
        }
      })()
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    let rel: string
    try {
      rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1))
    } catch {
      // Malformed percent-encoding (e.g. "/%"): a synchronous throw here would crash the whole process.
      return send(res, 404, 'Not found')
    }
    const file = normalize(join(opts.rendererDir, rel))
    if (!file.startsWith(opts.rendererDir + sep) || !existsSync(file) || !statSync(file).isFile())
      return send(res, 404, 'Not found')
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    })
    createReadStream(file).pipe(res)
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address()
      port = typeof addr === 'object' && addr ? addr.port : 0
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        server,
        // Stop accepting, let in-flight saves finish, then resolve: a shutdown never cuts a write short.
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeIdleConnections()
            if (inFlight === 0) server.closeAllConnections()
            else onIdle = () => server.closeAllConnections()
          }),
      })
    })
  })
}
