import { decodeTextBytes } from '../../../shared/text/decode-bytes'

/**
 * A picked file as text through the shared decoder (UTF-8, UTF-16, Windows-1251/1252), so the app
 * reads exactly what `npx fieldnote import` reads. File.text() would read UTF-16 as UTF-8 and see NULs.
 * Throws TextDecodeError for a binary or wrongly encoded file.
 */
export async function readTextFile(file: Blob): Promise<string> {
  return decodeTextBytes(new Uint8Array(await file.arrayBuffer())).text
}
