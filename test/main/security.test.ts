import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  isAppUrl,
  isSafeExternalUrl,
  secureWebPreferences,
} from '../../src/main/window/security'

const DEV = 'http://localhost:5173'
const PACKAGED_INDEX = 'file:///opt/Fieldnote/resources/app.asar/out/renderer/index.html'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://example.com/docs?q=1#top',
    'http://example.com/path',
    'HTTPS://EXAMPLE.COM/',
    'mailto:research@example.com',
    'mailto:research@example.com?subject=Interview',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'file:///etc/passwd',
    'file://C:/Windows/System32/calc.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://example.com/1234',
    'fieldnote://open?path=/etc',
    'vscode://file/etc/passwd',
    'ms-msdt:/id PCWDiagnostic',
    'smb://evil.example/share',
    'ftp://example.com/file',
    'chrome://settings',
    'https://user:secret@example.com/',
    'https://bank.example@evil.example/login',
    'mailto:',
    'mailto:a@example.com?attach=/home/me/.ssh/id_rsa',
    'mailto:a@example.com?subject=x&Attachment=C:\\Users\\me\\secrets.kdbx',
    'smb://host/share',
    '\\\\host\\share',
    '\\\\?\\UNC\\host\\share',
    '//host/share',
    'file://host/share/doc.pdf',
    'search-ms:query=invoice&crumb=location:\\\\evil.example\\share',
    'ms-officecmd:{"id":1}',
    'fieldnote:open',
    'JaVaScRiPt:alert(1)',
    '\tjavascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\nscript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    ' data:text/html,x',
    'https://',
    'not a url',
    '',
    '//example.com/no-scheme',
    '/relative/path',
  ])('rejects %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

describe('the URL handed to the OS', () => {
  it('is the parsed URL, not the raw text (no leading control characters or tabs reach the OS)', () => {
    expect(decideNavigation('\u0001 https://example.com/a\tb')).toEqual({
      action: 'open-external',
      url: 'https://example.com/ab',
    })
    // A URL parser drops leading C0 controls, so this one is https://example.com/ and goes out as that.
    expect(decideNavigation('\u0000https://example.com')).toEqual({
      action: 'open-external',
      url: 'https://example.com/',
    })
    expect(decideNavigation('HTTPS://Example.COM')).toEqual({
      action: 'open-external',
      url: 'https://example.com/',
    })
  })
})

describe('isAppUrl', () => {
  it('with a dev server: only its exact origin', () => {
    expect(isAppUrl(`${DEV}/`, DEV)).toBe(true)
    expect(isAppUrl(`${DEV}/#/studies/1`, DEV)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false)
    expect(isAppUrl('http://localhost.evil.example:5173/', DEV)).toBe(false)
    expect(isAppUrl('http://localhost:5173@evil.example/', DEV)).toBe(false)
    expect(isAppUrl(PACKAGED_INDEX, DEV)).toBe(false)
    expect(isAppUrl('garbage', DEV)).toBe(false)
    expect(isAppUrl(`${DEV}/`, 'not a url')).toBe(false)
  })

  it('packaged: only the file:// renderer index', () => {
    expect(isAppUrl(PACKAGED_INDEX, undefined, PACKAGED_INDEX)).toBe(true)
    expect(isAppUrl(`${PACKAGED_INDEX}#/interviews/42`, undefined, PACKAGED_INDEX)).toBe(true)
    expect(
      isAppUrl('file:///opt/Fieldnote/resources/app.asar/out/renderer/other.html', undefined, PACKAGED_INDEX),
    ).toBe(false)
    expect(isAppUrl('file:///etc/passwd', undefined, PACKAGED_INDEX)).toBe(false)
    expect(isAppUrl('https://example.com/renderer/index.html', undefined, PACKAGED_INDEX)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', undefined, PACKAGED_INDEX)).toBe(false)
    expect(isAppUrl('data:text/html,renderer/index.html', undefined, PACKAGED_INDEX)).toBe(false)
    expect(isAppUrl('', undefined, PACKAGED_INDEX)).toBe(false)
    // Another copy of a renderer index elsewhere on disk (a downloaded page, say) is not ours.
    expect(isAppUrl('file:///home/user/Downloads/renderer/index.html', undefined, PACKAGED_INDEX)).toBe(false)
    // Without knowing the packaged index, no file:// page is trusted.
    expect(isAppUrl(PACKAGED_INDEX)).toBe(false)
  })
})

describe('decideNavigation', () => {
  it('keeps the app in the window, sends safe links to the OS and refuses the rest', () => {
    expect(decideNavigation(`${DEV}/#/companies`, DEV)).toEqual({ action: 'allow' })
    expect(decideNavigation(PACKAGED_INDEX, undefined, PACKAGED_INDEX)).toEqual({ action: 'allow' })
    expect(decideNavigation('https://example.com/help', DEV)).toEqual({
      action: 'open-external',
      url: 'https://example.com/help',
    })
    expect(decideNavigation('mailto:a@example.com', undefined, PACKAGED_INDEX)).toEqual({
      action: 'open-external',
      url: 'mailto:a@example.com',
    })
    expect(decideNavigation('http://localhost:5174/', DEV)).toEqual({
      action: 'open-external',
      url: 'http://localhost:5174/',
    })
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'fieldnote://x',
      'https://a:b@evil.example',
    ]) {
      expect(decideNavigation(url, DEV)).toEqual({ action: 'deny' })
      expect(decideNavigation(url, undefined, PACKAGED_INDEX)).toEqual({ action: 'deny' })
    }
  })
})

describe('content security policy and web preferences', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  )

  it("has default-src 'self' and a script-src with neither unsafe-eval nor unsafe-inline", () => {
    expect(directives.get('default-src')).toEqual(["'self'"])
    const script = directives.get('script-src') ?? directives.get('default-src')
    expect(script).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(script).not.toContain("'unsafe-inline'")
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
  })

  it("is the same policy in the page's <meta> (all but frame-ancestors, which a <meta> cannot carry)", () => {
    const html = readFileSync(join(import.meta.dirname, '../../src/renderer/index.html'), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? ''
    const parse = (policy: string) =>
      policy
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .sort()
    expect(parse(meta)).toEqual(
      parse(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')),
    )
  })

  it('secureWebPreferences isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.js')
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    })
  })
})
