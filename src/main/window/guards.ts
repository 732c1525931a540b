import { app, shell, type Session, type WebContents } from 'electron'
import { decideNavigation } from './security'

/** Every permission (camera, notifications, geolocation, HID/USB/serial…) is refused: Fieldnote needs none. */
export function denyPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
}

/**
 * The guards one web page gets, whatever window it is in: it never leaves the app (a safe outside link goes
 * to the OS instead), opens no window, attaches no <webview> and is granted no permission.
 */
export function guardWebContents(
  contents: WebContents,
  devServerUrl: string | undefined,
  indexUrl: string,
): void {
  const stayInside = (event: { url: string; preventDefault(): void }, openOutside: boolean) => {
    const decision = decideNavigation(event.url, devServerUrl, indexUrl)
    if (decision.action === 'allow') return
    event.preventDefault()
    if (openOutside && decision.action === 'open-external') void shell.openExternal(decision.url)
  }
  contents.on('will-navigate', (event) => stayInside(event, true))
  // A redirect is the server's choice, not the user's click: refused, never handed to the OS.
  contents.on('will-redirect', (event) => stayInside(event, false))
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url, devServerUrl, indexUrl)
    if (decision.action === 'open-external') void shell.openExternal(decision.url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  denyPermissions(contents.session)
}

/**
 * Guards every web page Electron makes (each window's, the PDF printer's, DevTools'), as it is made, so a
 * window added later cannot be left out. Called before the app is ready, so none is made before it.
 */
export function guardEveryWebContents(devServerUrl: string | undefined, indexUrl: string): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServerUrl, indexUrl))
}
