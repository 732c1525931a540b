/**
 * Pure security decisions for the Electron shell, kept free of Electron imports so they are unit-tested.
 */

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:'])

/** Links the OS may open in the user's browser or mail client. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return false
  // Some mail clients attach a local file named in the link (mailto:x@example.com?attach=/home/me/.ssh/id_rsa).
  if (url.protocol === 'mailto:')
    return url.pathname.length > 0 && ![...url.searchParams.keys()].some((k) => /^attach/i.test(k))
  // Credentials in a link are a classic phishing disguise (https://bank.com@evil.example).
  return url.hostname.length > 0 && url.username === '' && url.password === ''
}

/**
 * The app's own pages: the dev server's exact origin in development, otherwise exactly the packaged
 * renderer file (indexUrl, a file:// URL); any other local file is not ours.
 */
export function isAppUrl(raw: string, devServerUrl?: string, indexUrl?: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (devServerUrl) {
    try {
      return url.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  if (url.protocol !== 'file:' || !indexUrl) return false
  try {
    const expected = new URL(indexUrl)
    return expected.protocol === 'file:' && url.host === expected.host && url.pathname === expected.pathname
  } catch {
    return false
  }
}

export type NavigationDecision =
  { action: 'allow' } | { action: 'deny' } | { action: 'open-external'; url: string }

/** In-window navigation stays inside the app; safe outside links go to the OS; everything else is refused. */
export function decideNavigation(raw: string, devServerUrl?: string, indexUrl?: string): NavigationDecision {
  if (isAppUrl(raw, devServerUrl, indexUrl)) return { action: 'allow' }
  // The OS gets the parsed form, not the raw text (leading spaces or control characters, tabs inside).
  if (isSafeExternalUrl(raw)) return { action: 'open-external', url: new URL(raw).href }
  return { action: 'deny' }
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: true,
  } as const
}
