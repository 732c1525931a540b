/**
 * Bytes of a text file → text, for every file a user hands us (CSV imports in the app and the CLI,
 * transcripts). UTF-8, with or without a byte-order mark, and UTF-16 LE/BE with one (what Excel's
 * "Unicode text" and many Windows tools write). Without a UTF-16 mark, NUL bytes mean a binary file.
 * One decoder, so the app and the command line accept and refuse the same files.
 */
export type TextDecodeProblem = 'binary' | 'encoding'

export class TextDecodeError extends Error {
  override name = 'TextDecodeError'
  constructor(readonly problem: TextDecodeProblem) {
    super(
      problem === 'binary'
        ? 'it contains NUL bytes, so it is a binary file, not text'
        : 'it is not UTF-8 or UTF-16 text',
    )
  }
}

export function decodeTextBytes(bytes: Uint8Array): string {
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
  else {
    if (bytes.includes(0)) throw new TextDecodeError('binary')
    try {
      // fatal: a Latin-1 or cp1251 file must be refused, not imported with "�" in people's names.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      throw new TextDecodeError('encoding')
    }
  }
  if (text.includes('\u0000')) throw new TextDecodeError('binary')
  return text
}
