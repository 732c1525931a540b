import { safeFileBase } from '../../../shared/text/file-name'

/**
 * Hands a file to the user as a download. In the desktop app Electron asks where to save it (no will-download
 * handler sets a path, so the system's save dialog opens); in a browser it goes to the downloads folder. The
 * object URL outlives the click a little because some engines start reading it only after the click returns.
 */
export function downloadFile(fileName: string, data: string | Uint8Array, type: string): void {
  // A Blob takes only bytes over a plain ArrayBuffer; builders may hand a view over a shared or larger one.
  const part = typeof data === 'string' ? data : new Uint8Array(data)
  const url = URL.createObjectURL(new Blob([part], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A name the common file systems accept: no path separators, reserved characters or trailing dots. */
export function fileNameFrom(name: string, extension: string): string {
  return `${safeFileBase(name, 'Fieldnote')}.${extension}`
}
