import type { Envelope } from '../../../shared/ipc/errors'
import type { FieldnoteApi, MenuCommand } from '../../../shared/ipc/transport'

declare global {
  interface Window {
    api?: FieldnoteApi
  }
}

const TOKEN_KEY = 'fieldnote.bridgeToken'
const TOKEN_HEADER = 'x-fieldnote-token'
/** Browsers' quota for the bodies of keepalive requests in flight (Chromium: 64 KiB). */
const KEEPALIVE_MAX_BYTES = 64 * 1024
const fitsKeepalive = (body: string) =>
  body.length * 3 < KEEPALIVE_MAX_BYTES || new TextEncoder().encode(body).length < KEEPALIVE_MAX_BYTES

/** The web bridge's token arrives once in the URL; keep it for this tab and take it out of the address bar. */
function bridgeToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

export interface Transport {
  kind: 'electron' | 'web'
  invoke(channel: string, input: unknown, opts?: { keepalive?: boolean }): Promise<Envelope<unknown>>
  onMenu(listener: (command: MenuCommand) => void): () => void
  onFlushRequest(listener: () => Promise<boolean | void>): () => void
}

function webTransport(): Transport {
  const token = bridgeToken()
  return {
    kind: 'web',
    async invoke(channel, input, opts) {
      const body = JSON.stringify({ channel, input })
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body,
        // keepalive lets a last save finish while the tab is closing; browsers refuse keepalive bodies over
        // 64 KB outright, so a long note goes as a plain request, which still usually reaches the server.
        keepalive: (opts?.keepalive ?? false) && fitsKeepalive(body),
      })
      if (res.status === 403)
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: 'This tab lost its access key. Open the address printed by "npm run web" again.',
          },
        }
      return (await res.json()) as Envelope<unknown>
    },
    onMenu: () => () => {},
    onFlushRequest: () => () => {},
  }
}

function electronTransport(api: FieldnoteApi): Transport {
  return {
    kind: 'electron',
    invoke: (channel, input) => api.invoke(channel as never, input) as Promise<Envelope<unknown>>,
    onMenu: (l) => api.onMenu(l),
    onFlushRequest: (l) => api.onFlushRequest(l),
  }
}

let current: Transport | null = null
export function transport(): Transport {
  current ??= window.api ? electronTransport(window.api) : webTransport()
  return current
}

/** Tests install their own transport (a real handler table behind it). */
export function setTransport(t: Transport): void {
  current = t
}
