/**
 * Bytes of a text file → text, for every file a user hands us (CSV imports in the app and the CLI,
 * transcripts). One decoder, so the app and the command line accept and refuse the same files, and name the
 * encoding they read.
 *
 * Detection, in order: a byte-order mark (UTF-8, UTF-16 LE/BE); UTF-16 without a mark, told by NUL bytes
 * that fall on one side of each byte pair only (ASCII and Cyrillic in UTF-16 both leave them there); valid
 * UTF-8; then the two legacy code pages Windows tools still write for our users — Windows-1251 (Cyrillic) when
 * the high bytes read as Cyrillic words, else Windows-1252 (Western). A file that none of them reads cleanly
 * (control characters, bytes the code page leaves undefined) is refused rather than imported as mojibake.
 */
export type TextDecodeProblem = 'binary' | 'encoding'

export const TEXT_ENCODINGS = ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'Windows-1251', 'Windows-1252'] as const
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number]

export interface DecodedText {
  text: string
  encoding: TextEncodingName
}

export class TextDecodeError extends Error {
  override name = 'TextDecodeError'
  constructor(readonly problem: TextDecodeProblem) {
    super(
      problem === 'binary'
        ? 'it contains NUL bytes, so it is a binary file, not text'
        : 'its encoding could not be recognised (it is not UTF-8, UTF-16, Windows-1251 or Windows-1252 text)',
    )
  }
}

const strict = (label: string, bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Which byte of each pair is NUL-heavy: 'le' when the second (ASCII 'a' is 61 00), 'be' when the first. */
function utf16Order(bytes: Uint8Array): 'le' | 'be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null
  const pairs = bytes.length / 2
  let even = 0
  let odd = 0
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  // A few NULs on the other side are characters such as U+0100 or an emoji's low surrogate (U+DE00).
  if (odd >= pairs * 0.1 && even * 10 <= odd) return 'le'
  if (even >= pairs * 0.1 && odd * 10 <= even) return 'be'
  return null
}

// C0 controls other than tab, line feed, form feed and carriage return; C1 controls, which is what
// TextDecoder gives for the bytes a code page leaves undefined (0x81 in Windows-1252, 0x98 in Windows-1251).
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f]/u

const CYRILLIC = /[\u0400-\u04ff]/u
const CYRILLIC_LOWER = /[\u0430-\u045f]/u

/**
 * Whether the bytes read as Cyrillic words in Windows-1251: almost every non-ASCII character a Cyrillic
 * letter, mostly lower-case, and letters mostly next to letters (in Western text, 0xC0-0xFF are accented
 * letters standing alone between ASCII ones: "Café", "Müller").
 */
function looksCyrillic(text: string): boolean {
  const chars = [...text]
  let nonAscii = 0
  let cyr = 0
  let lower = 0
  let inRun = 0
  chars.forEach((c, i) => {
    if (c.charCodeAt(0) < 0x80) return
    nonAscii++
    if (!CYRILLIC.test(c)) return
    cyr++
    if (CYRILLIC_LOWER.test(c)) lower++
    if (CYRILLIC.test(chars[i - 1] ?? '') || CYRILLIC.test(chars[i + 1] ?? '')) inRun++
  })
  return nonAscii > 0 && cyr >= nonAscii * 0.9 && lower >= cyr * 0.6 && inRun >= cyr * 0.7
}

function legacy(bytes: Uint8Array): DecodedText {
  const cp1251 = new TextDecoder('windows-1251').decode(bytes)
  if (!CONTROL.test(cp1251) && looksCyrillic(cp1251)) return { text: cp1251, encoding: 'Windows-1251' }
  const cp1252 = new TextDecoder('windows-1252').decode(bytes)
  if (!CONTROL.test(cp1252)) return { text: cp1252, encoding: 'Windows-1252' }
  throw new TextDecodeError('encoding')
}

function detect(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3))
    if (text === null) throw new TextDecodeError('encoding')
    return { text, encoding: 'UTF-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' }
  if (bytes.includes(0)) {
    const order = utf16Order(bytes)
    const text = order && strict(order === 'le' ? 'utf-16le' : 'utf-16be', bytes)
    // Text has spaces or line breaks and no control characters; a binary file read this way does not.
    if (!order || !text || CONTROL.test(text) || !/[ \n]/.test(text)) throw new TextDecodeError('binary')
    return { text, encoding: order === 'le' ? 'UTF-16LE' : 'UTF-16BE' }
  }
  const utf8 = strict('utf-8', bytes)
  return utf8 !== null ? { text: utf8, encoding: 'UTF-8' } : legacy(bytes)
}

/** The file's text and the encoding it was read in; throws TextDecodeError for binary or unreadable bytes. */
export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  const decoded = detect(bytes)
  if (decoded.text.includes('\u0000')) throw new TextDecodeError('binary')
  return decoded
}
